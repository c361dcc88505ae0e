import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { GOOD_MESSAGES, realMessages } from './corpus.js';
import { brokenEscape, hostileFragment, hostileHtml, hostileUrl } from './hostile.js';

export { hostileCss, hostileFragment, hostileHtml, hostileUrl } from './hostile.js';

/**
 * A generated input: its bytes, and a short account of how it was made, which is what a failure
 * prints (fast-check also prints the seed and path that rebuild it exactly).
 */
export interface FuzzCase {
  what: string;
  bytes: Buffer;
}

const named = (what: string, bytes: Buffer): FuzzCase =>
  Object.assign({ what, bytes }, { [fc.toStringMethod]: () => `${what} (${bytes.length} bytes)` });

// ---------------------------------------------------------------- real messages, mutated

/** Body lines that begin with `From ` but are no envelope (no sender and date), as people write them. */
export const bodyFromLine = fc.constantFrom('\nFrom the desk of the editor,\n', '\nFrom here on, read on.\n', '\n\nFrom Monday on\n', '\nFrom \n', '\nFrom: not a header\n');

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
export const mutatedRealMessage: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.nat(), fc.array(opArb, { maxLength: 4 }))
  .map(([index, ops]) => {
    const pool = realMessages();
    const base = pool[index % pool.length];
    const bytes = ops.reduce(applyOp, base.bytes);
    return named(`${base.name} with ${ops.length ? JSON.stringify(ops) : 'no change'}`, bytes);
  });

/** Bytes with no structure at all, sometimes behind a header line so that they are read as mail. */
export const randomBytes: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('', 'From: a@example.com\n', 'Subject: x\r\n\r\n', 'From x@y Mon Jun  3 12:50:27 2024\n'))
  .map(([bytes, prefix]) => named(`random bytes after ${JSON.stringify(prefix)}`, Buffer.concat([Buffer.from(prefix), Buffer.from(bytes)])));

// ---------------------------------------------------------------- recipients

/** A recipient address the detector should find and mask: dots, plus tags, hyphens, digits. */
export const recipientAddress = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{2,8}$/),
    fc.constantFrom('', '.smith', '+news', '+a.b', '-x', '_1', '+tag+more'),
    fc.constantFrom('example.org', 'mail.example.net', 'xn--bcher-kva.example', 'pot.test'),
  )
  .map(([local, tail, domain]) => `${local}${tail}@${domain}`);

/** Every form of an address that the leak rule knows, so output can be searched for each. */
export function recipientForms(address: string): Array<{ form: string; text: string; caseless: boolean }> {
  const a = address.toLowerCase();
  const b64 = Buffer.from(a).toString('base64');
  const forms = [
    { form: 'plain', text: a, caseless: true },
    { form: 'url-encoded', text: encodeURIComponent(a), caseless: true },
    { form: 'base64', text: b64.replace(/=+$/, ''), caseless: false },
    { form: 'base64url', text: Buffer.from(a).toString('base64url'), caseless: false },
  ];
  for (const h of ['md5', 'sha1', 'sha256'] as const) forms.push({ form: h, text: createHash(h).update(a).digest('hex'), caseless: true });
  return forms;
}

/** The address in a URL, in one of the encodings the leak rule knows (or half-encoded, as trackers write it). */
const formInUrl = (address: string) =>
  fc.constantFrom(
    address,
    address.toUpperCase(),
    encodeURIComponent(address),
    address.replace('@', '%40'),
    address.replace(/\+/g, '%2B'),
    `${address}%2C`,
    `${encodeURIComponent(address)}%2Cother`,
    ...recipientForms(address)
      .filter((f) => f.form !== 'plain' && f.form !== 'url-encoded')
      .map((f) => f.text),
  );

/** How the address stands in a To header: bare, angle-bracketed, with an encoded-word name, in a group. */
const toHeader = (address: string) =>
  fc.constantFrom(
    address,
    `<${address}>`,
    `Reader <${address}>`,
    `"Reader, Ann" <${address.toUpperCase()}>`,
    `=?UTF-8?B?${Buffer.from('Lesérin').toString('base64')}?= <${address}>`,
    `=?iso-8859-1?Q?Les=E9rin?= <${address}>`,
    `undisclosed: ${address};`,
    `${address} (the reader)`,
    `other@example.com, ${address}`,
  );

/** Where the address turns up in a message besides the URLs: the parts that output shows. */
const headerPlaces = (address: string) =>
  fc.subarray([
    `Subject: Hello ${address}, your account`,
    `Subject: \u001b[2J\u001b[31m${address}\u0007 \u001b]0;owned\u0007`,
    `Subject: =?UTF-8?B?${Buffer.from(`Für ${address}`).toString('base64')}?=`,
    `From: "${address}" <${address}>`,
    `From: Support <${address}>`,
    `Message-ID: <${address.replace('@', '.')}@${address.split('@')[1]}>`,
    `Message-ID: <${address}>`,
    `Disposition-Notification-To: ${address}`,
    `Return-Receipt-To: <${address}>`,
  ]);

