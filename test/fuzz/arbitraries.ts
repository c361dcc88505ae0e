import fc from 'fast-check';
import { named, shape, structureArb, type FuzzCase } from './build-message.js';
import { GOOD_MESSAGES, realMessages } from './corpus.js';
import { hostileFragment, hostileHtml, hostileUrl } from './hostile.js';
import { bodyFromLine, mbox } from './mbox-builder.js';

/**
 * The shared generators of the fuzz suite: mutated real mail, random bytes, hostile built mail,
 * mail clients display, mboxes with one bad message; recipients and the mbox builder re-exported.
 */
export { message, named, type FuzzCase } from './build-message.js';
export { brokenEscape, hostileCss, hostileFragment, hostileHtml, hostileUrl } from './hostile.js';
export { bodyFromLine, ENVELOPE, envelopeCount, mbox } from './mbox-builder.js';
export { recipientAddress, recipientForms, recipientMessage, type RecipientCase } from './recipients.js';

// ---------------------------------------------------------------- real messages, mutated

type Op =
  | { op: 'cut'; at: number }
  | { op: 'splice'; with: number; at: number; from: number }
  | { op: 'flip'; at: number; byte: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'eol'; style: 'lf' | 'crlf' | 'cr' | 'mixed' }
  | { op: 'bom' }
  | { op: 'nul'; at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fraction }),
  fc.record({ op: fc.constant('splice' as const), with: fc.nat(), at: fraction, from: fraction }),
  fc.record({ op: fc.constant('flip' as const), at: fraction, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fraction, text: fc.oneof(hostileFragment, hostileUrl, bodyFromLine) }),
  fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ op: fc.constant('eol' as const), style: fc.constantFrom('lf' as const, 'crlf' as const, 'cr' as const, 'mixed' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('nul' as const), at: fraction }),
);

const pos = (b: Buffer, f: number): number => Math.min(b.length, Math.floor(f * b.length));

function applyOp(b: Buffer, op: Op): Buffer {
  const pool = realMessages();
  switch (op.op) {
    case 'cut':
      return b.subarray(0, pos(b, op.at));
    case 'splice': {
      const other = pool[op.with % pool.length].bytes;
      return Buffer.concat([b.subarray(0, pos(b, op.at)), other.subarray(pos(other, op.from))]);
    }
    case 'flip': {
      const out = Buffer.from(b);
      if (out.length) out[Math.min(out.length - 1, pos(b, op.at))] = op.byte;
      return out;
    }
    case 'insert':
      return Buffer.concat([b.subarray(0, pos(b, op.at)), Buffer.from(op.text), b.subarray(pos(b, op.at))]);
    case 'delete':
      return Buffer.concat([b.subarray(0, pos(b, op.at)), b.subarray(pos(b, op.at) + op.length)]);
    case 'eol': {
      const lf = b.toString('latin1').replace(/\r\n?/g, '\n');
      let i = 0;
      const mixed = ['\n', '\r\n', '\r'];
      const out = op.style === 'lf' ? lf : lf.replace(/\n/g, () => (op.style === 'crlf' ? '\r\n' : op.style === 'cr' ? '\r' : mixed[i++ % 3]));
      return Buffer.from(out, 'latin1');
    }
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
    case 'nul': {
      const at = pos(b, op.at);
      return Buffer.concat([b.subarray(0, at), Buffer.from([0]), b.subarray(at)]);
    }
  }
}

/** A bundled or corpus message, cut, spliced with another, flipped, stuffed with hostile text. */
export const mutatedRealMessage: fc.Arbitrary<FuzzCase> = fc.tuple(fc.nat(), fc.array(opArb, { maxLength: 4 })).map(([index, ops]) => {
  const pool = realMessages();
  const base = pool[index % pool.length];
  const bytes = ops.reduce(applyOp, base.bytes);
  return named(`${base.name} with ${ops.length ? JSON.stringify(ops) : 'no change'}`, bytes);
});

/** Bytes with no structure at all, sometimes behind a header line so that they are read as mail. */
export const randomBytes: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('', 'From: a@example.com\n', 'Subject: x\r\n\r\n', 'From x@y Mon Jun  3 12:50:27 2024\n'))
  .map(([bytes, prefix]) => named(`random bytes after ${JSON.stringify(prefix)}`, Buffer.concat([Buffer.from(prefix), Buffer.from(bytes)])));

// ---------------------------------------------------------------- built messages

