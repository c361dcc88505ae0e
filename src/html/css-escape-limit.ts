import { StageError } from '../engine/stage.js';

/**
 * The most backslashes (CSS escapes) one style sheet or style attribute may hold. The tokenizer
 * reads an escape in about 240 ns, mostly garbage collection, and a run of them is one token: the
 * deadline is ticked between tokens, so 20 MB of `\0` in one identifier, `url()` or string ran
 * 5-7 s past `--message-timeout` with `--jobs 1` (attackP5). Counted before tokenizing, this
 * bounds the longest uninterruptible token to about 25 ms. The corpora's most escaped message has
 * 8 backslashes in all its HTML; icon-font sheets write a few hundred (`content: "\f101"`).
 */
export const MAX_CSS_ESCAPES = 100_000;

/**
 * A CSS text over MAX_CSS_ESCAPES: the message fails with this reason, as a `css` failure
 * wherever the text is read (the cascade reads sheets inside the `html` step).
 */
export class CssEscapeLimitError extends StageError {
  constructor() {
    super('css', new Error(`more than ${MAX_CSS_ESCAPES.toLocaleString('en-US')} backslash escapes in one style sheet or style attribute (one CSS token of them cannot be interrupted by the time budget)`));
    this.name = 'CssEscapeLimitError';
  }
}

/**
 * Throws CssEscapeLimitError for a CSS text with too many backslash escapes; to be called before
 * any tokenizer runs over it. Texts of at most MAX_CSS_ESCAPES characters are not scanned.
 * Backslashes inside comments are not escapes (CSS Syntax 4.3.2: a comment is skipped whole, and a
 * browser loads what follows it): counting them let `/* \\\\… *\/` fail a message, hiding its pixel
 * (review of 2026-12-02). See countCssEscapes.
 */
export function checkCssEscapes(css: string): void {
  if (css.length <= MAX_CSS_ESCAPES) return;
  // Every escape is a backslash: a text with at most MAX_CSS_ESCAPES of them (counted by native
  // indexOf, at most MAX_CSS_ESCAPES + 1 steps) needs no closer reading. The state scan runs a
  // JavaScript step per code unit, so without this a long sheet crossing the length threshold
  // cost 100x the blocks of a short one (test/linear-time.test.ts failed on four CSS shapes).
  let backslashes = 0;
  for (let at = css.indexOf('\\'); at !== -1 && backslashes <= MAX_CSS_ESCAPES; at = css.indexOf('\\', at + 1)) backslashes++;
  if (backslashes <= MAX_CSS_ESCAPES) return;
  if (countCssEscapes(css, MAX_CSS_ESCAPES) > MAX_CSS_ESCAPES) throw new CssEscapeLimitError();
}

const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const OPEN = 0x28;
const CLOSE = 0x29;
const LF = 0x0a;
const CR = 0x0d;
const FF = 0x0c;
const HASH = 0x23;
const AT = 0x40;

const isNewline = (c: number) => c === LF || c === CR || c === FF;
const isWhitespace = (c: number) => c === 0x20 || c === 0x09 || isNewline(c);
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
// A name code point (CSS Syntax 4.2), or a backslash, which starts an escaped one.
const isNameOrEscape = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c >= 0x80 || c === BACKSLASH;

/**
 * The backslashes the CSS tokenizer reads as escapes, counted up to just past `stopAfter`: a
 * small state scan mirroring CSS Syntax 4.3 where it matters. Outside a string or `url(`, `/*`
 * starts a comment that ends at `*\/` (backslashes in it are not counted); a quote starts a
 * string that ends at its quote or an unescaped newline; a name that decodes to `url` followed by
 * `(` and no quote starts an unquoted url, where `/*` is no comment, ending at `)`. Everywhere
 * else a backslash counts and skips the next code unit (CR LF as one, as the tokenizer's
 * preprocessing makes it one newline). Every mistake this scan could make counts too many, never
 * too few: an unquoted url and a bad url both end at `)` and skip escapes the same way.
 */
export function countCssEscapes(css: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const n = css.length;
  let count = 0;
  let i = 0;
  while (i < n && count <= stopAfter) {
    const c = css.charCodeAt(i);
    if (c === SLASH && css.charCodeAt(i + 1) === STAR) {
      const end = css.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === QUOTE || c === APOSTROPHE) {
      i++;
      while (i < n) {
        const d = css.charCodeAt(i);
        if (d === c) {
          i++;
          break;
        }
        if (isNewline(d)) break; // a bad string: the newline is read again outside it
        if (d === BACKSLASH) {
          count++;
          i += css.charCodeAt(i + 1) === CR && css.charCodeAt(i + 2) === LF ? 3 : 2;
        } else i++;
      }
    } else if (isNameOrEscape(c)) {
      // A name (an ident, a function name, the unit of a number): decoded only enough to see `url`.
      const before = i > 0 ? css.charCodeAt(i - 1) : -1;
      let name = '';
      while (i < n) {
        const d = css.charCodeAt(i);
        if (d === BACKSLASH) {
          count++;
          const e = css.charCodeAt(i + 1);
          if (Number.isNaN(e) || isNewline(e)) {
            // Not an escape in a name: a delim; the newline after it is whitespace.
            i++;
            name += '\0';
            break;
          }
          if (isHex(e)) {
            let j = i + 1;
            while (j < n && j < i + 7 && isHex(css.charCodeAt(j))) j++;
            const cp = Number.parseInt(css.slice(i + 1, j), 16);
            if (j < n && isWhitespace(css.charCodeAt(j))) j += css.charCodeAt(j) === CR && css.charCodeAt(j + 1) === LF ? 2 : 1;
            if (name.length < 4) name += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
            i = j;
          } else {
            if (name.length < 4) name += css[i + 1];
            i += 2;
          }
        } else if (isNameOrEscape(d)) {
          if (name.length < 4) name += css[i];
          i++;
        } else break;
      }
      if (css.charCodeAt(i) === OPEN && before !== HASH && before !== AT && name.toLowerCase() === 'url') {
        i++;
        while (i < n && isWhitespace(css.charCodeAt(i))) i++;
        const q = css.charCodeAt(i);
        if (q !== QUOTE && q !== APOSTROPHE) {
          while (i < n) {
            const d = css.charCodeAt(i);
            if (d === CLOSE) {
              i++;
              break;
            }
            if (d === BACKSLASH) {
              count++;
              i += 2;
            } else i++;
          }
        }
      }
    } else i++;
  }
  return count;
}