export interface RecipientCase extends FuzzCase {
  address: string;
  /** The plain address is in the Subject, so output without redaction must show it. */
  shown: boolean;
}

/** A message to one recipient that puts the address into URLs and headers, among hostile markup. */
export const recipientMessage: fc.Arbitrary<RecipientCase> = recipientAddress.chain((address) =>
  fc
    .tuple(
      toHeader(address),
      headerPlaces(address),
      fc.array(
        fc.tuple(
          formInUrl(address),
          fc.constantFrom('img', 'a', 'style', 'background', 'srcset', 'vml'),
          fc.constantFrom('http://list-manage.com/track/open.php?u=1&e=', 'https://tracker.example.net/open/', 'https://example.com/?email=', 'https://clicktime.symantec.com/a?u=https%3A%2F%2Fx.test%2F%3Fe%3D'),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.array(hostileFragment, { maxLength: 2 }),
      fc.constantFrom('8bit' as const, 'base64' as const, 'quoted-printable' as const),
    )
    .map(([to, places, urls, noise, cte]) => {
      const refs = urls.map(([form, where, prefix]) => {
        const url = `${prefix}${form}`;
        if (where === 'img') return `<img src="${url}" width="1" height="1">`;
        if (where === 'a') return `<a href="${url}">read</a>`;
        if (where === 'style') return `<div style="background:url('${url}')">x</div>`;
        if (where === 'background') return `<td background="${url}">x</td>`;
        if (where === 'srcset') return `<img srcset="${url} 1x" alt="">`;
        return `<!--[if mso]><v:image src="${url}" /><![endif]-->`;
      });
      const html = `<html><body>${noise.join('')}<p>Hi</p>${refs.join('\n')}</body></html>`;
      const headers = [`To: ${to}`, ...places];
      if (!places.some((p) => p.startsWith('From:'))) headers.push('From: News <news@sender.example>');
      if (!places.some((p) => p.startsWith('Subject:'))) headers.push('Subject: Weekly');
      const bytes = message(headers, html, cte);
      const what = `to ${JSON.stringify(to)}, headers ${JSON.stringify(places)}, urls ${JSON.stringify(urls.map((u) => u.slice(0, 2)))}, ${cte}`;
      return Object.assign(named(what, bytes), { address, shown: places.some((p) => p.startsWith('Subject: Hello')) });
    }),
);

// ---------------------------------------------------------------- built messages

function encodeBody(text: string, cte: '8bit' | 'base64' | 'quoted-printable'): string {
  if (cte === 'base64') return Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\r\n');
  if (cte === 'quoted-printable') {
    return Buffer.from(text)
      .toString('latin1')
      .replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
      .replace(/[^\r\n]{72}/g, '$&=\r\n');
  }
  return text;
}

/** A single-part HTML message with these header lines. */
export function message(headers: string[], html: string, cte: '8bit' | 'base64' | 'quoted-printable' = '8bit'): Buffer {
  const head = [...headers, 'Date: Tue, 14 May 2024 09:12:33 +0000', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', `Content-Transfer-Encoding: ${cte}`];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${encodeBody(html, cte)}\r\n`);
}

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

type Structure = 'single' | 'alternative' | 'nested' | 'junk-base64' | 'footer-base64' | 'unclosed';

const structureArb = fc.constantFrom<Structure>('single', 'alternative', 'nested', 'junk-base64', 'footer-base64', 'unclosed');

/** Puts an HTML body into a MIME shape: alternative, message/rfc822 nested N deep, base64 with junk. */
function shape(structure: Structure, html: string, depth: number, cte: '8bit' | 'base64' | 'quoted-printable'): string {
  const htmlPart = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n${encodeBody(html, cte)}`;
  switch (structure) {
    case 'single':
      return htmlPart;
    case 'alternative':
      return `Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nplain\r\n--b1\r\n${htmlPart}\r\n--b1--\r\n`;
    case 'unclosed':
      return `Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\n${htmlPart}\r\n`;
    case 'junk-base64':
      return `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${encodeBody(html, 'base64')}\r\n#!junk*&^%$ not base64\r\n`;
    case 'footer-base64':
      return `Content-Type: multipart/mixed; boundary="b2"\r\n\r\n--b2\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${encodeBody(html, 'base64')}\r\n_______________________________________________\r\nList mailing list\r\nhttps://lists.example.org/listinfo\r\n--b2--\r\n`;
    case 'nested': {
      let inner = `From: inner@example.com\r\nSubject: fwd\r\n${htmlPart}`;
      for (let d = 0; d < depth; d++) {
        inner = `Content-Type: multipart/mixed; boundary="n${d}"\r\n\r\n--n${d}\r\nContent-Type: text/plain\r\n\r\nforwarded\r\n--n${d}\r\nContent-Type: message/rfc822\r\n\r\nFrom: f${d}@example.com\r\nSubject: Fwd ${d}\r\nMIME-Version: 1.0\r\n${inner}\r\n--n${d}--\r\n`;
      }
      return inner;
    }
  }
}

/** A message built around hostile HTML: hostile headers, one of several MIME shapes, an encoding. */
export const hostileMessage: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    hostileHtml,
    fc.array(hostileHeader, { maxLength: 3 }),
    structureArb,
    fc.integer({ min: 1, max: 7 }),
    fc.constantFrom('8bit' as const, 'base64' as const, 'quoted-printable' as const),
    fc.constantFrom('\r\n', '\n'),
  )
  .map(([html, extra, structure, depth, cte, eol]) => {
    const head = ['From: Sender <news@sender.example>', 'To: reader@example.org', 'Subject: hostile', 'Date: Tue, 14 May 2024 09:12:33 +0000', 'MIME-Version: 1.0', ...extra];
    let text = `${head.join('\r\n')}\r\n${shape(structure, html, depth, cte)}\r\n`;
    if (eol === '\n') text = text.replace(/\r\n/g, '\n');
    return named(`${structure}${structure === 'nested' ? ` depth ${depth}` : ''}, ${cte}, headers ${JSON.stringify(extra)}, html ${JSON.stringify(html.slice(0, 300))}`, Buffer.from(text));
  });

/** Any single message: mutated real mail, hostile built mail, or noise. */
export const anyMessage: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 4, arbitrary: mutatedRealMessage },
  { weight: 4, arbitrary: hostileMessage },
  { weight: 1, arbitrary: randomBytes },
);

