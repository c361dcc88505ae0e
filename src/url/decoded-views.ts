/**
 * The views of a text that address matching reads, for detection and masking alike (one
 * implementation, so that the two can never disagree): the text as written, then each round of
 * percent-decoding and HTML character references.
 */
import type { Ticker } from './form-matcher.js';

/**
 * A string seen through one more round of percent-decoding, with, for each of its characters,
 * the span of the original string it stands for. Matching on these views and masking the
 * original span is what makes `reader%2Btag@example.org`, `reader%40example.org%2C...` and a
 * double-encoded `%2540` masked: replacing the detector's exact text missed every mixed form.
 */
export interface View {
  text: string;
  /** Original start of each character; absent for the original string itself. */
  start?: Int32Array;
  /** Original end (exclusive) of each character. */
  end?: Int32Array;
}

// Double encoding is common (a redirect inside a redirect); a few more rounds cost nothing.
export const MAX_ROUNDS = 4;

const NO_TICKER: Ticker = { tick() {} };

/** The text and each decoded round of it, without position maps (made only where a form is found). */
export function decodedTexts(text: string, ticker: Ticker = NO_TICKER): string[] {
  const texts = [text];
  for (let round = 0; round < MAX_ROUNDS && mayDecode(texts[round]); round++) {
    const next = decodeOnce({ text: texts[round] }, false, ticker);
    if (!next) break;
    texts.push(next.text);
  }
  return texts;
}

/** The k-th decoded view of `text` with its position maps, the earlier ones memoised in `views`. */
export function viewWithMaps(views: View[], k: number, ticker: Ticker = NO_TICKER): View {
  for (let j = 1; j <= k; j++) views[j] ??= decodeOnce(views[j - 1], true, ticker) as View;
  return views[k];
}

/**
 * One round of percent-decoding (a UTF-8 sequence as its character; invalid escapes stay as
 * written), with the original span of each character when asked; undefined when nothing decodes.
 * Each escape ticks the message's deadline: a 21 MB URL of `%252540` is 3 million escapes a round.
 *
 * A long text is decoded into one array of UTF-16 code units read back as one string: pushing two
 * strings per escape made that URL's three rounds take 11.6 s (5.8 s of it in this function,
 * 4.6 s collecting garbage); the array takes 3.4 s, with `new URL` plus three
 * `decodeURIComponent` of it at 1.5 s in the same run (load average 20 on 2 cores). A short one
 * (the common case) is joined from string pieces: the array and its Buffer cost microseconds to
 * set up, 8 times slower than pieces on 2,000 tracking URLs.
 */
export function decodeOnce(view: View, withMaps: boolean, ticker: Ticker = NO_TICKER): View | undefined {
  const { text } = view;
  // Decoding only shortens: neither the units nor the maps need more room than the text.
  const units = text.length > LONG_TEXT ? new Uint16Array(text.length) : undefined;
  const parts: string[] = [];
  const start = withMaps ? new Int32Array(text.length) : undefined;
  const end = withMaps ? new Int32Array(text.length) : undefined;
  const fromStart = view.start;
  const fromEnd = view.end;
  let n = 0;
  let decoded = false;
  const copy = (from: number, to: number): void => {
    if (units) for (let j = from; j < to; j++) units[n + j - from] = text.charCodeAt(j);
    else if (to > from) parts.push(text.slice(from, to));
    if (start && end)
      for (let j = from; j < to; j++) {
        start[n + j - from] = fromStart ? fromStart[j] : j;
        end[n + j - from] = fromEnd ? fromEnd[j] : j + 1;
      }
    n += to - from;
  };
  let copied = 0;
  const escapes = escapeFinder(text);
  for (let i = escapes(0); i !== -1; i = escapes(i)) {
    ticker.tick();
    const amp = text.charCodeAt(i) === 38;
    const b = amp ? -1 : byteAt(text, i);
    const seq = amp ? referenceAt(text, i) : b === -1 ? undefined : b < 0x80 ? asciiEscape(b) : utf8At(text, i, b);
    if (!seq) {
      i++;
      continue;
    }
    decoded = true;
    copy(copied, i);
    const last = i + seq.length - 1;
    if (!units) parts.push(seq.chars);
    for (let k = 0; k < seq.chars.length; k++, n++) {
      if (units) units[n] = seq.chars.charCodeAt(k);
      if (start && end) {
        start[n] = fromStart ? fromStart[i] : i;
        end[n] = fromEnd ? fromEnd[last] : last + 1;
      }
    }
    copied = i += seq.length;
  }
  if (!decoded) return undefined;
  copy(copied, text.length);
  // Code units as they are (a lone surrogate stays one); Node runs only on little-endian CPUs.
  return { text: units ? Buffer.from(units.buffer, 0, 2 * n).toString('utf16le') : parts.join(''), start, end };
}

