import { isEnvelope, isMozillaEnvelope } from './mbox-envelope.js';

/** What a file holds, judged from its first bytes rather than its name. */
export type MailFormat = 'mbox' | 'emlx' | 'eml' | 'empty' | 'binary' | 'not-mail';

const HEADER_LINE = /^[!-9;-~]+:/; // RFC 5322 field name: printable ASCII except ':'
const MAIL_HEADERS = /^(from|to|subject|date|message-id|received|return-path|mime-version|delivered-to|content-type|x-[a-z0-9-]+|reply-to|sender|cc|dkim-signature|authentication-results|arc-[a-z-]+|list-[a-z-]+):/im;

/** How many bytes detection needs: callers read at least this much before asking. */
export const DETECT_BYTES = 64 * 1024;

/** The UTF-8 byte order mark some Windows tools write before the headers. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How many bytes of byte order mark the file starts with (0 or 3). */
export function bomLength(head: Buffer): number {
  return head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
}

export function detectFormat(head: Buffer): MailFormat {
  if (head.length === 0) return 'empty';
  const body = head.subarray(bomLength(head));
  // A NUL byte early on usually means a binary file; but mail clients show a message with a stray
  // NUL in it, so such a file is mail when it starts with a complete header block.
  const strict = body.subarray(0, Math.min(body.length, 8192)).includes(0);
  const text = body.subarray(0, Math.min(body.length, DETECT_BYTES)).toString('latin1');
  const start = text.replace(/^(\r?\n)+/, '');
  if (start.trim() === '' && !strict) return 'empty';
  const fallback = strict ? 'binary' : 'not-mail';
  if (start.startsWith('From ')) {
    // An mbox starts with an envelope line or a header block after its first line; a text file
    // that opens "From the desk of ..." is neither, and is not read as one headerless message.
    const lineEnd = /\r?\n/.exec(start);
    const first = lineEnd ? start.slice(0, lineEnd.index) : start;
    const next = lineEnd ? start.slice(lineEnd.index + lineEnd[0].length) : '';
    if (strict) return lineEnd && looksLikeHeaders(next, true) ? 'mbox' : 'binary';
    return isEnvelope(first) || isMozillaEnvelope(first) || looksLikeHeaders(next) ? 'mbox' : 'not-mail';
  }
  // Apple Mail .emlx: a byte count alone on the first line (Mail pads it with blanks), then the message.
  const emlx = /^[ \t]*(\d+)[ \t]*\r?\n/.exec(start);
  if (emlx && looksLikeHeaders(start.slice(emlx[0].length), strict)) return 'emlx';
  if (looksLikeHeaders(start, strict)) return 'eml';
  return fallback;
}

/**
 * Whether the text starts like a mail header block. `complete` asks for more: the block ends with
 * a blank line within the text, and every line of it is a field or a folded continuation.
 */
function looksLikeHeaders(text: string, complete = false): boolean {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!HEADER_LINE.test(firstLine)) return false;
  const end = text.search(/\r?\n\r?\n/);
  if (complete && end === -1) return false;
  const block = end === -1 ? text : text.slice(0, end);
  if (complete && !block.split(/\r?\n/).every((line) => HEADER_LINE.test(line) || /^[ \t]/.test(line))) return false;
  return MAIL_HEADERS.test(block);
}
