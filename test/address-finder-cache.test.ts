// The finders kept for reuse are bounded by count and by the units of their forms
// (src/url/address-leak.ts): a message naming hundreds of recipients must not keep megabytes of
// matcher tables alive per thread, and the common small recipient sets must still be reused.
import { describe, expect, it } from 'vitest';
import { addressFinderFor, keptFinders, RECENT_FINDERS, RECENT_FORM_UNITS } from '../src/url/address-leak.js';

describe('the address finder cache', () => {
  it('reuses the finder of a recipient set met before', () => {
    const a = addressFinderFor(['reader@example.org']);
    expect(addressFinderFor(['reader@example.org'])).toBe(a);
    expect(addressFinderFor(['other@example.org'])).not.toBe(a);
  });

  it('keeps at most RECENT_FINDERS finders', () => {
    for (let i = 0; i < RECENT_FINDERS * 2; i++) addressFinderFor([`count${i}@example.org`]);
    expect(keptFinders().finders).toBe(RECENT_FINDERS);
    // The newest are the ones kept.
    const newest = addressFinderFor([`count${RECENT_FINDERS * 2 - 1}@example.org`]);
    expect(addressFinderFor([`count${RECENT_FINDERS * 2 - 1}@example.org`])).toBe(newest);
  });

  it('a finder over the units bound is kept alone while it is the newest, and gives way to the next', () => {
    const many = Array.from({ length: 256 }, (_, i) => `list.member.${i}@lists.example.org`);
    const big = addressFinderFor(many);
    expect(big.formsSize).toBeGreaterThan(RECENT_FORM_UNITS);
    expect(keptFinders()).toEqual({ finders: 1, formUnits: big.formsSize });
    expect(addressFinderFor(many)).toBe(big);
    const small = addressFinderFor(['after@example.org']);
    expect(keptFinders()).toEqual({ finders: 1, formUnits: small.formsSize });
    for (let i = 0; i < 20; i++) addressFinderFor([`small${i}@example.org`]);
    expect(keptFinders().finders).toBe(21);
    expect(keptFinders().formUnits).toBeLessThanOrEqual(RECENT_FORM_UNITS);
    expect(addressFinderFor(['after@example.org'])).toBe(small);
  });
});
