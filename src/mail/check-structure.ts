import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import type { Ticker } from './mime-headers.js';
import { base64DataEnd, MAILPARSER_HEADER_BYTES, MAX_MIME_PARTS, MAX_PART_DEPTH, type MimeNode, mimeNodes, readMimeTree } from './mime-structure.js';

// Charsets that mail software writes when it does not know; mailparser reads them as bytes.
const TOLERATED_CHARSETS = new Set(['unknown-8bit', 'x-unknown', 'default', 'x-user-defined', 'ascii', 'us-ascii', 'utf8', 'utf-8']);

/** A lower-case charset name that iconv-lite decodes or that mail software writes for "unknown". */
export function isKnownCharset(charset: string): boolean {
  return TOLERATED_CHARSETS.has(charset) || iconv.encodingExists(charset);
}

/**
 * Finds what mailparser silently papers over but a report must name. Fatal (thrown): no header
 * block, a message cut off in the middle of a line inside an unclosed multipart (a truncated
 * file), an HTML part in a charset nobody can decode, HTML in base64 that is not base64.
 * Returned as warnings: sloppy but readable structure that real senders produce (a multipart
 * never closed at a clean line end, a boundary that never appears, text after the base64 data
 * of an HTML part). Reads the structure with the reader clean uses (mime-structure.ts), ticking
 * `ticker` (the message's deadline) as it goes.
 */
export function checkStructure(bytes: Buffer, ticker?: Ticker): StructureCheck {
  const top = readMimeTree(bytes, ticker);
  if (top.headers.size === 0) throw new InputError('malformed message: no header block at the start');
  const warnings: string[] = [];
  // The file ends at a line end: an unclosed multipart is then sloppiness, not a cut-off download.
  const endsCleanly = bytes.length > 0 && bytes[bytes.length - 1] === 0x0a;
  let unread: { from: number; atLeast: number } | null = null;
  for (const node of mimeNodes(top)) {
    checkPart(bytes, node, warnings, endsCleanly);
    if (node.unread && (!unread || node.unread.from < unread.from)) unread = node.unread;
  }
  if (!unread) return { warnings, readEnd: bytes.length, incomplete: null };
  // Failing the message would hide the pixel of its first part, the one a mail client shows
  // (review of 2026-12-02): the first MAX_MIME_PARTS are read, the rest is named.
  const incomplete = `more than ${MAX_MIME_PARTS.toLocaleString('en-US')} MIME parts: only the first ${MAX_MIME_PARTS.toLocaleString('en-US')} were read; at least ${unread.atLeast.toLocaleString('en-US')} more (the last ${(bytes.length - unread.from).toLocaleString('en-US')} bytes of the message) were left unread`;
  warnings.push(incomplete);
  return { warnings, readEnd: unread.from, incomplete };
}

/** What the structure check found. */
export interface StructureCheck {
  /** Problems that do not stop the scan, for the message's `warnings`. */
  warnings: string[];
  /** Where the parser is to stop reading: the message's length, or where its first unread part starts. */
  readEnd: number;
  /** Why the message was not read whole (its parts past MAX_MIME_PARTS), or null. */
  incomplete: string | null;
}

function checkPart(bytes: Buffer, part: MimeNode, warnings: string[], endsCleanly: boolean): void {
  if (part.tooDeep) throw new InputError(`malformed message: MIME parts nested deeper than ${MAX_PART_DEPTH} levels`);
  // mailparser stops there ("Max header size for a MIME node exceeded"); the fast path reads such
  // headers, so this is a message it declined for another reason: our own words, not mailsplit's.
  if (part.headerBytes > MAILPARSER_HEADER_BYTES) {
    throw new InputError(`malformed message: a MIME header block of ${Math.ceil(part.headerBytes / 1024).toLocaleString('en-US')} KB (over the ${MAILPARSER_HEADER_BYTES / 1024} KB the parser for irregular MIME reads)`);
  }
  const { type } = part;
  if (part.multipart) {
    const { boundary, found, closed } = part.multipart;
    if (!boundary) throw new InputError(`malformed message: ${type} without a boundary`);
    // Its delimiters past the part limit were not looked for: not closed, not truncated, only unread.
    if (part.tooMany) return;
    if (!found) {
      if (!closed) warnings.push(`the ${type} boundary never appears`);
    } else if (!closed) {
      if (!endsCleanly) throw new InputError(`truncated message: it ends in the middle of a line inside an unclosed ${type} part`);
      warnings.push(`the ${type} part is never closed (the message may be truncated)`);
    }
    return;
  }
  if (type !== 'text/html') return;
  const { charset } = part;
  if (charset && !isKnownCharset(charset) && !/^(iso-?2022-jp|shift[-_]?jis|euc-?jp|cp932|ks_c_5601-1987)/.test(charset)) {
    throw new InputError(`unknown charset "${charset}" in a text/html part`);
  }
  if (part.encoding === 'base64') {
    const dataEnd = base64DataEnd(bytes, part.bodyStart, part.bodyEnd);
    const compact = bytes.toString('latin1', part.bodyStart, dataEnd).replace(/[\s]+/g, '');
    const trailer = bytes.toString('latin1', dataEnd, part.bodyEnd).trim();
    if (compact.length === 0 ? trailer.length > 0 : /=[^=]/.test(compact) || compact.length % 4 === 1) {
      throw new InputError('broken base64 in a text/html part');
    }
    // A mailing list's footer appended to the part: mail clients still show the HTML.
    if (trailer) warnings.push('text after the base64 data of a text/html part (a footer added by a mailing list?) is read as mailparser reads it');
  }
}
