/**
 * Shapes of URL pieces of unbounded length, by char code. V8's regex engine keeps a backtrack
 * entry per iteration of a counted (`{16,}`) or grouped (`(\.x+)+`) repetition: on a 10 MB path
 * segment `/^[0-9a-f]{16,}$/i` threw "Maximum call stack size exceeded" and failed a tracked
 * message (attackP5); these loops answer what those regexes answered (test/char-shapes.test.ts
 * compares them on short inputs), in one pass and without a stack. The hex and word shapes of
 * identifiers.ts are read by its own char scans (hexShape, isWordAt).
 */

/** An ASCII lower-case letter. */
export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLabelCode(c: number): boolean {
  return (c >= 48 && c <= 57) || isLower(c) || isUpper(c) || c === 45;
}

/** `/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i`: labels of letters, digits and `-`, at least two, one dot apart. */
export function isHostShaped(v: string): boolean {
  let labels = 0;
  let labelLength = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46) {
      if (labelLength === 0) return false;
      labels++;
      labelLength = 0;
    } else if (isLabelCode(c)) labelLength++;
    else return false;
  }
  return labelLength > 0 && labels >= 1;
}
