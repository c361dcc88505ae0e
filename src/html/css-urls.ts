import { type CSSToken, tokenizer, TokenType } from '@csstools/css-tokenizer';
import { asciiLower } from './css-declarations.js';
import { importVerdict } from './css-import-conditions.js';
import type { Ticker } from '../url/form-matcher.js';
import { checkCssEscapes } from './css-escape-limit.js';

export interface CssUrl {
  url: string;
  /** Offset of the `url(`, `src(`, image-set string or `@import` in the CSS text. */
  offset: number;
  kind: 'css-url' | 'css-import' | 'css-font-face';
  /** Where the token holding the URL is, css[start, end): a whole `url(...)` token, or a quoted string. */
  start: number;
  end: number;
  /** `url` when that token is a whole `url(...)`, `string` when it is a quoted string. */
  form: 'url' | 'string';
  /** The URL is a candidate of an `image-set()` / `-webkit-image-set()`: the client loads one of them. */
  imageSet: boolean;
  /**
   * An `@import` whose conditions make it only a possible load: its `supports()` holds a
   * declaration that Chromium fetches for only if it knows the property and value.
   */
  mayOnly?: true;
  /** Why an `@import` is never fetched: its rule is invalid (a `supports()` that does not parse, a block). */
  dropped?: string;
}

/** Tokens of an @import's conditions kept at most: what lies past them is taken as fetched. */
const MAX_CONDITION_TOKENS = 4096;

export interface CssUrlOptions {
  /**
   * The CSS is a `style` attribute (a list of declarations): `@import` there is not a rule and
   * loads nothing. Default false (a style sheet).
   */
  attribute?: boolean;
  /** The message's deadline, ticked per token: a 20 MB `<style>` is one step of the walk. */
  ticker?: Ticker;
}

// Text that can hold no URL a client would load; a backslash may be an escape (`u\72l(`).
/**
 * At-rules Chromium knows: a valid one ends the place where `@import` may stand. An unknown one
 * is dropped by the parser and leaves the imports after it valid (Chromium 150 fetches the
 * `@import` after `@foo;` and after `@foo{}`): the oracle's sheet-* cases.
 */
const KNOWN_AT_RULES = new Set([
  'media',
  'supports',
  'font-face',
  'keyframes',
  '-webkit-keyframes',
  'page',
  'namespace',
  'counter-style',
  'property',
  'container',
  'scope',
  'font-feature-values',
  'font-palette-values',
  'starting-style',
  'view-transition',
  'position-try',
  'layer',
  'function',
  'custom-media',
]);

/**
 * Whether a style rule's prelude is a selector Chromium surely accepts: an invalid rule is dropped
 * and leaves later imports valid (`!!{} @import` is fetched). "Surely" is a short grammar, read
 * in one pass: comma-separated complex selectors of type, `*`, `.class` and `#id` with the
 * descendant, `>`, `+` and `~` combinators. Anything else (pseudo-classes, which Chromium rejects
 * when it does not know them, attributes, escapes) is not sure, and the import after it is still
 * listed. Five productions checked in one pass, so no selector parser is needed for a yes or
 * no (css-what was tried here; an unrelated timed case of test/linear-time.test.ts failed with it
 * on this loaded machine, and later passed with and without it: not a measured cost).
 */
function surelyValidSelector(text: string): boolean {
  let needCompound = true; // at the start, after a comma or a combinator
  let inCompound = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3e || c === 0x2b || c === 0x7e) {
      // `,` `>` `+` `~`: a compound must stand before and after.
      if (needCompound) return false;
      needCompound = true;
      inCompound = false;
    } else if (isBlank(c)) {
      // Blanks between compounds are the descendant combinator; around others, nothing.
      inCompound = false;
    } else if (c === 0x2a) {
      if (inCompound) return false;
      needCompound = false;
      inCompound = true;
    } else if (c === 0x2e || c === 0x23 || isNameStart(c)) {
      // `.name`, `#name` or a type name: an identifier, which must start with a name-start code point.
      let j = c === 0x2e || c === 0x23 ? i + 1 : i;
      if (j >= text.length || !isNameStart(text.charCodeAt(j))) return false;
      while (j < text.length && isName(text.charCodeAt(j))) j++;
      i = j - 1;
      needCompound = false;
      inCompound = true;
    } else return false;
  }
  return !needCompound;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0x80;
const isName = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

