import { readFileSync } from 'node:fs';
import path from 'node:path';
import libqp from 'libqp';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { findCorpora } from '../src/eval/evaluate.js';
import { readMimeFast } from '../src/mail/fast-mime.js';
import { headerFields } from '../src/mail/header-fields.js';
import { ampHtml, parseMessage } from '../src/mail/parse-message.js';
import { decodeQuotedPrintable } from '../src/mail/quoted-printable.js';
import { corpusMessages, walk } from './corpus-messages.js';
import { ROOT } from './helpers.js';

const OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true, keepCidLinks: true };
const corpora = findCorpora(ROOT, process.env.PIXELAUDIT_CORPORA);

/** What mailparser makes of a message, in the terms the fast path answers in. */
async function byMailparser(bytes: Buffer) {
  const mail = await simpleParser(bytes, OPTIONS);
  const first = mail.from?.value?.[0];
  // AMP parts, which mailparser keeps as attachments, follow the HTML on both paths.
  const html = [...(typeof mail.html === 'string' && mail.html.length > 0 ? [mail.html] : []), ...ampHtml(mail)];
  return {
    html: html.length ? html.join('\n') : null,
    messageId: mail.messageId ?? null,
    from: mail.from?.text || null,
    fromAddress: first?.address ? first.address.toLowerCase() : null,
    subject: mail.subject ?? null,
    headerLines: mail.headerLines.map(({ key, line }) => ({ key, line })),
  };
}

function byFastPath(bytes: Buffer) {
  const fast = readMimeFast(bytes);
  if (!fast) return null;
  const { messageId, from, fromAddress, subject } = headerFields(fast.headerLines);
  return { html: fast.html, messageId, from, fromAddress, subject, headerLines: fast.headerLines };
}

function mail(lines: string[], eol = '\r\n'): Buffer {
  return Buffer.from(lines.join(eol), 'latin1');
}

const HEAD = ['From: "Ann Example" <ann@example.com>', 'To: bob@example.org', 'Subject: =?utf-8?Q?Caf=C3=A9?=', 'Message-ID: <1@example.com>', 'Date: Tue, 3 Mar 2026 10:00:00 +0000', 'MIME-Version: 1.0'];

