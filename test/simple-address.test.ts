import fc from 'fast-check';
import { parseAddressHeader } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { findCorpora } from '../src/eval/evaluate.js';
import { readMimeFast } from '../src/mail/fast-mime.js';
import { headerValue } from '../src/mail/header-lines.js';
import { simpleAddress } from '../src/mail/simple-address.js';
import { corpusMessages } from './corpus-messages.js';
import { ROOT } from './helpers.js';

const corpora = findCorpora(ROOT, process.env.PIXELAUDIT_CORPORA);
const ADDRESS_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'resent-to', 'resent-cc', 'resent-bcc', 'reply-to', 'sender']);

/** simpleAddress, where it answers, must be mailparser's answer: addresses, names and text. */
function agrees(value: string): boolean {
  const simple = simpleAddress(value);
  if (!simple) return true;
  const parsed = parseAddressHeader(value);
  return JSON.stringify(simple.value) === JSON.stringify(parsed.value) && simple.text === parsed.text;
}

describe('simpleAddress is parseAddressHeader for the forms it takes', () => {
  it.each([
    ['reader@example.org', true],
    ['<reader@example.org>', true],
    ['SENDER_NAME <reader@example.org>', true],
    ['Reader Kiss <reader@example.org>', true],
    ['"Kiss, Reader" <reader@example.org>', true],
    ['"" <reader@example.org>', false],
    ["O'Brien & Co. <a.b+c@mail.example.co.uk>", true],
    ['"Reader"<reader@example.org>', false],
    ['Reader  Kiss <reader@example.org>', false],
    ['=?utf-8?Q?Reader?= <reader@example.org>', false],
    ['reader@xn--bcher-kva.example', false],
    ['a@b, c@d', false],
    ['Reader <reader@example.org> (comment)', false],
    ['"Re\\"ader" <reader@example.org>', false],
    ['undisclosed-recipients:;', false],
  ])('%j (taken: %s)', (value, taken) => {
    expect(simpleAddress(value) !== undefined).toBe(taken);
    expect(agrees(value)).toBe(true);
  });

  it('on generated values near the forms', () => {
    const char = fc.constantFrom('a', 'Z', '0', '.', '-', '_', '!', '+', '%', "'", '&', ',', ' ', '"', '<', '>', '@', ':', ';', '(', ')', '=', '?', '\\', '\u00e9');
    const text = fc.array(char, { maxLength: 12 }).map((c) => c.join(''));
    const value = fc.oneof(
      text,
      fc.tuple(text, text).map(([l, d]) => `${l}@${d}`),
      fc.tuple(text, text, text).map(([n, l, d]) => `${n} <${l}@${d}>`),
      fc.tuple(text, text, text).map(([n, l, d]) => `"${n}" <${l}@${d}>`),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(agrees(v), JSON.stringify(v)).toBe(true);
      }),
      { seed: 1002, numRuns: 10_000 },
    );
  });

  it('on generated values of the forms, which it takes', () => {
    const from = (chars: string, min: number, max: number) => fc.array(fc.constantFrom(...Array.from(chars)), { minLength: min, maxLength: max }).map((c) => c.join(''));
    const alnum = 'aZ09';
    const address = fc.tuple(from(alnum, 1, 1), from(`${alnum}._%+-`, 0, 6), from(alnum, 1, 1), from(`${alnum}.-`, 0, 6)).map(([a, b, c, d]) => `${a}${b}@${c}${d}`);
    const word = fc.tuple(from(alnum, 1, 1), from(`${alnum}.'&_-`, 0, 5)).map(([a, b]) => a + b);
    const plain = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const quoted = fc.tuple(from(alnum, 1, 1), from(`${alnum} .,'&_-`, 0, 10)).map(([a, b]) => `"${a}${b}"`);
    const value = fc.oneof(
      address,
      address.map((a) => `<${a}>`),
      fc.tuple(fc.oneof(plain, quoted), address).map(([n, a]) => `${n} <${a}>`),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(simpleAddress(v), v).toBeDefined();
        expect(agrees(v), JSON.stringify(v)).toBe(true);
      }),
      { seed: 1002, numRuns: 10_000 },
    );
  });

  it.skipIf(!corpora)(
    'on every address header of the shared corpora',
    async () => {
      let taken = 0;
      const disagree: string[] = [];
      for (const [name, bytes] of await corpusMessages(corpora as string)) {
        for (const { key, line } of readMimeFast(bytes)?.headerLines ?? []) {
          if (!ADDRESS_HEADERS.has(key)) continue;
          const raw = headerValue(line);
          const value = /[^\x00-\x7f]/.test(raw) ? Buffer.from(raw, 'latin1').toString() : raw;
          if (simpleAddress(value)) taken++;
          if (!agrees(value)) disagree.push(`${name}: ${key}`);
        }
      }
      expect(disagree).toEqual([]);
      expect(taken).toBeGreaterThan(100);
    },
    120_000,
  );
});
