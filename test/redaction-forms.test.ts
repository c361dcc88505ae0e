import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_MASK, maskAddresses } from '../src/engine/mask-addresses.js';
import { AddressFinder } from '../src/url/address-leak.js';
import { foldCase } from '../src/url/case-fold.js';

const QUOTED = '"john doe"@example.org';
const PLAIN = 'reader.news@example.org';

/** One character of an address written in one of the ways a URL or a header can write it. */
function encodeChar(c: string, how: number): string {
  const hex = [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  switch (how) {
    case 0:
      return c;
    case 1:
      return c.toUpperCase();
    case 2:
      return hex.toUpperCase();
    case 3:
      return hex; // lower-case escapes
    case 4:
      return hex.replace(/%/g, '%25'); // encoded twice
    case 5:
      return c === ' ' ? '+' : c; // a form value's space
    default:
      return c.length === 1 ? `&#${c.charCodeAt(0)};` : c;
  }
}

describe('detection and masking read the same forms', () => {
  const finder = new AddressFinder([QUOTED, PLAIN]);

  it.each(['https://t.shop.example/o.gif?e=john+doe@example.org', 'https://t.shop.example/p.gif?e=john+doe%40example.org', 'https://t.shop.example/q.gif?e=john%20doe@example.org', 'https://t.shop.example/q.gif?e=JOHN+DOE%2540EXAMPLE.ORG'])(
    'a quoted local part with a space, written %s, is found and masked',
    (url) => {
      expect(finder.find(url).map((l) => l.address)).toContain('john doe@example.org');
      const masked = maskAddresses(url, finder);
      expect(masked).toContain(ADDRESS_MASK);
      expect(finder.find(masked)).toEqual([]);
    },
  );

  it('property (fixed seed): whatever the detector flags as carrying an address is masked, over random encodings', () => {
    const address = fc.constantFrom('john doe@example.org', PLAIN, QUOTED);
    const written = address.chain((a) => fc.array(fc.integer({ min: 0, max: 6 }), { minLength: a.length, maxLength: a.length }).map((ways) => Array.from(a, (c, i) => encodeChar(c, ways[i])).join('')));
    const around = fc.constantFrom('https://t.example/o.gif?e=', 'https://t.example/r?u=https%3A%2F%2Fx.example%2F%3Fm%3D', 'Hello ', 'id=');
    const after = fc.constantFrom('', '&x=1', '%2Cfriend%40example.net', ' and more', '#f');
    let flagged = 0;
    fc.assert(
      fc.property(around, written, after, (before, middle, end) => {
        const text = before + middle + end;
        if (finder.find(text).length === 0) return;
        flagged++;
        const masked = maskAddresses(text, finder);
        expect(finder.find(masked), masked).toEqual([]);
      }),
      { seed: 20261201, numRuns: 600 },
    );
    expect(flagged).toBeGreaterThan(300);
  });
});

describe('case folding keeps positions (İ, ẞ, final sigma, dotless ı)', () => {
  it('İ elsewhere in the string no longer turns off masking of a non-ASCII address', () => {
    const finder = new AddressFinder(['rudi@bücher.example']);
    for (const text of ['Hallo RUDI@BÜCHER.EXAMPLE İstanbul', 'İ rudi@bücher.example İİ', 'https://t.example/p.gif?e=RUDI@B%C3%9CCHER.EXAMPLE&c=%C4%B0']) {
      const masked = maskAddresses(text, finder);
      expect(masked).toContain(ADDRESS_MASK);
      expect(masked.toLowerCase()).not.toContain('bücher');
      expect(masked.toLowerCase()).not.toContain('%c3%9c');
    }
    expect(maskAddresses('İİ RUDI@BÜCHER.EXAMPLE, next', finder)).toBe(`İİ ${ADDRESS_MASK}, next`);
  });

  it('ẞ, final and medial sigma, and dotless ı: the exact span is masked', () => {
    const finder = new AddressFinder(['straße@example.org', 'σας@example.gr', 'ılık@example.tr']);
    expect(maskAddresses('İ STRAẞE@EXAMPLE.ORG x', finder)).toBe(`İ ${ADDRESS_MASK} x`);
    expect(maskAddresses('İ ΣΑΣ@example.gr x', finder)).toBe(`İ ${ADDRESS_MASK} x`);
    expect(maskAddresses('İ σασ@EXAMPLE.GR x', finder)).toBe(`İ ${ADDRESS_MASK} x`);
    expect(maskAddresses('İİ ılık@example.tr x', finder)).toBe(`İİ ${ADDRESS_MASK} x`);
    expect(finder.find('https://t.example/o?e=ΣΑΣ@example.gr&i=İ').map((l) => l.address)).toEqual(['σας@example.gr']);
  });

  it('foldCase maps each folded unit back to the code point it came from', () => {
    const folded = foldCase('aİb');
    expect(folded.text).toBe('ai̇b');
    expect([...(folded.start ?? [])]).toEqual([0, 1, 1, 2]);
    expect([...(folded.end ?? [])]).toEqual([1, 2, 2, 3]);
    expect(foldCase('ΣΑΣ').text).toBe('σασ');
  });
});

describe('VERP', () => {
  it('reader=example.org, the address with its @ as =, is a form of it: masked in a Message-ID and a List-Unsubscribe, found in a URL', () => {
    const finder = new AddressFinder(['reader@example.org']);
    expect(maskAddresses('<20240101.bounce-reader=example.org@mailer.shop.example>', finder)).toBe(`<20240101.bounce-${ADDRESS_MASK}@mailer.shop.example>`);
    expect(maskAddresses('<mailto:unsub-READER=EXAMPLE.ORG@list.example>', finder)).toBe(`<mailto:unsub-${ADDRESS_MASK}@list.example>`);
    expect(finder.find('https://t.example/u?v=reader=example.org').map((l) => l.address)).toEqual(['reader@example.org']);
  });
});
