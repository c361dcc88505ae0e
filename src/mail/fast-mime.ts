import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import libmime from 'libmime';
import { normalizeCharset } from 'libmime/lib/charset.js';
import { isKnownCharset } from './check-structure.js';
import { type HeaderLine, headerValue, splitHeaderLines } from './header-lines.js';
import { AMP_HTML_TYPE, delimitedParts, isAttachedMessageType, MAX_PART_DEPTH } from './mime-structure.js';
import { decodeQuotedPrintable, moveWithin } from './quoted-printable.js';

/**
 * The HTML of a message read straight from its bytes, for the well-formed majority of mail:
 * every multipart closed, boundaries plain, no attached message, charsets known. The result is
 * what mailparser gives for such a message (the same libraries for header values, base64 and
 * charsets, libqp's steps for quoted-printable; parts joined as mailparser joins them), at a
 * fraction of the cost: no stream per part, and only the text parts are decoded. Returns null
 * for anything else, and the caller then uses mailparser with its many rules for broken mail.
 */
export interface FastMime {
  headerLines: HeaderLine[];
  html: string | null;
}

interface Leaf {
  type: string;
  /** Inside a multipart/alternative: text/plain there adds nothing to the HTML. */
  alternative: boolean;
  inline: boolean;
  encoding: string;
  charset: string | false;
  start: number;
  end: number;
}

// Above this mailparser changes course (mailsplit's limit): leave such mail to it.
const MAX_PARTS = 500;
// mailsplit fails a header block over 256 KB ("Max header size for a MIME node exceeded"); this
// reader reads more: a To: of 40,000 folded addresses is 1.4 MB and its pixel is found
// (test/mime-limits.test.ts). Not more than 2 MB: the address headers are parsed in one step the
// deadline does not tick (an 8 MB To: took 4.1 s of CPU). Past this the structure check fails it.
const MAX_HEADER_BYTES = 2 * 1024 * 1024;
const TEXT_TYPES = new Set(['text/plain', 'text/html', 'message/delivery-status']);
const UTF8_NAMES = new Set(['ascii', 'usascii', 'utf8']);
// libmime reads these without iconv-lite's help, or refuses them: mailparser's own handling applies.
const SPECIAL_CHARSET = /^(jis|iso-?2022|euc-?jp|shift[-_]?jis|cp932|ks_c_5601|utf-?7|base64|hex)/i;

export function readMimeFast(bytes: Buffer): FastMime | null {
  const top = headerBlock(bytes, 0, bytes.length);
  if (!top || top.lines.length === 0) return null;
  const leaves: Leaf[] = [];
  if (!walk(bytes, top.lines, top.bodyStart, bytes.length, 0, false, leaves)) return null;
  const hasHtml = leaves.some((l) => l.type === 'text/html' && l.inline);
  const html: string[] = [];
  // mailparser keeps an AMP part as an attachment; the slow path adds its text after the HTML as this does.
  const amp: string[] = [];
  for (const leaf of leaves) {
    if (!leaf.inline) continue;
    if (leaf.type === AMP_HTML_TYPE) {
      const text = decodeText(bytes, leaf);
      if (text === null) return null;
      if (text) amp.push(text);
      continue;
    }
    // An empty text part (its only line end went to the delimiter): mailsplit's line-end rules decide.
    if (leaf.start === leaf.end) return null;
    if (leaf.type === 'text/html') {
      const text = decodeText(bytes, leaf);
      if (text === null) return null;
      if (text) html.push(text);
    } else if (hasHtml && !leaf.alternative) {
      // mailparser adds the plain part's HTML rendering, empty when text-to-HTML is skipped.
      const body = decodeTransfer(bytes, leaf);
      if (body === null) return null;
      if (body.length) html.push('');
    }
  }
  const joined = html.length ? [html.join('<br/>\n'), ...amp] : amp;
  return { headerLines: top.lines, html: joined.length ? joined.join('\n') : null };
}

