import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_MASK, maskAddresses } from '../src/engine/mask-addresses.js';
import { AddressFinder } from '../src/url/address-leak.js';
import { SEED, runsFor } from './fuzz/harness.js';

// An address cut by the end of a string (a srcset candidate ended inside it) is masked from its
// start once the cut reaches past its `@`, in any case, and not before: read off the caseless
// automaton's last node and its failure chain (address-leak.ts cutAtEnd), this property pins the
// rule the former automaton of every prefix implemented.
const local = fc.array(fc.constantFrom('a', 'b', '.', 'e', '1', 'x'), { minLength: 1, maxLength: 8 }).map((a) => `r${a.join('')}`);
const domain = fc.array(fc.constantFrom('a', 'e', 'x', '-', '.'), { minLength: 1, maxLength: 8 }).map((a) => `d${a.join('')}.org`);

describe('an address cut by the end of the text', () => {
  it('is masked from its start when the cut reaches past its @, never before', () => {
    fc.assert(
      fc.property(local, domain, fc.nat(), fc.array(fc.boolean(), { maxLength: 24 }), (l, d, cut, upper) => {
        const address = `${l}@${d}`;
        const finder = new AddressFinder([address]);
        const k = 1 + (cut % address.length);
        const written = Array.from(address.slice(0, k), (c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        const prefix = 'https://t.example/o.gif?e=';
        const masked = maskAddresses(prefix + written, finder);
        expect(masked).toBe(k > l.length ? `${prefix}${ADDRESS_MASK}` : prefix + written);
      }),
      { seed: SEED, numRuns: runsFor(300) },
    );
  });
});
