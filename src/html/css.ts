import { tokenizer, TokenType } from '@csstools/css-tokenizer';
import { asciiLower, cssTokens, isBlank, parseDeclarations, winners, type PropertyFilter } from './css-declarations.js';

/**
 * The declared value of each property of an inline `style` attribute, read by CSS Syntax (see
 * `parseDeclarations`): names lower-cased, values normalised as `Declaration.value` says, and
 * per property the declaration that wins inside the attribute (the last, unless an earlier one
 * is `!important`). `want` limits it to the properties a caller reads.
 */
export function parseStyle(style: string, want?: PropertyFilter): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, d] of winners(parseDeclarations(style, want))) out.set(name, d.value);
  return out;
}

// CSS absolute lengths in px (CSS Values 4: 1in = 96px = 2.54cm = 72pt = 6pc = 101.6Q).
const PX_PER: Record<string, number> = { px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6 };

/**
 * A CSS length in px when it is one absolute length token (`1px`, `1E1px`, `+1px`, `.5px`,
 * `1pt`, `1in`) or a bare number (`1`, `0`: the unitless-length quirk, and how dimension
 * attributes were read), read by the CSS tokenizer; undefined for %, auto, em, calc() and junk.
 */
export function cssPixels(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const tokens = cssTokens(value);
  let found: number | undefined;
  for (const t of tokens) {
    if (isBlank(t[0])) continue;
    if (found !== undefined) return undefined;
    if (t[0] === TokenType.Number) found = t[4].value;
    else if (t[0] === TokenType.Dimension) {
      const per = PX_PER[asciiLower(t[4].unit)];
      if (per === undefined) return undefined;
      found = t[4].value * per;
    } else return undefined;
  }
  return found;
}

export interface CssUrl {
  url: string;
  /** Offset of the `url(` or `@import` in the CSS text. */
  offset: number;
  kind: 'css-url' | 'css-import' | 'css-font-face';
  /** Where the token holding the URL is, css[start, end): a whole `url(...)` token, or a quoted string. */
  start: number;
  end: number;
  /** `url` when that token is a whole `url(...)`, `string` when it is a quoted string. */
  form: 'url' | 'string';
}

// Text that can hold no URL a client would load; a backslash may be an escape (`u\72l(`).
const MAY_HOLD_URL = /url\(|@import|\\/i;
const CANDIDATES = /url\(|@import|\\/gi;

/**
 * Every `url()` and `@import` in a CSS text, with the kind of rule it stands in. Read with the
 * CSS Syntax standard's tokenizer (linear, and it decodes escapes as a client does): the regular
 * expressions it replaces took 30 s on 6 KB of blanks after `url(`. A `url(` whose content is
 * not a valid URL token (blanks or quotes inside) is a bad-url token, which clients do not load.
 */
export function cssUrls(css: string): CssUrl[] {
  if (!MAY_HOLD_URL.test(css)) return [];
  // No token starting after the last candidate can be a URL: the walk stops there (measured:
  // the tokenizer costs about 60 ns a character, and newsletters put their fonts first).
  let last = 0;
  for (const m of css.matchAll(CANDIDATES)) last = m.index ?? 0;
  const out: CssUrl[] = [];
  const t = tokenizer({ css }, { onParseError: () => undefined });
  // Context a URL's kind depends on: right after `@import`, or inside an `@font-face` block.
  let afterImport: number | undefined;
  let depth = 0;
  let fontFaceAt: number | undefined;
  let fontFacePending = false;
  // A `url(` function whose argument is a quoted string: its offset until the string comes.
  let urlFunction: number | undefined;
  const kindAt = (): CssUrl['kind'] => (afterImport !== undefined ? 'css-import' : fontFaceAt !== undefined ? 'css-font-face' : 'css-url');
  while (!t.endOfFile()) {
    const token = t.nextToken();
    const type = token[0];
    if (token[2] > last && urlFunction === undefined && afterImport === undefined) break;
    if (type === TokenType.Whitespace || type === TokenType.Comment) continue;
    if (urlFunction !== undefined) {
      if (type === TokenType.String) out.push({ url: token[4].value, offset: urlFunction, kind: kindAt(), start: token[2], end: token[3] + 1, form: 'string' });
      urlFunction = undefined;
      afterImport = undefined;
      continue;
    }
    if (type === TokenType.URL) {
      out.push({ url: token[4].value, offset: token[2], kind: kindAt(), start: token[2], end: token[3] + 1, form: 'url' });
      afterImport = undefined;
    } else if (type === TokenType.Function && token[4].value.toLowerCase() === 'url') {
      urlFunction = token[2];
    } else if (type === TokenType.String && afterImport !== undefined) {
      out.push({ url: token[4].value, offset: afterImport, kind: 'css-import', start: token[2], end: token[3] + 1, form: 'string' });
      afterImport = undefined;
    } else if (type === TokenType.AtKeyword) {
      const name = token[4].value.toLowerCase();
      afterImport = name === 'import' ? token[2] : undefined;
      fontFacePending = name === 'font-face';
    } else {
      afterImport = undefined;
      if (type === TokenType.OpenCurly) {
        depth++;
        if (fontFacePending && fontFaceAt === undefined) fontFaceAt = depth;
        fontFacePending = false;
      } else if (type === TokenType.CloseCurly) {
        if (fontFaceAt === depth) fontFaceAt = undefined;
        depth = Math.max(0, depth - 1);
      } else if (type === TokenType.Semicolon) fontFacePending = false;
    }
  }
  return out;
}