const MAY_HOLD_URL = /url\(|src\(|image-set\(|@import|\\/i;
const CANDIDATES = /url\(|src\(|image-set\(|@import|\\/gi;

// What an open block is: `url(` / `src(` (its first token may be the URL string), an
// `image-set(` (its strings are URLs), `{}` (of @font-face or not), or anything else.
const enum Block {
  Url,
  ImageSet,
  FontFace,
  Other,
  /** The block of an at-rule Chromium does not know. */
  Unknown,
}

/**
 * Every URL a CSS text can load, read with the CSS Syntax standard's tokenizer (linear, and it
 * decodes escapes as a client does: `\75 rl(`, `Url(`, hex escapes inside `url()`): url-tokens
 * anywhere (`url(x)`, left open at the end too), `url("x")` and `src("x")` functions, the strings
 * and `url()`s of `image-set()` and `-webkit-image-set()`, and `@import` with a string or `url()`
 * (`@IMPORT`, `@import"x"`, with layer/supports/media after) where a browser takes it: at the top
 * level, before any other rule but `@charset` and `@layer` statements. Bad-url tokens (blanks or
 * quotes inside an unquoted `url(`), comments and other strings load nothing. Every property
 * counts, valid or not: the list is a superset of what a client fetches.
 */
export function cssUrls(css: string, options: CssUrlOptions = {}): CssUrl[] {
  if (!MAY_HOLD_URL.test(css)) return [];
  // No token starting after the last candidate can be a URL: the walk stops there (measured:
  // the tokenizer costs about 15 to 60 ns a character, and newsletters put their fonts first).
  let last = 0;
  for (const m of css.matchAll(CANDIDATES)) last = m.index ?? 0;
  const out: CssUrl[] = [];
  checkCssEscapes(css);
  const t = tokenizer({ css }, { onParseError: () => undefined });
  // Open blocks, and their closing token types (a closer that is not the innermost one's is a plain token).
  const blocks: Block[] = [];
  const closers: TokenType[] = [];
  let fontFaces = 0;
  let imageSets = 0;
  let fontFacePending = false;
  // `@import` is taken at the top level until the first other rule.
  let importAllowed = !options.attribute;
  let statementStart = true;
  let layerPending = false;
  let afterImport: number | undefined;
  // The @import whose URL was read and whose conditions are being collected, up to its `;`.
  let pending: { entry: CssUrl; tokens: CSSToken[]; truncated: boolean; skipParen: boolean } | undefined;
  // Where the prelude of the top-level style rule being read starts (-1: none).
  let qualifiedStart = -1;
  // The block depth of the at-rule whose prelude is being read (-1: none): URLs there load nothing
  // (`@namespace url(x)`, `@supports (background:url(x))`), but for @import's own.
  let preludeAt = -1;
  let preludeName = '';
  // Blocks of unknown at-rules open around the token: the parser drops them whole, URLs included.
  let unknownBlocks = 0;
  // A `url(` or `src(` whose first token is still to come: its offset.
  let urlFunction: number | undefined;
  let urlFunctionInImageSet = false;
  const kindAt = (): CssUrl['kind'] => (fontFaces > 0 ? 'css-font-face' : 'css-url');
  const inImageSet = (): boolean => blocks[blocks.length - 1] === Block.ImageSet;
  const ticker = options.ticker;
  while (!t.endOfFile()) {
    ticker?.tick();
    const token = t.nextToken();
    const type = token[0];
    if (type === TokenType.EOF) break;
    if (token[2] > last && urlFunction === undefined && afterImport === undefined && imageSets === 0 && pending === undefined) break;
    if (pending !== undefined && type !== TokenType.Comment) {
      if (blocks.length === 0 && (type === TokenType.Semicolon || type === TokenType.OpenCurly)) {
        settle(pending, type === TokenType.OpenCurly);
        pending = undefined;
      } else if (pending.skipParen) {
        // The `)` that closes `url("x")`: not a condition.
        if (type === TokenType.CloseParen) pending.skipParen = false;
      } else if (pending.tokens.length < MAX_CONDITION_TOKENS) pending.tokens.push(token);
      else pending.truncated = true;
    }
    if (type === TokenType.Whitespace || type === TokenType.Comment) continue;
    if (urlFunction !== undefined) {
      if (type === TokenType.String && (afterImport !== undefined || (preludeAt < 0 && unknownBlocks === 0))) {
        const kind = afterImport !== undefined ? 'css-import' : kindAt();
        const entry: CssUrl = { url: token[4].value, offset: afterImport ?? urlFunction, kind, start: token[2], end: token[3] + 1, form: 'string', imageSet: urlFunctionInImageSet };
        out.push(entry);
        if (kind === 'css-import') pending = { entry, tokens: [], truncated: false, skipParen: true };
      }
      urlFunction = undefined;
      afterImport = undefined;
      // The token is still read below for the blocks it opens or closes.
    }
    if (blocks.length === 0 && statementStart && type !== TokenType.CDO && type !== TokenType.CDC && type !== TokenType.Semicolon) {
      statementStart = false;
      const name = type === TokenType.AtKeyword ? asciiLower(token[4].value) : '';
      if (name === 'layer') layerPending = true;
      else if (type !== TokenType.AtKeyword) qualifiedStart = token[2];
      else if (KNOWN_AT_RULES.has(name)) importAllowed = false;
    }
    if (afterImport !== undefined && type !== TokenType.Function) {
      if (type === TokenType.URL || type === TokenType.String) {
        const entry: CssUrl = { url: token[4].value, offset: afterImport, kind: 'css-import', start: token[2], end: token[3] + 1, form: type === TokenType.URL ? 'url' : 'string', imageSet: false };
        out.push(entry);
        pending = { entry, tokens: [], truncated: false, skipParen: false };
      }
      afterImport = undefined;
      if (type === TokenType.URL || type === TokenType.String) continue;
    }
    switch (type) {
      case TokenType.URL:
        if (preludeAt >= 0 || unknownBlocks > 0) break;
        out.push({ url: token[4].value, offset: token[2], kind: kindAt(), start: token[2], end: token[3] + 1, form: 'url', imageSet: inImageSet() });
        break;
      case TokenType.String:
        if (inImageSet() && preludeAt < 0 && unknownBlocks === 0) out.push({ url: token[4].value, offset: token[2], kind: kindAt(), start: token[2], end: token[3] + 1, form: 'string', imageSet: true });
        break;
      case TokenType.AtKeyword: {
        const name = asciiLower(token[4].value);
        if (name === 'import' && blocks.length === 0 && importAllowed) afterImport = token[2];
        fontFacePending = name === 'font-face';
        preludeAt = blocks.length;
        preludeName = name;
        break;
      }
      case TokenType.Function: {
        const name = asciiLower(token[4].value);
        if (name === 'url' || name === 'src') {
          urlFunction = token[2];
          urlFunctionInImageSet = inImageSet();
          if (afterImport !== undefined && name !== 'url') afterImport = undefined;
          open(Block.Url, TokenType.CloseParen);
        } else if (name === 'image-set' || name === '-webkit-image-set') {
          afterImport = undefined;
          imageSets++;
          open(Block.ImageSet, TokenType.CloseParen);
        } else {
          afterImport = undefined;
          open(Block.Other, TokenType.CloseParen);
        }
        break;
      }
      case TokenType.OpenParen:
        open(Block.Other, TokenType.CloseParen);
        break;
      case TokenType.OpenSquare:
        open(Block.Other, TokenType.CloseSquare);
        break;
      case TokenType.OpenCurly:
        if (blocks.length === 0 && layerPending) importAllowed = false;
        if (blocks.length === 0 && qualifiedStart >= 0 && surelyValidSelector(css.slice(qualifiedStart, token[2]))) importAllowed = false;
        qualifiedStart = -1;
        if (preludeAt === blocks.length) {
          preludeAt = -1;
          if (!KNOWN_AT_RULES.has(preludeName) && preludeName !== 'import' && preludeName !== 'charset') {
            unknownBlocks++;
            open(Block.Unknown, TokenType.CloseCurly);
            break;
          }
        }
        open(fontFacePending ? Block.FontFace : Block.Other, TokenType.CloseCurly);
        if (fontFacePending) fontFaces++;
        fontFacePending = false;
        break;
      case TokenType.Semicolon:
        fontFacePending = false;
        if (preludeAt === blocks.length) preludeAt = -1;
        if (blocks.length === 0) {
          statementStart = true;
          layerPending = false;
        }
        break;
      default:
        if (closers.length && type === closers[closers.length - 1]) {
          closers.pop();
          const block = blocks.pop();
          if (preludeAt > blocks.length) preludeAt = -1;
          if (block === Block.FontFace) fontFaces--;
          if (block === Block.Unknown) unknownBlocks--;
          if (block === Block.ImageSet) imageSets--;
          if (blocks.length === 0 && type === TokenType.CloseCurly) {
            statementStart = true;
            layerPending = false;
          }
        }
    }
  }
  // The sheet ended in the middle of an @import: the end closes it, as a `;` would.
  if (pending !== undefined) settle(pending, false);
  return out;

  function open(block: Block, closer: TokenType): void {
    blocks.push(block);
    closers.push(closer);
  }
}

/** Marks an @import by what its conditions (and a block after them) make of it. */
function settle(p: { entry: CssUrl; tokens: CSSToken[]; truncated: boolean }, block: boolean): void {
  const verdict = block ? { dropped: 'a block after an @import makes the rule invalid' } : importVerdict(p.tokens, p.truncated);
  if ('dropped' in verdict) p.entry.dropped = block ? verdict.dropped : `an @import is dropped when ${verdict.dropped}`;
  else if (verdict.fetch === 'may') p.entry.mayOnly = true;
}
