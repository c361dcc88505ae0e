import fc from 'fast-check';
import libmime from 'libmime';
import { describe, expect, it } from 'vitest';
import { decodeWords } from '../src/mail/header-fields.js';
import { headerValue } from '../src/mail/header-lines.js';

// headerValue and decodeWords' shortcut stand in for libmime on every header the fast path reads:
// they must give what libmime gives for any line, also the ones only mailparser's split makes.
describe('headerValue is libmime.decodeHeader(line).value', () => {
  const cases = [
    'Subject: hello',
    'Subject:  hello  ',
    'Subject:',
    ':no name',
    '  : blank name',
    'Subject: a\r\n b\r\n\tc',
    'Subject: a\n b',
    'Subject: a\r b',
    'Subject: a\r\n',
    'Subject: a\r\n\r\n b',
    'Subject: a\u2028b',
    'Sub\u2028ject: a',
    'Subject: \u00a0nbsp\u00a0',
    'Subject: \ufeffbom',
    'No colon here',
    '',
    ' Subject: leading blank',
    'Subject: a: b: c',
    'Subject: =?utf-8?Q?x?=',
  ];
  it.each(cases)('%j', (line) => {
    expect(headerValue(line)).toBe(libmime.decodeHeader(line).value);
  });
  it('on generated lines', () => {
    const char = fc.constantFrom('a', 'B', ':', ' ', '\t', '\r', '\n', '\u2028', '\u2029', '\u00a0', '\ufeff', '=', '?');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const line = chars.join('');
        expect(headerValue(line)).toBe(libmime.decodeHeader(line).value);
      }),
      { seed: 1002, numRuns: 5_000 },
    );
  });
});

describe('decodeWords without an encoded word is libmime.decodeWords', () => {
  it('on generated values', () => {
    const char = fc.constantFrom('a', '=', '?', 'Q', 'B', '_', ' ', '\0', 'J', 'O', 'I', 'N', '\u00e9');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (chars) => {
        const value = chars.join('');
        expect(decodeWords(value)).toBe(libmime.decodeWords(value));
      }),
      { seed: 1002, numRuns: 5_000 },
    );
  });
  it('the join marker without an encoded word', () => {
    for (const value of ['a__\0JOIN\0__b', '?=__\0JOIN\0__', 'plain text']) expect(decodeWords(value)).toBe(libmime.decodeWords(value));
  });
});
