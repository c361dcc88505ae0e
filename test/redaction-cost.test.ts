import { describe, expect, it } from 'vitest';
import { Deadline } from '../src/engine/deadline.js';
import { ADDRESS_MASK, maskAddresses } from '../src/engine/mask-addresses.js';
import { MessageTimeout } from '../src/engine/stage.js';
import { AddressFinder, MAX_ADDRESSES } from '../src/url/address-leak.js';
import { decodedTexts } from '../src/url/decoded-views.js';

/** Counts the steps the matching reports: its cost, measured without a clock. */
function counter(): { tick(): void; steps: number } {
  return {
    steps: 0,
    tick() {
      this.steps++;
    },
  };
}

// The attacker's slow7.eml: a To: of 6,000 addresses and a 1.1 MB URL of near-addresses that
// decode once more each round (`%252541`). Finding and masking cost recipients x forms x URL
// length x rounds (80 s of CPU) with no deadline check.
const RECIPIENTS = Array.from({ length: 6000 }, (_, i) => `user${i}.name@example.org`);
const URL = `https://t.shop.example/o.gif?d=${'abcdefghij0123456789@%252541'.repeat(40_000)}`;
const NEAR = `https://t.shop.example/o.gif?d=${'user1.name@example.orguser12.name@example.or%40'.repeat(20_000)}`;

describe('finding and masking the recipients is linear in the text plus the forms', () => {
  const finder = new AddressFinder([...RECIPIENTS, 'reader@example.org']);
  // Every view is read once, as written and folded: the bound is a small multiple of that.
  const bound = (text: string): number => 4 * (decodedTexts(text).reduce((n, v) => n + v.length, 0) + finder.formsSize);

  it('looks for at most MAX_ADDRESSES recipients of one message, and says how many it left out', () => {
    expect(finder.dropped).toBe(6001 - MAX_ADDRESSES);
    expect(finder.find('https://t.example/o?e=user0.name@example.org').map((l) => l.address)).toEqual(['user0.name@example.org']);
  });

  it.each([
    ['slow7', URL],
    ['near-addresses', NEAR],
  ])('%s: find and mask take steps proportional to the URL and forms, and every step is counted', (_, url) => {
    const find = counter();
    finder.find(url, find);
    expect(find.steps).toBeGreaterThan(url.length);
    expect(find.steps).toBeLessThan(bound(url));
    const mask = counter();
    const masked = maskAddresses(url, finder, mask);
    expect(mask.steps).toBeGreaterThan(url.length);
    expect(mask.steps).toBeLessThan(bound(url));
    if (url === NEAR) expect(masked).toContain(`${ADDRESS_MASK}user12`);
  });

  it('the message deadline stops both on the main thread', () => {
    const spent = new Deadline(0);
    expect(() => finder.find(URL, spent)).toThrow(MessageTimeout);
    expect(() => maskAddresses(URL, finder, spent)).toThrow(MessageTimeout);
  });
});
