import { NumberType, tokenize, tokenizer, TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { aliasOf, expandDeclaration } from './css-properties.js';
import type { Ticker } from '../url/form-matcher.js';
import { checkCssEscapes } from './css-escape-limit.js';

/** One declaration as CSS Syntax reads it, after its shorthand (if any) is expanded. */
export interface Declaration {
  /** Property name: escapes decoded, ASCII lower-cased; a custom property (`--x`) keeps its case. */
  readonly name: string;
  /**
   * The value for comparison: comments gone, blanks collapsed to one space, trimmed, idents and
   * function names with escapes decoded and ASCII lower-cased (`N\6f ne` is `none`); numbers,
   * dimensions, strings and URLs as written (`1E1px`), so `cssPixels` reads them as the tokenizer
   * does. A custom property's value is its text as written.
   */
  readonly value: string;
  /** `!important` as CSS Syntax detects it: a `!` delim then the ident `important`, last in the value. */
  readonly important: boolean;
  /** The shorthand (`margin`, `inset`) a longhand with `var()` came from: its value is the shorthand's, to expand once substituted. */
  readonly shorthand?: string;
}

/** Which properties a caller keeps; the others are skipped without building their value. */
export type PropertyFilter = (name: string) => boolean;

const ALL: PropertyFilter = () => true;
const quiet = { onParseError: () => undefined };

/**
 * The tokens of a CSS text, without the final EOF token (linear: each character is read once).
 * With `ticker` (the message's deadline) each token ticks it: the library's own tokenize() is
 * this same loop, which one 7 MB sheet kept going for a second between two ticks.
 */
export function cssTokens(css: string, ticker?: Ticker): CSSToken[] {
  checkCssEscapes(css);
  const tokens = ticker ? tickedTokens(css, ticker) : tokenize({ css }, quiet);
  if (tokens.length && tokens[tokens.length - 1][0] === TokenType.EOF) tokens.pop();
  return tokens;
}

function tickedTokens(css: string, ticker: Ticker): CSSToken[] {
  const t = tokenizer({ css }, quiet);
  const tokens: CSSToken[] = [];
  while (!t.endOfFile()) {
    ticker.tick();
    tokens.push(t.nextToken());
  }
  tokens.push(t.nextToken());
  return tokens;
}

/**
 * The declarations of a style attribute, in order, by CSS Syntax's "parse a list of
 * declarations": `a:b /* ; *\/` and `content:";"` are one declaration each, blocks `{}` `()` `[]`
 * are balanced, at-rules and anything that does not start with an ident are skipped up to the
 * next top-level `;`. Values a relevant property cannot take are dropped, as a browser drops them
 * (so an earlier valid declaration of that property still stands).
 */
export function parseDeclarations(style: string, want: PropertyFilter = ALL): Declaration[] {
  if (!NOT_SIMPLE.test(style)) return simpleDeclarations(style, want);
  const tokens = cssTokens(style);
  return declarationsIn(tokens, 0, tokens.length, want);
}

// A style of printable ASCII and blanks without these characters has no escape, string,
// comment, block, `!` or at-rule, and splitting it at `;` then at the first `:` is exactly
// what the tokens give; 88% of the corpus's 39,295 inline styles are such. Measured on them: the
// tokenizer route took 149 ms, this split 45 ms, the former hand split (not CSS Syntax) 31 ms.
// test/css-syntax.test.ts proves both routes equal.
const NOT_SIMPLE = /[^\t\n\f\r\x20-\x7e]|[\\"'/()[\]{}!@]/;
// An ASCII ident token with no escape in it (the name of a declaration).
const IDENT = /^(?:--|-?[A-Za-z_])[\w-]*$/;

function simpleDeclarations(style: string, want: PropertyFilter): Declaration[] {
  const out: Declaration[] = [];
  let start = 0;
  while (start < style.length) {
    let end = style.indexOf(';', start);
    if (end < 0) end = style.length;
    const colon = style.indexOf(':', start);
    if (colon >= 0 && colon < end) {
      const raw = trimCss(style.slice(start, colon));
      const name = raw.startsWith('--') ? raw : asciiLower(raw);
      if ((want(name) || mayExpandTo(name, want)) && IDENT.test(raw)) {
        const tokens = valueTokens(style.slice(colon + 1, end));
        let from = 0;
        let to = tokens.length;
        while (from < to && isBlank(tokens[from][0])) from++;
        while (to > from && isBlank(tokens[to - 1][0])) to--;
        expandDeclaration(name, tokens, from, to, false, want, out);
      }
    }
    start = end + 1;
  }
  return out;
}

// The commonest values (`0`, `600px`, `100%`, `none`, `-9999px`) as the one token the tokenizer
// would give, without starting it: a call costs more than these short values' characters.
const ONE_IDENT = /^[ \t\n\r\f]*((?:--|-?[A-Za-z_])[\w-]*)[ \t\n\r\f]*$/;
const ONE_NUMBER = /^[ \t\n\r\f]*([+-]?)(\d{1,15})(?:\.(\d{1,15}))?(px|%)?[ \t\n\r\f]*$/;

function valueTokens(value: string): CSSToken[] {
  const ident = ONE_IDENT.exec(value);
  if (ident) return [[TokenType.Ident, ident[1], 0, 0, { value: ident[1] }]];
  const n = ONE_NUMBER.exec(value);
  if (n) {
    const text = `${n[1]}${n[2]}${n[3] !== undefined ? `.${n[3]}` : ''}`;
    const number = Number(text);
    const type = n[3] !== undefined ? NumberType.Number : NumberType.Integer;
    const sign = n[1] === '' ? {} : { signCharacter: n[1] as '+' | '-' };
    if (n[4] === '%') return [[TokenType.Percentage, `${text}%`, 0, 0, { value: number, ...sign }]];
    if (n[4] === 'px') return [[TokenType.Dimension, `${text}px`, 0, 0, { value: number, unit: 'px', type, ...sign }]];
    return [[TokenType.Number, text, 0, 0, { value: number, type, ...sign }]];
  }
  return cssTokens(value);
}

// CSS whitespace only: String.prototype.trim would also strip U+00A0, which CSS reads as a name character.
function trimCss(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isCssSpace(s.charCodeAt(a))) a++;
  while (b > a && isCssSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

const isCssSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** The declarations by the tokens alone (the reference of the split above, for the tests). */
export function tokenDeclarations(style: string, want: PropertyFilter = ALL): Declaration[] {
  const tokens = cssTokens(style);
  return declarationsIn(tokens, 0, tokens.length, want);
}

/**
 * The declarations of tokens[from, to): a style attribute, or (`nested`) the inside of a rule's
 * `{}` block, where a nested rule (`.b{...}`, `div{...}`: CSS Nesting) ends at its block and is
 * skipped, as CSS Syntax's "consume a block's contents" reads it; a style attribute has no
 * nested rules and reads up to the next top-level `;`.
 */
export function declarationsIn(tokens: readonly CSSToken[], from: number, to: number, want: PropertyFilter = ALL, nested = false): Declaration[] {
  const out: Declaration[] = [];
  let i = from;
  while (i < to) {
    const type = tokens[i][0];
    if (type === TokenType.Whitespace || type === TokenType.Comment || type === TokenType.Semicolon) {
      i++;
      continue;
    }
    const [end, isRule] = unitEnd(tokens, i, to, nested);
    if (type === TokenType.Ident && !isRule) readDeclaration(tokens, i, end, want, out);
    // An at-rule (`@media{}` inside a style attribute), a nested rule or junk: skipped as one unit.
    i = end + 1;
  }
  return out;
}

/**
 * Where the unit starting at `i` ends: the top-level `;` (or `to`), or, with `true`, the end of
 * a `{}` block that makes it a rule: an at-rule's, as CSS Syntax's "consume an at-rule" reads
 * it, or when `nested` a nested style rule's (any top-level `{}` block outside a custom property).
 */
function unitEnd(tokens: readonly CSSToken[], i: number, to: number, nested: boolean): [number, boolean] {
  const first = tokens[i];
  const blockEnds = first[0] === TokenType.AtKeyword || (nested && !(first[0] === TokenType.Ident && first[4].value.startsWith('--')));
  // Only the closing token of the innermost open block can close; others are plain tokens.
  const closers: TokenType[] = [];
  for (; i < to; i++) {
    const type = tokens[i][0];
    if (closers.length) {
      if (type === closers[closers.length - 1]) {
        closers.pop();
        if (blockEnds && closers.length === 0 && type === TokenType.CloseCurly) return [i, true];
      } else {
        const closer = closerOf(type);
        if (closer !== undefined) closers.push(closer);
      }
      continue;
    }
    if (type === TokenType.Semicolon) return [i, false];
    const closer = closerOf(type);
    if (closer !== undefined) closers.push(closer);
  }
  return [to, false];
}

/** The token that closes a block opened by `type` (a function closes with `)`), or undefined. */
export function closerOf(type: TokenType): TokenType | undefined {
  switch (type) {
    case TokenType.OpenCurly:
      return TokenType.CloseCurly;
    case TokenType.OpenParen:
    case TokenType.Function:
      return TokenType.CloseParen;
    case TokenType.OpenSquare:
      return TokenType.CloseSquare;
    default:
      return undefined;
  }
}

function readDeclaration(tokens: readonly CSSToken[], start: number, end: number, want: PropertyFilter, out: Declaration[]): void {
  const raw = (tokens[start][4] as { value: string }).value;
  const name = raw.startsWith('--') ? raw : asciiLower(raw);
  if (!want(name) && !mayExpandTo(name, want)) return;
  let i = start + 1;
  while (i < end && isBlank(tokens[i][0])) i++;
  if (i >= end || tokens[i][0] !== TokenType.Colon) return;
  i++;
  // The value's meaningful tokens (comments do not exist at this level in CSS Syntax).
  let last = end - 1;
  while (last >= i && isBlank(tokens[last][0])) last--;
  let important = false;
  if (last >= i && isIdent(tokens[last], 'important')) {
    let bang = last - 1;
    while (bang >= i && isBlank(tokens[bang][0])) bang--;
    if (bang >= i && tokens[bang][0] === TokenType.Delim && (tokens[bang][4] as { value: string }).value === '!') {
      important = true;
      last = bang - 1;
      while (last >= i && isBlank(tokens[last][0])) last--;
    }
  }
  while (i <= last && isBlank(tokens[i][0])) i++;
  expandDeclaration(name, tokens, i, last + 1, important, want, out);
}

/** A shorthand such as `margin` is read when one of its longhands is wanted. */
function mayExpandTo(name: string, want: PropertyFilter): boolean {
  return (
    (name === 'margin' && (want('margin-left') || want('margin-top'))) ||
    (name === 'inset' && want('left')) ||
    (name === 'font' && want('font-size')) ||
    // `-webkit-transform` is read as `transform`, `block-size` as `height`, and so on.
    want(aliasOf(name) ?? '') ||
    ((name === 'mask' || name === '-webkit-mask' || name === '-webkit-mask-image') && want('mask-image'))
  );
}

/** The value text of tokens[from, to) as `Declaration.value` describes it. */
export function valueText(tokens: readonly CSSToken[], from: number, to: number, custom: boolean): string {
  let out = '';
  let gap = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    const type = t[0];
    if (isBlank(type)) {
      // A comment between two tokens keeps them apart (`1/**/px` is not `1px`).
      gap = true;
      continue;
    }
    if (gap && out !== '') out += ' ';
    gap = false;
    if (custom) out += t[1];
    else if (type === TokenType.Ident) {
      // A custom property's name (in `var(--X)`) is case-sensitive.
      const v = t[4].value;
      out += v.startsWith('--') ? v : asciiLower(v);
    } else if (type === TokenType.Function) out += `${asciiLower(t[4].value)}(`;
    else out += t[1];
  }
  return out;
}

export const isBlank = (type: TokenType): boolean => type === TokenType.Whitespace || type === TokenType.Comment;

export function isIdent(token: CSSToken, lower: string): boolean {
  return token[0] === TokenType.Ident && asciiLower(token[4].value) === lower;
}

/** ASCII lower case, as CSS compares keywords (`toLowerCase` would also fold `İ` and `K`). */
export function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : s;
}

/**
 * The winning declaration of each property among `declarations` (one style attribute or one
 * rule): the last one, unless an earlier one is `!important` and the later one is not.
 */
export function winners(declarations: readonly Declaration[]): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  for (const d of declarations) {
    const previous = out.get(d.name);
    if (previous && previous.important && !d.important) continue;
    out.set(d.name, d);
  }
  return out;
}
