import { parseDeclarations, winners, type Declaration, type PropertyFilter } from './css-declarations.js';
import { isFontSize, isKept, isRelevant } from './css-properties.js';
import { compileSelectorList, type CompiledSelector } from './css-selectors.js';
import { sheetRules, type ParsedSheet } from './css-sheet.js';
import { clearPixelCache, cssUrls, type CssUrl } from './css.js';
import { TextKeyedCache } from './text-keyed-cache.js';
import type { Ticker } from '../url/form-matcher.js';

/**
 * A sheet in which no relevant property name can occur needs no parse. A backslash may be an
 * escape inside a name (`disp\6c ay`); `margin` and `inset` are shorthands of relevant ones, `block-size` and `inline-size` are read as height and width.
 * Proven equal to the full parse by test/cascade.test.ts.
 */
export const MAY_BE_RELEVANT =
  /display|visibility|opacity|mso-hide|position|left|top|right|bottom|margin|text-indent|overflow|width|height|(?:block|inline)-size|aspect-ratio|inset|content-visibility|(?<!text-)transform|translate|filter|contain|scale|zoom|(?<!background-)clip|mask|\\/i;
// A sheet's custom properties can be what an inline `var()` refers to: `--` keeps them; `font`
// keeps its font sizes (isFontSize).
const MAY_MATTER = new RegExp(`${MAY_BE_RELEVANT.source}|--|font`, 'i');

// Mail from one sender repeats its template's sheet and selectors message after message: each is
// parsed once per worker. Bounded (emptied when full), so memory stays flat. Measured on the
// corpus's 743 sheets compiled one by one, best of 15: 69.7 ms with no cache; a second pass over
// them (every sheet met before) costs what the selector buckets cost (4.1 ms).
const SHEETS = new TextKeyedCache<ParsedSheet>({ maxChars: 4_000_000 });
const SELECTORS = new TextKeyedCache<CompiledSelector[] | undefined>({ maxChars: 4_000_000, maxEntries: 20_000 });

/** Empties the caches of parsed sheets, selectors and inline styles (for measurements of the parse itself). */
export function clearCssCaches(): void {
  SHEETS.clear();
  SHEET_URLS.clear();
  CASCADES.clear();
  SELECTORS.clear();
  INLINE_RELEVANT.clear();
  INLINE_CUSTOM.clear();
  INLINE_FONT.clear();
  clearPixelCache();
}

/** The kept rules of a sheet, or undefined when the pre-check shows it has none. `ticker`: the message's deadline (a parse it stops is not cached). */
export function parsedSheet(css: string, ticker?: Ticker): ParsedSheet | undefined {
  if (!MAY_MATTER.test(css)) return undefined;
  return SHEETS.get(css, (text) => sheetRules(text, isKept, ticker));
}

// Each sheet's URLs are searched once per worker too (the same sheets, the same reason).
const SHEET_URLS = new TextKeyedCache<readonly CssUrl[]>({ maxChars: 4_000_000 });

/** `ticker` is the message's deadline; a sheet whose reading it stops is not cached. */
export function sheetUrls(css: string, ticker?: Ticker): readonly CssUrl[] {
  return SHEET_URLS.get(css, (text) => cssUrls(text, { ticker }));
}

// The compiled rules of each set of a document's sheets (cascade.ts), keyed by their texts.
const CASCADES = new TextKeyedCache<unknown>({ maxChars: 4_000_000 });

/** The compiled rules kept for `key` (cascade.ts builds the key from the sheets), or `compute()`. */
export function compiledRules(key: string, compute: () => unknown): unknown {
  return CASCADES.get(key, compute);
}

export function selectorList(text: string, quirks: boolean, namespaces: ReadonlyArray<readonly [string, string]> = []): CompiledSelector[] | undefined {
  // A sheet's @namespace prefixes change what its selectors mean: part of the key when present.
  const prefix = `${quirks ? 'q' : 's'}${namespaces.length ? `${JSON.stringify(namespaces)}\u0000` : ''}`;
  // Compiled from the kept copy of the key, so that the compiled selectors hold no slice of the message.
  return SELECTORS.get(prefix + text, (key) => compileSelectorList(key.slice(prefix.length), quirks, new Map(namespaces)));
}

/** The winning declarations in an inline style of the properties `want` keeps (the last, unless an earlier one is `!important`). */
export function inlineDeclarations(style: string | undefined, want: PropertyFilter): ReadonlyMap<string, Declaration> {
  if (style === undefined) return NONE;
  // A newsletter repeats its inline styles row after row: the corpus's 39,295 are 7,979 distinct.
  // The cache is asked first, the pre-check only for a style not met yet (its answer, none,
  // is kept too): measured on the corpus HTML, the pre-check's regular expression over every
  // style cost more than the lookup (see the commit message).
  if (want === isRelevant) return INLINE_RELEVANT.get(style, relevantDeclarations);
  if (want === isFontSize) return INLINE_FONT.get(style, fontDeclarations);
  return INLINE_CUSTOM.get(style, (css) => (/--|\\/.test(css) ? winners(parseDeclarations(css, want)) : NONE));
}

const NONE: ReadonlyMap<string, Declaration> = new Map();
const relevantDeclarations = (css: string): ReadonlyMap<string, Declaration> => (MAY_BE_RELEVANT.test(css) ? winners(parseDeclarations(css, isRelevant)) : NONE);
// The inline style's winning `font-size` (set by it or by `font`).
const fontDeclarations = (css: string): ReadonlyMap<string, Declaration> => (/font|\\/i.test(css) ? winners(parseDeclarations(css, isFontSize)) : NONE);
const INLINE_BOUNDS = { maxChars: 4_000_000, maxEntries: 20_000, maxKeyChars: 4096 };
const INLINE_RELEVANT = new TextKeyedCache<ReadonlyMap<string, Declaration>>(INLINE_BOUNDS);
const INLINE_CUSTOM = new TextKeyedCache<ReadonlyMap<string, Declaration>>(INLINE_BOUNDS);
const INLINE_FONT = new TextKeyedCache<ReadonlyMap<string, Declaration>>(INLINE_BOUNDS);