// ---------------------------------------------------------------- mbox

/** The envelope line the builder writes: the found-cases test counts these to know how many messages an mbox holds. */
export const ENVELOPE = 'From fuzz@pixelaudit.invalid Mon Jun  3 12:50:27 2024';

/**
 * An mbox of these messages, mboxrd-quoted (every `>*From ` line gets one more `>`), each after
 * the builder's envelope line and a blank line. `loose` lines are put in unquoted, the way mail
 * from writers that do not quote turns up: a reader must not take them for separators.
 */
export function mbox(messages: Buffer[], loose: Array<{ member: number; at: number; line: string }> = []): Buffer {
  const out: string[] = [];
  messages.forEach((bytes, i) => {
    let text = bytes.toString('latin1').replace(/(^|[\r\n])(>*From )/g, '$1>$2');
    for (const l of loose.filter((x) => x.member === i)) {
      const at = text.indexOf('\n', Math.floor(l.at * text.length));
      // Only in the body: a loose line in the header block would be a header problem, not this one.
      const body = text.search(/\r?\n\r?\n/);
      if (at !== -1 && body !== -1 && at > body) text = `${text.slice(0, at)}${l.line}${text.slice(at)}`;
    }
    if (!text.endsWith('\n')) text += '\n';
    out.push(`${ENVELOPE}\n${text}\n`);
  });
  return Buffer.from(out.join(''), 'latin1');
}

/** Counts the builder's envelope lines: how many messages an mbox written by `mbox()` holds. */
export function envelopeCount(bytes: Buffer): number {
  return bytes.toString('latin1').split('\n').filter((l) => l.replace(/\r$/, '') === ENVELOPE).length;
}

export interface MboxCase extends FuzzCase {
  /** Messages written, so messages a reader must find. */
  messages: number;
  /** Index of the bad message (0-based). */
  bad: number;
}

/** Good messages around one bad one, with loose `From ` lines in the bodies. */
export const mboxWithOneBad: fc.Arbitrary<MboxCase> = fc
  .tuple(
    anyMessage,
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 0, max: 3 }),
    fc.array(fc.record({ member: fc.nat({ max: 6 }), at: fraction, line: bodyFromLine }), { maxLength: 3 }),
  )
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

export { brokenEscape };

// ---------------------------------------------------------------- mail a client displays

/** The pixel every readable message carries: a client would load it, so the scan must see it. */
export const PIXEL = 'https://example.com/p/open.gif?id=0123456789abcdef';

/**
 * Mail that clients display in full: forwarded N deep, a base64 part with trailing junk or a
 * list footer, an unclosed multipart, a BOM, bare LF. The scan must see its pixel, or at least
 * say with a warning why it did not.
 */
export const readableMessage: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    structureArb,
    fc.integer({ min: 1, max: 7 }),
    fc.constantFrom('8bit' as const, 'base64' as const, 'quoted-printable' as const),
    fc.constantFrom('\r\n', '\n'),
    fc.boolean(),
  )
  .map(([structure, depth, cte, eol, bom]) => {
    const html = `<html><body><p>Hello</p><img src="${PIXEL}" width="1" height="1" alt=""></body></html>`;
    const head = ['From: Sender <news@sender.example>', 'To: reader@example.org', 'Subject: readable', 'Date: Tue, 14 May 2024 09:12:33 +0000', 'Message-ID: <r@sender.example>', 'MIME-Version: 1.0'];
    let text = `${head.join('\r\n')}\r\n${shape(structure, html, depth, cte)}\r\n`;
    if (eol === '\n') text = text.replace(/\r\n/g, '\n');
    const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]);
    return named(`${structure}${structure === 'nested' ? ` depth ${depth}` : ''}, ${cte}, ${eol === '\n' ? 'LF' : 'CRLF'}${bom ? ', BOM' : ''}`, bytes);
  });
