/** One header as it appears in the message: lower-case name, raw line with its folds (latin1 text of the bytes). */
export interface HeaderLine {
  key: string;
  line: string;
}

/**
 * Splits a raw header block (latin1 text, blank line excluded) the way mailsplit does: folds
 * joined with CRLF, names lower-cased. Returns null when a line is not a header (an mbox `From `
 * line, a keyless line, a bare CR): mailsplit has special rules for those and the caller then
 * leaves the message to mailparser.
 */
export function splitHeaderLines(block: string): HeaderLine[] | null {
  if (hasBareCr(block)) return null;
  let end = block.length;
  while (end > 0 && (block.charCodeAt(end - 1) === 0x0a || block.charCodeAt(end - 1) === 0x0d)) end--;
  const lines: HeaderLine[] = [];
  let start = 0;
  while (start < end) {
    let stop = block.indexOf('\n', start);
    if (stop === -1 || stop > end) stop = end;
    const raw = block.slice(start, stop > start && block.charCodeAt(stop - 1) === 0x0d ? stop - 1 : stop);
    start = stop + 1;
    const first = raw.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (lines.length === 0) return null;
      lines[lines.length - 1].line += `\r\n${raw}`;
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon <= 0) return null;
    if (lines.length === 0 && /^(from|post) /i.test(raw)) return null;
    lines.push({ key: raw.slice(0, colon).trim().toLowerCase(), line: raw });
  }
  return lines;
}

/**
 * A CR not followed by LF: one indexOf a line on CRLF mail. /\r(?!\n)/ over the block was 51 ms
 * of a 22 s profile of a one-worker bench scan; on the header blocks of a third of the bench mbox
 * (1,487, 11.6 MB, half of them CRLF), CPU: 10.6-14.2 ms a pass -> 2.7-3.1 ms.
 */
function hasBareCr(block: string): boolean {
  for (let cr = block.indexOf('\r'); cr !== -1; cr = block.indexOf('\r', cr + 2)) if (block.charCodeAt(cr + 1) !== 0x0a) return true;
  return false;
}

// libmime.decodeHeader's unfolding, the same expression.
const FOLD = /(?:\r?\n|\r)[ \t]*/g;
// What `.` in decodeHeader's /^\s*([^:]+):(.*)$/ does not match.
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * `libmime.decodeHeader(line).value`, exactly, for any line (a fast-path line, mailparser's, a
 * loose split's): unfolded, trimmed, the text after the first colon, '' when there is no name
 * before it. Its unfolding, match and trims cost 2.8% of the MIME stage's profile on the bench
 * mbox (4,461 messages); here a line without a break is not rewritten and no match is made.
 * test/header-value.test.ts compares the two on tricky and generated lines.
 */
export function headerValue(line: string): string {
  const text = (line.includes('\n') || line.includes('\r') ? line.replace(FOLD, ' ') : line).trim();
  const colon = text.indexOf(':');
  if (colon <= 0) return '';
  const value = text.slice(colon + 1);
  return LINE_TERMINATOR.test(value) ? '' : value.trim();
}

/** The unfolded value of a header line, as raw text. */
export function rawHeaderValue(line: string): string {
  const value = line.slice(line.indexOf(':') + 1);
  return (value.includes('\n') ? value.replace(/\r?\n[ \t]+/g, ' ') : value).trim();
}
