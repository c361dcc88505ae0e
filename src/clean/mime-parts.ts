import { headerParam, isIdentityEncoding, parseHeaderBlock } from '../mail/mime-headers.js';

/**
 * A part located in the raw message (latin1 offsets = byte offsets): a text/html leaf, or an
 * attached message in base64 or quoted-printable, whose own parts are found after decoding it.
 */
export interface RawHtmlPart {
  kind: 'html' | 'encoded-message';
  bodyStart: number;
  bodyEnd: number;
  encoding: string;
  charset: string;
}

/** Finds every text/html leaf (in multiparts and message/rfc822 parts) with the byte range of its body. */
export function findHtmlParts(text: string): RawHtmlPart[] {
  const out: RawHtmlPart[] = [];
  walk(text, 0, text.length, 0, out);
  return out;
}

function walk(text: string, start: number, end: number, depth: number, out: RawHtmlPart[]): void {
  if (depth > 20) return;
  const headEnd = findBlankLine(text, start, end);
  if (headEnd === -1) return;
  const headers = parseHeaderBlock(text.slice(start, headEnd.at));
  const bodyStart = headEnd.at + headEnd.length;
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(contentType, 'boundary');
    if (!boundary) return;
    for (const [s, e] of multipartRanges(text, bodyStart, end, boundary)) walk(text, s, e, depth + 1, out);
  } else if (type === 'message/rfc822') {
    const cte = (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
    if (isIdentityEncoding(cte)) walk(text, bodyStart, end, depth + 1, out);
    else if (cte === 'base64' || cte === 'quoted-printable') out.push({ kind: 'encoded-message', bodyStart, bodyEnd: end, encoding: cte, charset: 'latin1' });
  } else if (type === 'text/html') {
    out.push({
      kind: 'html',
      bodyStart,
      bodyEnd: end,
      encoding: (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase(),
      charset: (headerParam(contentType, 'charset') ?? 'utf-8').toLowerCase(),
    });
  }
}

function findBlankLine(text: string, start: number, end: number): { at: number; length: number } | -1 {
  if (text.startsWith('\r\n', start)) return { at: start, length: 2 };
  if (text.startsWith('\n', start)) return { at: start, length: 1 };
  const re = /\r?\n\r?\n/g;
  re.lastIndex = start;
  const m = re.exec(text);
  if (!m || m.index >= end) return -1;
  // The header block ends after its last line's newline; the body starts after the blank line.
  const nl = m[0].startsWith('\r\n') ? 2 : 1;
  return { at: m.index + nl, length: m[0].length - nl };
}

/** Byte ranges of each part between boundary lines, each ending before the line break that precedes the next delimiter. */
function multipartRanges(text: string, start: number, end: number, boundary: string): Array<[number, number]> {
  const delimiter = `--${boundary}`;
  const ranges: Array<[number, number]> = [];
  let partStart = -1;
  let pos = start;
  while (pos < end) {
    const found = text.indexOf(delimiter, pos);
    if (found === -1 || found >= end) break;
    const atLineStart = found === start || text[found - 1] === '\n';
    let lineEnd = text.indexOf('\n', found);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const rest = text.slice(found + delimiter.length, lineEnd).trimEnd();
    if (atLineStart && (rest === '' || rest === '--')) {
      if (partStart !== -1) {
        const cut = text[found - 2] === '\r' ? found - 2 : found - 1;
        ranges.push([partStart, Math.max(partStart, cut)]);
      }
      if (rest === '--') return ranges;
      partStart = lineEnd + 1;
    }
    pos = lineEnd + 1;
  }
  if (partStart !== -1 && partStart < end) ranges.push([partStart, end]);
  return ranges;
}