function walk(bytes: Buffer, headers: HeaderLine[], start: number, end: number, depth: number, alternative: boolean, out: Leaf[]): boolean {
  if (depth > MAX_PART_DEPTH || out.length > MAX_PARTS) return false;
  const contentType = firstValue(headers, 'content-type');
  const disposition = firstValue(headers, 'content-disposition');
  let type: string;
  let params: Record<string, string> = {};
  if (contentType !== undefined) {
    // A comment is mailparser's case; RFC 2231 parameters (`boundary*0=`) libmime joins as mailparser does.
    if (contentType.includes('(')) return false;
    const parsed = libmime.parseHeaderValue(contentType);
    type = (parsed.value || '').toLowerCase().trim();
    params = parsed.params;
    if (!type) return false;
  } else {
    if (disposition !== undefined) return false;
    type = 'text/plain';
  }
  if (isAttachedMessageType(type)) return false;
  // mailsplit splits any part that names a boundary, whatever its type says: its rules then.
  if (!type.startsWith('multipart/') && params.boundary !== undefined) return false;
  if (!type.includes('/')) return false;
  if (type.startsWith('multipart/')) {
    const boundary = (params.boundary ?? '').trimEnd();
    if (!boundary || !/^[\x20-\x7e]+$/.test(boundary)) return false;
    // The structure reader's delimiters, in their strict form: anything unusual is mailparser's.
    // At most MAX_PARTS + 1 ranges: past MAX_PARTS the walk declines anyway.
    const parts = delimitedParts(bytes, start, end, boundary, MAX_PARTS + 1);
    if (!parts.closed || parts.unusual) return false;
    const ranges = parts.ranges;
    const childAlternative = alternative || type === 'multipart/alternative';
    for (const [s, e] of ranges) {
      const child = headerBlock(bytes, s, e);
      if (!child) return false;
      if (!walk(bytes, child.lines, child.bodyStart, e, depth + 1, childAlternative, out)) return false;
    }
    return true;
  }
  let dispositionValue: string | false = false;
  if (disposition !== undefined) {
    if (disposition.includes('(') || /=\?/.test(disposition)) return false;
    dispositionValue = (libmime.parseHeaderValue(disposition).value || '').toLowerCase().trim() || false;
  }
  const text = TEXT_TYPES.has(type) || type === AMP_HTML_TYPE;
  let inline: boolean;
  if (dispositionValue && dispositionValue !== 'attachment' && dispositionValue !== 'inline') inline = false;
  else if (!dispositionValue) inline = text;
  else inline = text && dispositionValue === 'inline';
  const encodingHeader = firstValue(headers, 'content-transfer-encoding') ?? '';
  if (encodingHeader.includes('(') || encodingHeader.includes('"')) return false;
  out.push({ type, alternative, inline, encoding: encodingHeader.toLowerCase().trim(), charset: params.charset || false, start, end });
  return true;
}

/** The header lines of the part at start and where its body begins; null where mailsplit reads it differently. */
function headerBlock(bytes: Buffer, start: number, end: number): { lines: HeaderLine[]; bodyStart: number } | null {
  if (bytes[start] === 0x0a) return { lines: [], bodyStart: start + 1 };
  if (bytes[start] === 0x0d && bytes[start + 1] === 0x0a) return { lines: [], bodyStart: start + 2 };
  let at = start;
  for (;;) {
    const nl = bytes.indexOf(0x0a, at);
    if (nl === -1 || nl >= end) return null; // headers that run to the end of the part: mailparser's case
    if (nl - start > MAX_HEADER_BYTES) return null;
    const next = nl + 1;
    if (next >= end) return null;
    if (bytes[next] === 0x0a) return finish(bytes, start, nl + 1, next + 1);
    if (bytes[next] === 0x0d && bytes[next + 1] === 0x0a) return finish(bytes, start, nl + 1, next + 2);
    at = next;
  }
}

function finish(bytes: Buffer, start: number, headerEnd: number, bodyStart: number): { lines: HeaderLine[]; bodyStart: number } | null {
  const lines = splitHeaderLines(bytes.toString('latin1', start, headerEnd));
  return lines ? { lines, bodyStart } : null;
}