// Characters above which a text is decoded into one code-unit array rather than string pieces.
const LONG_TEXT = 1 << 16;

// The 128 one-byte escapes, made once: an object per escape was most of the garbage above.
const ASCII_ESCAPES = Array.from({ length: 128 }, (_, b) => ({ chars: String.fromCharCode(b), length: 3 }));

function asciiEscape(b: number): { chars: string; length: number } {
  return ASCII_ESCAPES[b];
}

function mayDecode(text: string): boolean {
  return text.includes('%') || text.includes('&');
}

/**
 * The next `%` or `&` at or after i, or -1 (both start an escape that a view decodes). Each
 * character's next position is remembered until passed: searching both afresh at every escape
 * rescanned a text of `%` alone to its end for a `&` each time (quadratic).
 */
function escapeFinder(text: string): (i: number) => number {
  let p = -2;
  let a = -2;
  return (i) => {
    if (p !== -1 && p < i) p = text.indexOf('%', i);
    if (a !== -1 && a < i) a = text.indexOf('&', i);
    return p === -1 ? a : a === -1 ? p : Math.min(p, a);
  };
}

// The named references that can spell an address; numeric ones can spell anything.
const NAMED: Record<string, string> = { amp: '&', commat: '@', period: '.', plus: '+', lowbar: '_', hyphen: '-', dash: '-', num: '#', percnt: '%' };

/**
 * An HTML character reference at i (`&#64;`, `&#x40;`, `&commat;`), as its character and its
 * length in the text: a header or text shown as HTML writes the address that way too.
 */
function referenceAt(text: string, i: number): { chars: string; length: number } | undefined {
  let j = i + 1;
  let cp: number;
  if (text.charCodeAt(j) === 35) {
    j++;
    const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88;
    if (hex) j++;
    const first = j;
    let value = 0;
    for (; j < text.length && j - first < 8; j++) {
      const d = hex ? hexValue(text.charCodeAt(j)) : text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57 ? text.charCodeAt(j) - 48 : -1;
      if (d === -1) break;
      value = value * (hex ? 16 : 10) + d;
    }
    if (j === first || value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
    cp = value;
  } else {
    const first = j;
    while (j < text.length && j - first < 8 && /[a-z]/i.test(text[j])) j++;
    const char = NAMED[text.slice(first, j).toLowerCase()];
    if (!char || text.charCodeAt(j) !== 59) return undefined;
    cp = char.codePointAt(0) as number;
  }
  if (text.charCodeAt(j) === 59) j++;
  return { chars: String.fromCodePoint(cp), length: j - i };
}

/** The byte of a `%XX` escape at i, or -1. */
function byteAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 37 || i + 2 >= text.length) return -1;
  const h = hexValue(text.charCodeAt(i + 1));
  const l = hexValue(text.charCodeAt(i + 2));
  return h === -1 || l === -1 ? -1 : h * 16 + l;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** A UTF-8 sequence written as escapes from i (lead byte b): its characters and its length in the text. */
function utf8At(text: string, i: number, b: number): { chars: string; length: number } | undefined {
  const extra = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0;
  if (extra === 0 || b > 0xf4) return undefined;
  let cp = b & (0x3f >> extra);
  for (let k = 1; k <= extra; k++) {
    const c = byteAt(text, i + 3 * k);
    if (c < 0x80 || c > 0xbf) return undefined;
    cp = cp * 64 + (c & 0x3f);
  }
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < [0, 0x80, 0x800, 0x10000][extra]) return undefined;
  return { chars: String.fromCodePoint(cp), length: 3 * (extra + 1) };
}
