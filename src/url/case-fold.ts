/**
 * Case folding for matching addresses, one code point at a time, with where each folded unit
 * came from. `toLowerCase` over a whole string changes its length (`İ` becomes `i̇`, two units)
 * and picks final or medial sigma by context: mapping a hit back by position then lands beside
 * it, and the old fallback (A-Z only when the length changed) left every non-ASCII address in
 * such a string unmasked. Folding each code point alone, and sigma to one form, gives the same
 * text for an address wherever it stands, and an exact map back.
 */
export interface Folded {
  text: string;
  /** Source start of each unit of `text`; absent when folding kept every position. */
  start?: Int32Array;
  /** Source end (exclusive) of each unit of `text`. */
  end?: Int32Array;
}

const cache = new Map<number, string>();

/**
 * The fold of one non-ASCII code point: its compatibility decomposition (NFKD) in lower case,
 * final sigma as sigma. Decomposed, `ü` and `u\u0308` (NFC and NFD) fold alike, as do the
 * full-width `ｒｅａｄｅｒ＠` and `reader@`: a client shows them as the same address.
 */
function foldPoint(cp: number): string {
  let out = cache.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp)
      .normalize('NFKD')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\u03c2/g, '\u03c3');
    if (cache.size < 4096) cache.set(cp, out);
  }
  return out;
}

/** Whether every unit of `text` is ASCII: its fold is then its lower case, unit for unit. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** `text` folded; positions are mapped only when some code point folded to another length. */
export function foldCase(text: string): Folded {
  if (isAscii(text)) return { text: text.toLowerCase() };
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let sameLength = true;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const folded = cp < 0x80 ? text[i].toLowerCase() : foldPoint(cp);
    if (folded.length !== width) sameLength = false;
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  const out = parts.join('');
  return sameLength ? { text: out } : { text: out, start: Int32Array.from(starts), end: Int32Array.from(ends) };
}