describe('the fast MIME path', () => {
  it('gives what mailparser gives for multipart/alternative, mixed, related, quoted-printable, base64 and legacy charsets', async () => {
    const cases: Array<[string, Buffer, string | null]> = [
      [
        'alternative: only the HTML',
        mail([
          ...HEAD,
          'Content-Type: multipart/alternative; boundary="b1"',
          '',
          'preamble',
          '--b1',
          'Content-Type: text/plain',
          '',
          'plain',
          '--b1',
          'Content-Type: text/html; charset=utf-8',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          '<p>caf=C3=A9 =',
          'soft</p>',
          '--b1--',
          'epilogue',
          '',
        ]),
        '<p>café soft</p>',
      ],
      [
        'mixed: the plain part leaves an empty rendering before the HTML',
        mail([...HEAD, 'Content-Type: multipart/mixed; boundary=b2', '', '--b2', 'Content-Type: text/plain', '', 'hello', '--b2', 'Content-Type: text/html; charset=iso-8859-1', '', '<p>caf\xe9</p>', '--b2--', '']),
        '<br/>\n<p>café</p>',
      ],
      [
        'related, base64 HTML in windows-1252, an image and an HTML attachment',
        mail([
          ...HEAD,
          'Content-Type: multipart/mixed; boundary="outer"',
          '',
          '--outer',
          'Content-Type: multipart/related; boundary="inner"',
          '',
          '--inner',
          'Content-Type: text/html; charset="windows-1252"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('<img src="https://t.example/o/abc">\r\n<p>\x93hi\x94</p>', 'latin1').toString('base64'),
          '--inner',
          'Content-Type: image/png',
          'Content-Transfer-Encoding: base64',
          '',
          'iVBORw0KGgo=',
          '--inner--',
          '--outer',
          'Content-Type: text/html',
          'Content-Disposition: attachment; filename="page.html"',
          '',
          '<p>attached</p>',
          '--outer--',
          '',
        ]),
        '<img src="https://t.example/o/abc">\n<p>\u201chi\u201d</p>',
      ],
      // The ASCII shortcut for single-byte charsets (latin1 text, no iconv-lite table), with and
      // without a byte above 0x7f, and CR LF dropped in place in a decoded body.
      ['iso-8859-1 HTML in ASCII only, CRLF', mail([...HEAD, 'Content-Type: text/html; charset=iso-8859-1', '', '<p>plain &eacute;</p>', '<p>two</p>', '']), '<p>plain &eacute;</p>\n<p>two</p>\n'],
      [
        'windows-1252 quoted-printable, ASCII only, CRLF and an escaped CR LF',
        mail([...HEAD, 'Content-Type: text/html; charset=windows-1252', 'Content-Transfer-Encoding: quoted-printable', '', '<p class=3D"a">x=0D=0Ay</p>=', '<p>z</p>', '']),
        '<p class="a">x\ny</p><p>z</p>\n',
      ],
      ['windows-1252 quoted-printable with \\x80 and \\x93', mail([...HEAD, 'Content-Type: text/html; charset=windows-1252', 'Content-Transfer-Encoding: quoted-printable', '', '<p>=80 =93q=94</p>', '']), '<p>\u20ac \u201cq\u201d</p>\n'],
      ['iso-8859-2 HTML with a byte above 0x7f', mail([...HEAD, 'Content-Type: text/html; charset=iso-8859-2', '', '<p>\xb1</p>', '']), '<p>\u0105</p>\n'],
      ['koi8-r base64 in ASCII only, CRLF', mail([...HEAD, 'Content-Type: text/html; charset=koi8-r', 'Content-Transfer-Encoding: base64', '', Buffer.from('<p>a</p>\r\n<p>b</p>\r\n').toString('base64'), '']), '<p>a</p>\n<p>b</p>\n'],
      [
        'utf-8 base64, CR LF dropped in place',
        mail([...HEAD, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', Buffer.from('<p>caf\u00e9</p>\r\n\r<p>b</p>\r\n').toString('base64'), '']),
        '<p>caf\u00e9</p>\n\r<p>b</p>\n',
      ],
      ['a single HTML part, LF line ends', mail([...HEAD, 'Content-Type: text/html', '', '<p>one</p>', ''], '\n'), '<p>one</p>\n'],
      ['no HTML at all', mail([...HEAD, 'Content-Type: text/plain', '', 'just text', '']), null],
    ];
    for (const [name, bytes, html] of cases) {
      const fast = byFastPath(bytes);
      expect(fast, name).not.toBeNull();
      expect(fast, name).toEqual(await byMailparser(bytes));
      expect(fast?.html, name).toBe(html);
    }
  });

  it('decodes the header fields as mailparser does', () => {
    const fast = byFastPath(mail([...HEAD, 'Content-Type: text/html', '', '<p>x</p>', '']));
    expect(fast).toMatchObject({ subject: 'Café', from: '"Ann Example" <ann@example.com>', fromAddress: 'ann@example.com', messageId: '<1@example.com>' });
  });

  it('leaves unusual mail to mailparser', () => {
    const cases: Array<[string, Buffer]> = [
      ['an unclosed multipart', mail([...HEAD, 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/html', '', '<p>x</p>', ''])],
      ['an attached message', mail([...HEAD, 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: message/rfc822', '', 'Subject: inner', '', 'hi', '--b--', ''])],
      ['a multipart without a boundary', mail([...HEAD, 'Content-Type: multipart/mixed', '', 'x', ''])],
      ['base64 HTML that is not base64', mail([...HEAD, 'Content-Type: text/html', 'Content-Transfer-Encoding: base64', '', 'PGI+!!!', ''])],
      ['an unknown charset', mail([...HEAD, 'Content-Type: text/html; charset=x-nonsense', '', '<p>x</p>', ''])],
      ['ISO-2022-JP, which libmime decodes on its own', mail([...HEAD, 'Content-Type: text/html; charset=iso-2022-jp', '', '<p>x</p>', ''])],
      ['an mbox From_ line on top', mail(['From ann@example.com Tue Mar  3 10:00:00 2026', ...HEAD, 'Content-Type: text/html', '', '<p>x</p>', ''])],
      ['a header line without a colon', mail([...HEAD, 'not a header', 'Content-Type: text/html', '', '<p>x</p>', ''])],
      ['no blank line after the headers', mail([...HEAD, 'Content-Type: text/html'])],
      ['a comment in Content-Type', mail([...HEAD, 'Content-Type: multipart/mixed; boundary=b (comment)', '', '--b', '', 'x', '--b--', ''])],
      ['a boundary on a part that is not multipart (mailsplit splits it anyway)', mail([...HEAD, 'Content-Type: munative; boundary="b"', '', '--b', 'Content-Type: text/html', '', '<p>x</p>', '--b--', ''])],
      ['a bare CR in the headers', mail([...HEAD, 'X-Odd: a\rb', 'Content-Type: text/html', '', '<p>x</p>', ''])],
    ];
    for (const [name, bytes] of cases) expect(readMimeFast(bytes), name).toBeNull();
  });

  it('names an unreadable Date as null on both paths (mailparser would put in the current time)', async () => {
    const bad = mail(['From: a@example.com', 'Date: not a date', 'Content-Type: text/html', '', '<p>x</p>', '']);
    expect((await parseMessage(bad)).date).toBeNull();
    const badSlow = mail(['From: a@example.com', 'Date: not a date', 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/html', '', '<p>x</p>', '']);
    expect(readMimeFast(badSlow)).toBeNull();
    expect((await parseMessage(badSlow)).date).toBeNull();
    expect((await parseMessage(mail([...HEAD, 'Content-Type: text/html', '', '<p>x</p>', '']))).date).toBe('2026-03-03T10:00:00.000Z');
  });

  it('agrees with mailparser on every bundled fixture message it takes', async () => {
    let taken = 0;
    for (const bytes of fixtureMessages()) {
      const fast = byFastPath(bytes);
      if (!fast) continue;
      taken++;
      expect(fast).toEqual(await byMailparser(bytes));
    }
    expect(taken).toBeGreaterThan(30);
  });

  it.skipIf(!corpora)(
    'agrees with mailparser on every shared corpus message it takes, and takes most of them',
    async () => {
      let total = 0;
      let taken = 0;
      const disagree: string[] = [];
      for (const [name, bytes] of await corpusMessages(corpora as string)) {
        total++;
        const fast = byFastPath(bytes);
        if (!fast) continue;
        taken++;
        const slow = await byMailparser(bytes).catch(() => null);
        if (JSON.stringify(fast) !== JSON.stringify(slow)) disagree.push(name);
      }
      expect(disagree).toEqual([]);
      expect(taken / total).toBeGreaterThan(0.9);
    },
    120_000,
  );
});

function fixtureMessages(): Buffer[] {
  return [...walk(path.join(ROOT, 'fixtures'))].filter((p) => p.endsWith('.eml')).map((p) => readFileSync(p));
}

describe('the fast MIME path under mutation', () => {
  // Cut and spliced copies of real messages: whatever the fast path still takes must read exactly
  // as mailparser reads it. (A longer run of this found the boundary case listed above.)
  it('agrees with mailparser on 1,500 mutated messages it takes', async () => {
    const seeds = [...fixtureMessages(), ...(corpora ? (await corpusMessages(corpora)).slice(0, 300).map(([, b]) => b) : [])].filter((b) => readMimeFast(b));
    let state = 7;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    const pieces = [
      '\r',
      '\n',
      '\r\n',
      ' ',
      '\t',
      '=',
      '=\r\n',
      '--',
      '\xe9',
      ';',
      '"',
      '(',
      '\r\n\r\n',
      'charset=iso-8859-1',
      '=?utf-8?B?w6k=?=',
      'Content-Transfer-Encoding: base64\r\n',
      'Content-Disposition: attachment\r\n',
      'Content-Type: text/plain\r\n',
    ];
    let taken = 0;
    for (let t = 0; t < 1500; t++) {
      let text = pick(seeds).toString('latin1');
      const boundary = /boundary="?([^";\r\n]+)/i.exec(text)?.[1];
      const inserts = boundary ? [...pieces, `\r\n--${boundary}\r\n`, `--${boundary}--`, `--${boundary}x\r\n`] : pieces;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * text.length);
        const op = random();
        if (op < 0.15) text = text.slice(0, at);
        else if (op < 0.6) {
          const lineStart = random() < 0.5 ? text.indexOf('\n', at) + 1 || text.length : at;
          text = text.slice(0, lineStart) + pick(inserts) + text.slice(lineStart);
        } else text = text.slice(0, at) + text.slice(at + Math.floor(random() * 20));
      }
      const bytes = Buffer.from(text, 'latin1');
      const fast = byFastPath(bytes);
      if (!fast) continue;
      taken++;
      expect(fast, `mutation ${t}`).toEqual(await byMailparser(bytes));
    }
    expect(taken).toBeGreaterThan(500);
  }, 60_000);
});

describe('quoted-printable decoding', () => {
  it('gives exactly what libqp gives, on 50,000 generated bodies full of blanks, soft breaks and escapes', () => {
    const pieces = ['a', ' ', '\t', '=', '\r', '\n', 'A', 'f', '3', 'G', '\xe9', '=\r\n', '=\n', '=3D', '= \n', '=c3=a9'];
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 50_000; t++) {
      let text = '';
      const n = Math.floor(random() * 16);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(random() * pieces.length)];
      const bytes = Buffer.from(text, 'latin1');
      const expected = libqp.decode(bytes);
      const actual = decodeQuotedPrintable(bytes);
      if (!actual.equals(expected)) expect({ text, actual: [...actual] }).toEqual({ text, actual: [...expected] });
    }
  });
});