const hostileHeader = fc.oneof(
  fc.constantFrom(
    'Subject: =?utf-8?B?###?=',
    'Subject: =?x-unknown?Q?abc?=',
    'Subject: =?utf-8?Q?=E0=A4=A?=',
    'Subject: \u001b[2J\u001b[31mred\u0007',
    'Subject: line\r\n\tfolded\r\n  again',
    'From: <>',
    'From: "unclosed <a@b',
    'From: a@b, c@d, (comment',
    'To: ;;;,,,<<>>',
    'Date: not a date',
    'Date: Mon, 99 Foo 99999 99:99:99 +9999',
    'Message-ID: <<<>>>',
    'Content-Type: text/html; charset="x-klingon-42"',
    'Content-Type: text/html; charset=utf-7',
    'Content-Type: multipart/mixed',
    'Content-Type: multipart/alternative; boundary=""',
    'Content-Transfer-Encoding: x-uuencode',
    'Content-Length: 99999999',
    'Content-Length: 3',
    'Disposition-Notification-To: =?utf-8?B?AAAA?=',
    'List-Unsubscribe: <https://%E0%A4%A.example/u>',
  ),
  fc.integer({ min: 1000, max: 100_000 }).map((n) => `X-Long: ${'a'.repeat(n)}`),
  fc.integer({ min: 10, max: 2000 }).map((n) => 'X-Fold: a\r\n '.repeat(n)),
);

/** A message built around hostile HTML: hostile headers, one of several MIME shapes, an encoding. */
export const hostileMessage: fc.Arbitrary<FuzzCase> = fc
  .tuple(hostileHtml, fc.array(hostileHeader, { maxLength: 3 }), structureArb, fc.integer({ min: 1, max: 7 }), fc.constantFrom('8bit' as const, 'base64' as const, 'quoted-printable' as const), fc.constantFrom('\r\n', '\n'))
  .map(([html, extra, structure, depth, cte, eol]) => {
    const head = ['From: Sender <news@sender.example>', 'To: reader@example.org', 'Subject: hostile', 'Date: Tue, 14 May 2024 09:12:33 +0000', 'MIME-Version: 1.0', ...extra];
    let text = `${head.join('\r\n')}\r\n${shape(structure, html, depth, cte)}\r\n`;
    if (eol === '\n') text = text.replace(/\r\n/g, '\n');
    return named(`${structure}${structure === 'nested' ? ` depth ${depth}` : ''}, ${cte}, headers ${JSON.stringify(extra)}, html ${JSON.stringify(html.slice(0, 300))}`, Buffer.from(text));
  });

/** Any single message: mutated real mail, hostile built mail, or noise. */
export const anyMessage: fc.Arbitrary<FuzzCase> = fc.oneof({ weight: 4, arbitrary: mutatedRealMessage }, { weight: 4, arbitrary: hostileMessage }, { weight: 1, arbitrary: randomBytes });

// ---------------------------------------------------------------- mbox

export interface MboxCase extends FuzzCase {
  /** Messages written, so messages a reader must find. */
  messages: number;
  /** Index of the bad message (0-based). */
  bad: number;
}

/** Good messages around one bad one, with loose `From ` lines in the bodies. */
export const mboxWithOneBad: fc.Arbitrary<MboxCase> = fc
  .tuple(anyMessage, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.array(fc.record({ member: fc.nat({ max: 6 }), at: fraction, line: bodyFromLine }), { maxLength: 3 }))
  .map(([bad, before, after, loose]) => {
    const good = (i: number) => goodMessage(i);
    const members = [...Array.from({ length: before }, (_, i) => good(i)), bad.bytes, ...Array.from({ length: after }, (_, i) => good(before + i))];
    const bytes = mbox(members, loose);
    const what = `${before} good, then ${bad.what}, then ${after} good; loose From lines ${JSON.stringify(loose)}`;
    return Object.assign(named(what, bytes), { messages: members.length, bad: before });
  });

function goodMessage(i: number): Buffer {
  return GOOD_MESSAGES[i % GOOD_MESSAGES.length];
}

// ---------------------------------------------------------------- mail a client displays

/** The pixel every readable message carries: a client would load it, so the scan must see it. */
export const PIXEL = 'https://example.com/p/open.gif?id=0123456789abcdef';

/**
 * Mail that clients display in full: forwarded N deep, a base64 part with trailing junk or a
 * list footer, an unclosed multipart, a BOM, bare LF. The scan must see its pixel, or at least
 * say with a warning why it did not.
 */
export const readableMessage: fc.Arbitrary<FuzzCase> = fc
  .tuple(structureArb, fc.integer({ min: 1, max: 7 }), fc.constantFrom('8bit' as const, 'base64' as const, 'quoted-printable' as const), fc.constantFrom('\r\n', '\n'), fc.boolean())
  .map(([structure, depth, cte, eol, bom]) => {
    const html = `<html><body><p>Hello</p><img src="${PIXEL}" width="1" height="1" alt=""></body></html>`;
    const head = ['From: Sender <news@sender.example>', 'To: reader@example.org', 'Subject: readable', 'Date: Tue, 14 May 2024 09:12:33 +0000', 'Message-ID: <r@sender.example>', 'MIME-Version: 1.0'];
    let text = `${head.join('\r\n')}\r\n${shape(structure, html, depth, cte)}\r\n`;
    if (eol === '\n') text = text.replace(/\r\n/g, '\n');
    const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]);
    return named(`${structure}${structure === 'nested' ? ` depth ${depth}` : ''}, ${cte}, ${eol === '\n' ? 'LF' : 'CRLF'}${bom ? ', BOM' : ''}`, bytes);
  });
