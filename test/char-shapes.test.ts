import { describe, expect, it } from 'vitest';
import { isHostShaped } from '../src/url/char-shapes.js';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { detector, htmlMessage } from './helpers.js';

// attackP5 finding 3: regexes over URL pieces of unbounded length overflowed V8's regex stack.
const REGEXES: Array<[string, (v: string) => boolean, RegExp]> = [['isHostShaped', isHostShaped, /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i]];

/** Every string over a small alphabet up to a length, and random longer ones (seeded). */
function* inputs(alphabet: string): Generator<string> {
  let level = [''];
  for (let n = 0; n <= 3; n++) {
    yield* level;
    level = level.flatMap((s) => Array.from(alphabet, (c) => s + c));
  }
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let k = 0; k < 20_000; k++) {
    let s = '';
    for (let n = next() % 40; n > 0; n--) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

describe('char-code shapes (attackP5 finding 3)', () => {
  for (const [name, fn, re] of REGEXES) {
    it(`${name} answers as ${re} on short inputs`, () => {
      for (const s of inputs('aAfFgG09-.zZ_ é')) expect(fn(s), JSON.stringify(s)).toBe(re.test(s));
      for (const s of ['0123456789abcdef', '0123456789abcde', 'ABCDEF0123456789ab', 'a.b', 'a..b', '.a.b', 'a.b.', 'a-b.c-d', 'a', 'Ab', 'AbCd', 'ABc', 'abC', 'aBcD', 'aBcDe']) expect(fn(s), s).toBe(re.test(s));
    });
  }

  it('answers on 10 MB inputs where the regexes overflowed the stack', () => {
    const big = 10 * 1024 * 1024;
    expect(() => /^[0-9a-f]{16,}$/i.test('a'.repeat(big))).toThrow(RangeError);
    expect(isHostShaped('a.'.repeat(big / 2) + 'b')).toBe(true);
  });

  it('a tracked message with a 10 MB hex path segment in an image or a link stays tracked', async () => {
    const pixel = '<img src="https://u.sendgrid.net/wf/open?upn=abcdefghijklmnop1234" width="1" height="1">';
    const long = 'a'.repeat(10 * 1024 * 1024);
    for (const html of [`<img src="https://x.example/${long}">${pixel}`, `<a href="https://x.example/${long}">x</a>${pixel}`]) {
      const r = await analyseMessage('long.eml', htmlMessage(html), detector(), { timeoutMs: 120_000 });
      expect(r.error).toBeNull();
      expect(r.tracked).toBe(true);
    }
  });
});
