import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { headerParam, isIdentityEncoding, parseHeaderBlock } from './mime-headers.js';

// Charsets that mail software writes when it does not know; mailparser reads them as bytes.
const TOLERATED_CHARSETS = new Set(['unknown-8bit', 'x-unknown', 'default', 'x-user-defined', 'ascii', 'us-ascii', 'utf8', 'utf-8']);

/** A lower-case charset name that iconv-lite decodes or that mail software writes for "unknown". */
export function isKnownCharset(charset: string): boolean {
  return TOLERATED_CHARSETS.has(charset) || iconv.encodingExists(charset);
}
const MAX_DEPTH = 40;

interface Part {
  headers: Map<string, string>;
  body: string;
}

/**
 * Finds what mailparser silently papers over but a report must name. Fatal (thrown): no header
 * block, a message cut off in the middle of a line inside an unclosed multipart (a truncated
 * file), an HTML part in a charset nobody can decode, HTML in base64 that is not base64.
 * Returned as warnings: sloppy but readable structure that real senders produce (a multipart
 * never closed at a clean line end, a boundary that never appears). Works on latin1 text so
 * byte offsets hold.
 */
export function checkStructure(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const top = splitPart(text);
  if (top.headers.size === 0) throw new InputError('malformed message: no header block at the start');
  const warnings: string[] = [];
  checkPart(top, 0, { warnings, endsCleanly: /\n$/.test(text) });
  return warnings;
}

interface Check {
  warnings: string[];
  /** The file ends at a line end: an unclosed multipart is then sloppiness, not a cut-off download. */
  endsCleanly: boolean;
}

function checkPart(part: Part, depth: number, check: Check): void {
  if (depth > MAX_DEPTH) throw new InputError(`malformed message: MIME parts nested deeper than ${MAX_DEPTH} levels`);
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(contentType, 'boundary');
    if (!boundary) throw new InputError(`malformed message: ${type} without a boundary`);
    for (const child of splitMultipart(part.body, boundary, type, check)) checkPart(splitPart(child), depth + 1, check);
    return;
  }
  if (type === 'message/rfc822') {
    // An attached message in base64 or quoted-printable is text only once decoded: its raw body
    // would read `charset=3Dutf-8` as a charset. Only identity-encoded ones are looked into.
    if (!isIdentityEncoding(part.headers.get('content-transfer-encoding') ?? '')) return;
    const inner = splitPart(part.body);
    if (inner.headers.size > 0) checkPart(inner, depth + 1, check);
    return;
  }
  if (type !== 'text/html') return;
  const charset = headerParam(contentType, 'charset')?.toLowerCase();
  if (charset && !isKnownCharset(charset) && !/^(iso-?2022-jp|shift[-_]?jis|euc-?jp|cp932|ks_c_5601-1987)/.test(charset)) {
    throw new InputError(`unknown charset "${charset}" in a text/html part`);
  }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') {
    const compact = part.body.replace(/[\s]+/g, '');
    if (/[^A-Za-z0-9+/=]/.test(compact) || /=[^=]/.test(compact) || compact.length % 4 === 1) {
      throw new InputError('broken base64 in a text/html part');
    }
  }
}

function splitMultipart(body: string, boundary: string, type: string, check: Check): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let lineStart = 0;
  let partStart = -1;
  let closed = false;
  while (lineStart <= body.length) {
    const found = body.indexOf(delimiter, lineStart);
    if (found === -1) break;
    const atLineStart = found === 0 || body.charCodeAt(found - 1) === 0x0a;
    let lineEnd = body.indexOf('\n', found);
    if (lineEnd === -1) lineEnd = body.length;
    if (atLineStart) {
      const rest = body.slice(found + delimiter.length, lineEnd).trimEnd();
      if (rest === '' || rest === '--') {
        if (partStart !== -1) parts.push(body.slice(partStart, found));
        if (rest === '--') {
          closed = true;
          break;
        }
        partStart = lineEnd + 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (partStart === -1 && !closed) {
    check.warnings.push(`the ${type} boundary never appears`);
    return [];
  }
  if (!closed) {
    if (!check.endsCleanly) throw new InputError(`truncated message: it ends in the middle of a line inside an unclosed ${type} part`);
    check.warnings.push(`the ${type} part is never closed (the message may be truncated)`);
    parts.push(body.slice(partStart));
  }
  return parts;
}

function splitPart(text: string): Part {
  if (text.startsWith('\r\n') || text.startsWith('\n')) return { headers: new Map(), body: text.replace(/^\r?\n/, '') };
  const end = text.search(/\r?\n\r?\n/);
  if (end === -1) return { headers: parseHeaderBlock(text), body: '' };
  const blank = /\r?\n\r?\n/.exec(text.slice(end));
  return { headers: parseHeaderBlock(text.slice(0, end)), body: text.slice(end + (blank ? blank[0].length : 0)) };
}
