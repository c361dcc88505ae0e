const QUOTED_FROM = /^>+From /;

/** mboxrd: a line `>From ` (any number of `>`) stands for the same line with one `>` less. */
export function unquoteFromLines(b: Buffer): Buffer {
  if (b.indexOf('>From ') === -1) return b;
  const out: Buffer[] = [];
  let lineStart = 0;
  let copied = 0;
  while (lineStart < b.length) {
    let lineEnd = b.indexOf(0x0a, lineStart);
    if (lineEnd === -1) lineEnd = b.length;
    if (b[lineStart] === 0x3e && QUOTED_FROM.test(b.toString('latin1', lineStart, Math.min(lineEnd, lineStart + 64)))) {
      out.push(b.subarray(copied, lineStart));
      copied = lineStart + 1; // skip one '>'
    }
    lineStart = lineEnd + 1;
  }
  out.push(b.subarray(copied));
  return Buffer.concat(out);
}

/** mboxrd quoting, the inverse of unquoteFromLines: one more `>` before every `>*From ` line. */
export function quoteFromLines(b: Buffer): Buffer {
  const text = b.toString('latin1');
  if (!/(^|\n)>*From /.test(text)) return b;
  return Buffer.from(text.replace(/(^|\n)(>*From )/g, '$1>$2'), 'latin1');
}
