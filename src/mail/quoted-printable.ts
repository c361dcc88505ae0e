const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const EQ = 0x3d;

/**
 * Quoted-printable decoding with exactly libqp's results (what mailparser gives), as libqp's
 * three steps (blanks at line ends, soft line breaks, `=XX` escapes) done as passes over bytes
 * rather than regular-expression rewrites of a string. A test compares it with libqp on
 * generated input.
 */
export function decodeQuotedPrintable(input: Uint8Array): Buffer {
  const len = input.length;
  const out = Buffer.allocUnsafe(len);
  // 1: blanks before a line end (CR or LF) or the end are dropped.
  let m = 0;
  for (let i = 0; i < len; ) {
    const c = input[i];
    if (c === SPACE || c === TAB) {
      let k = i + 1;
      while (k < len && (input[k] === SPACE || input[k] === TAB)) k++;
      if (!(k === len || input[k] === LF || input[k] === CR)) for (let j = i; j < k; j++) out[m++] = input[j];
      i = k;
    } else {
      out[m++] = c;
      i++;
    }
  }
  // 2, in place (every pass only shrinks): soft line breaks, "=" before CRLF, LF or the end.
  let n = 0;
  for (let r = 0; r < m; r++) {
    if (out[r] === EQ) {
      if (r + 1 === m) break;
      if (out[r + 1] === LF) {
        r += 1;
        continue;
      }
      if (out[r + 1] === CR && r + 2 < m && out[r + 2] === LF) {
        r += 2;
        continue;
      }
    }
    out[n++] = out[r];
  }
  // 3, in place: =XX escapes.
  let w = 0;
  for (let r = 0; r < n; r++) {
    const c = out[r];
    if (c === EQ && r < n - 2) {
      const hi = hexValue(out[r + 1]);
      const lo = hexValue(out[r + 2]);
      if (hi >= 0 && lo >= 0) {
        out[w++] = hi * 16 + lo;
        r += 2;
        continue;
      }
    }
    out[w++] = c;
  }
  return out.subarray(0, w);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}
