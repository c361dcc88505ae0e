/** What a file holds, judged from its first bytes rather than its name. */
export type MailFormat = 'mbox' | 'emlx' | 'eml' | 'empty' | 'binary' | 'not-mail';

const HEADER_LINE = /^[!-9;-~]+:/; // RFC 5322 field name: printable ASCII except ':'
const MAIL_HEADERS =
  /^(from|to|subject|date|message-id|received|return-path|mime-version|delivered-to|content-type|x-[a-z0-9-]+|reply-to|sender|cc|dkim-signature|authentication-results|arc-[a-z-]+|list-[a-z-]+):/im;

/** How many bytes detection needs: callers read at least this much before asking. */
export const DETECT_BYTES = 64 * 1024;

export function detectFormat(head: Buffer): MailFormat {
  if (head.length === 0) return 'empty';
  const probe = head.subarray(0, Math.min(head.length, 8192));
  if (probe.includes(0)) return 'binary';
  const text = head.subarray(0, Math.min(head.length, DETECT_BYTES)).toString('latin1');
  const start = text.replace(/^(\r?\n)+/, '');
  if (start.trim() === '') return 'empty';
  if (start.startsWith('From ')) return 'mbox';
  // Apple Mail .emlx: a byte count alone on the first line, then the message.
  const emlx = /^(\d+)[ \t]*\r?\n/.exec(start);
  if (emlx && looksLikeHeaders(start.slice(emlx[0].length))) return 'emlx';
  if (looksLikeHeaders(start)) return 'eml';
  return 'not-mail';
}

function looksLikeHeaders(text: string): boolean {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!HEADER_LINE.test(firstLine)) return false;
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  return MAIL_HEADERS.test(block);
}