function decodeTransfer(bytes: Buffer, leaf: Leaf): Buffer | null {
  const body = bytes.subarray(leaf.start, leaf.end);
  if (leaf.encoding === 'base64') {
    // Only clean base64 here; the structure check names the rest as broken, on its own path.
    // For clean base64 Node's decoder (which skips line breaks) gives what libbase64 gives.
    return decodeCleanBase64(body);
  }
  if (leaf.encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** A text part as mailparser hands it out: transfer encoding and charset decoded, LF line ends. */
function decodeText(bytes: Buffer, leaf: Leaf): string | null {
  const body = decodeTransfer(bytes, leaf);
  if (body === null) return null;
  // Base64 and quoted-printable decode into a buffer of their own, which may be changed in place.
  const owned = leaf.encoding === 'base64' || leaf.encoding === 'quoted-printable';
  const plan = charsetPlan(leaf.charset || 'utf-8');
  if (plan === null) return null;
  // CRLF -> LF on the bytes where a CR byte can only be a CR: one string made instead of two.
  if (plan === 'utf8') return dropCrBeforeLf(body, owned).toString();
  // A single-byte charset that keeps ASCII as ASCII gives the latin1 text of ASCII bytes (most
  // windows-1252 bodies: what libmime makes of iso-8859-1): iconv-lite's table is not needed.
  if (plan.asciiSafe && isAscii(body)) return dropCrBeforeLf(body, owned).toString('latin1');
  const text = plan.name === null ? body.toString('utf8') : iconv.decode(body, plan.name);
  return text.includes('\r') ? text.replace(/\r?\n/g, '\n') : text;
}

/** How a charset label is decoded: as UTF-8 bytes, by mailparser's path (null), or with iconv-lite's codec `name` (null: as UTF-8 text). */
type CharsetPlan = 'utf8' | { name: string | null; asciiSafe: boolean } | null;
// A message names its charsets: the decision (normalising, iconv-lite's lookups) is made once
// per label. Labels are the sender's text: bounded, emptied when full.
const PLANS = new Map<string, CharsetPlan>();
const MAX_PLANS = 256;
const ASCII_PROBE = Buffer.from(Array.from({ length: 128 }, (_, i) => i));

function charsetPlan(charset: string): CharsetPlan {
  let plan = PLANS.get(charset);
  if (plan === undefined) {
    plan = planFor(charset);
    if (PLANS.size >= MAX_PLANS) PLANS.clear();
    PLANS.set(charset, plan);
  }
  return plan;
}

function planFor(charset: string): CharsetPlan {
  if (UTF8_NAMES.has(charset.toLowerCase().replace(/[^a-z0-9]+/g, ''))) return 'utf8';
  const lower = charset.toLowerCase();
  // The structure check names a charset iconv-lite does not know as a failure: its path.
  if (SPECIAL_CHARSET.test(lower) || !isKnownCharset(lower)) return null;
  // libmime's decode stream, as mailparser runs it, over the whole body at once.
  const name = normalizeCharset(charset);
  if (/^(?:(?:us-)?ascii|utf-8|7bit)$/i.test(name) || !iconv.encodingExists(name)) return { name: null, asciiSafe: false };
  // Single-byte (a 256-entry table, so each byte decodes on its own) and ASCII bytes as ASCII.
  const asciiSafe = 'decodeBuf' in iconv.getCodec(name) && iconv.decode(ASCII_PROBE, name) === ASCII_PROBE.toString('latin1');
  return { name, asciiSafe };
}

/**
 * Base64 with nothing but the alphabet, line breaks and blanks, padding only at the end, and a
 * length that can be whole: decoded as Node decodes it (skipping the breaks), else null.
 */
function decodeCleanBase64(body: Buffer): Buffer | null {
  const text = body.toString('latin1');
  if (/[^A-Za-z0-9+/=\r\n\t ]/.test(text) || /=[\s]*[^=\s]/.test(text)) return null;
  // Blanks counted on the bytes (latin1: one character a byte), as the breaks are: a regular
  // expression test and a replace over the whole body cost 2% of the first pass of a scan.
  const compact = text.length - count(body, 0x20) - count(body, 0x09) - count(body, 0x0a) - count(body, 0x0d);
  if (count(body, 0x3d) > 2 || compact % 4 === 1) return null;
  return Buffer.from(text, 'base64');
}

function count(bytes: Buffer, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/** CR LF -> LF; in place when the bytes are the caller's own to change (a decoded body). */
function dropCrBeforeLf(bytes: Buffer, inPlace: boolean): Buffer {
  let cr = bytes.indexOf(0x0d);
  if (cr === -1) return bytes;
  // One copy of the whole body (none for a decoded one), then the lines moved down in place:
  // Buffer#copy per line made a Uint8Array view each time (45 MB of a one-worker scan's 2.7 GB
  // of allocation).
  let out = bytes;
  if (!inPlace) {
    out = Buffer.allocUnsafe(bytes.length);
    out.set(bytes);
  }
  let w = cr;
  let from = cr;
  while (cr !== -1) {
    if (bytes[cr + 1] === 0x0a) {
      w += moveWithin(out, w, from, cr);
      from = cr + 1;
    }
    cr = bytes.indexOf(0x0d, cr + 1);
  }
  w += moveWithin(out, w, from, bytes.length);
  return out.subarray(0, w);
}

function firstValue(headers: HeaderLine[], key: string): string | undefined {
  for (const h of headers) if (h.key === key) return headerValue(h.line);
  return undefined;
}
