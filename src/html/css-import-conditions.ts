import { type CSSToken, TokenType } from '@csstools/css-tokenizer';
import { asciiLower } from './css-declarations.js';

/**
 * What the conditions after an `@import`'s URL make of it: `fetch`, Chromium requests the sheet;
 * `may`, whether it does hangs on Chromium's table of properties and values, which pixelaudit
 * does not have, so the sheet is listed as one a client may load; or why it is dropped and never
 * requested.
 */
export type ImportVerdict = { fetch: 'must' | 'may' } | { dropped: string };

const MUST: ImportVerdict = { fetch: 'must' };
const MAY: ImportVerdict = { fetch: 'may' };

/**
 * The verdict on `<import-conditions>` (CSS Cascade 5: `[ layer | layer(<name>) ]?
 * [ supports( <supports-condition> | <declaration> ) ]? <media-query-list>?`) as Chromium 150
 * reads them (`CSSParserImpl::ConsumeImportRule`, checked by the oracle's `import-*` cases):
 *
 * - A media query list never stops the fetch: `print`, `not all`, `!!`, `foo(bar)` all load.
 * - `layer(...)` that is not a layer name (`layer()`, `layer(a.1)`) is part of the media list,
 *   and a `supports(` after it is not read.
 * - `supports(X)` drops the rule, unfetched, when X is neither a declaration Chromium accepts nor
 *   a supports condition it can parse: `supports()`, `supports(display)`, `supports("x")`,
 *   `supports(not)`, `supports((a) and)`, a custom property whose value holds a `;`. A condition
 *   that parses is fetched whether true or false (`supports(not (display:block))` and
 *   `supports((foo:bar))` load: the condition only decides whether the sheet applies), and only
 *   its beginning needs to parse (`supports((a) foo)` loads). A declaration of a custom
 *   property is always accepted; one of any other property (`foo:bar`, `display:bogus`, but also
 *   `corner-shape:round`, which Chromium 150 knows and known-css-properties 0.37 does not) is
 *   accepted only when Chromium knows the property and the value: `may`.
 * - A block (`@import url(x) {}`) makes the rule invalid (checked by the caller).
 *
 * `tokens` are those after the URL (whitespace kept, comments left out) up to the `;`, the end of
 * the sheet, or a cap: `truncated` says the list was cut, and what the cut leaves undecided is
 * fetched (listing too much is the safe side for an auditor).
 */
export function importVerdict(tokens: readonly CSSToken[], truncated: boolean): ImportVerdict {
  let i = skipBlanks(tokens, 0);
  const first = tokens[i];
  if (isIdent(first, 'layer')) i = skipBlanks(tokens, i + 1);
  else if (isFunction(first, 'layer')) {
    const end = blockEnd(tokens, i);
    if (end === undefined) return MUST;
    // Not a layer name: the layer() is read as part of the media query list, and so is the rest.
    if (!isLayerName(tokens.slice(i + 1, end))) return MUST;
    i = skipBlanks(tokens, end + 1);
  }
  if (!isFunction(tokens[i], 'supports')) return MUST;
  const end = blockEnd(tokens, i);
  // Cut before the supports() closes: when the sheet ends there, Chromium closes it (EOF).
  if (end === undefined && truncated) return MUST;
  return supportsVerdict(tokens.slice(i + 1, end ?? tokens.length));
}

/** `supports( [ <supports-condition> | <declaration> ] )`: the declaration is tried first. */
function supportsVerdict(inner: readonly CSSToken[]): ImportVerdict {
  const start = skipBlanks(inner, 0);
  const first = inner[start];
  if (first === undefined) return { dropped: 'its supports() is empty' };
  if (first[0] === TokenType.Ident) {
    const colon = skipBlanks(inner, start + 1);
    if (inner[colon]?.[0] === TokenType.Colon) return declarationVerdict(asciiLower(identValue(first)), inner.slice(colon + 1));
    if (asciiLower(identValue(first)) !== 'not') return { dropped: 'its supports() holds neither a declaration nor a condition' };
  }
  return conditionParses(inner, start) ? MUST : { dropped: 'its supports() condition does not parse' };
}

/**
 * A declaration in supports(): Chromium fetches when it accepts it. When it does not, the text
 * is tried as a condition, which cannot start with an identifier other than `not`: dropped.
 */
function declarationVerdict(name: string, value: readonly CSSToken[]): ImportVerdict {
  if (!valueIsWellFormed(value)) return { dropped: `its supports() declaration of ${name} is not well formed` };
  if (name.startsWith('--')) return MUST;
  if (withoutImportant(value).every((t) => t[0] === TokenType.Whitespace)) return { dropped: `its supports() declaration of ${name} has no value` };
  return MAY;
}

/**
 * A declaration value Chromium can accept at all: no `;`, no closing bracket of a block that
 * did not open in it (`a}b`), no bad string or bad URL. A `{}` block is allowed (`--x:{a}`).
 */
function valueIsWellFormed(value: readonly CSSToken[]): boolean {
  const open: TokenType[] = [];
  for (const t of value) {
    const type = t[0];
    if (type === TokenType.BadString || type === TokenType.BadURL) return false;
    if (type === TokenType.Semicolon && open.length === 0) return false;
    if (type === TokenType.OpenParen || type === TokenType.Function) open.push(TokenType.CloseParen);
    else if (type === TokenType.OpenSquare) open.push(TokenType.CloseSquare);
    else if (type === TokenType.OpenCurly) open.push(TokenType.CloseCurly);
    else if (type === TokenType.CloseParen || type === TokenType.CloseSquare || type === TokenType.CloseCurly) {
      if (open.pop() !== type) return false;
    }
  }
  return true;
}

/** The value without a trailing `! important`. */
function withoutImportant(value: readonly CSSToken[]): readonly CSSToken[] {
  let end = value.length;
  while (end > 0 && value[end - 1]?.[0] === TokenType.Whitespace) end--;
  const last = value[end - 1];
  if (!isIdent(last, 'important')) return value;
  let bang = end - 2;
  while (bang >= 0 && value[bang]?.[0] === TokenType.Whitespace) bang--;
  const b = value[bang];
  return b !== undefined && b[0] === TokenType.Delim && b[4].value === '!' ? value.slice(0, bang) : value;
}

/**
 * Whether a `<supports-condition>` parses from `start`, as Blink's parser reads one: `not` and
 * one operand, or operands joined by `and` or by `or`, an operand being any `( ... )` block or
 * any function (a supports-decl, `selector()`, `font-tech()`, or `<general-enclosed>`, whatever
 * is inside). Only the beginning must parse: Blink stops at the first token that does not
 * continue the condition and ignores the rest of the supports() block.
 */
function conditionParses(tokens: readonly CSSToken[], start: number): boolean {
  let i = start;
  if (isIdent(tokens[i], 'not')) {
    i = skipBlanks(tokens, i + 1);
    return operandEnd(tokens, i) !== undefined;
  }
  const firstEnd = operandEnd(tokens, i);
  if (firstEnd === undefined) return false;
  i = skipBlanks(tokens, firstEnd);
  let joiner: string | undefined;
  for (;;) {
    const t = tokens[i];
    if (t === undefined || t[0] !== TokenType.Ident) return true;
    const word = asciiLower(identValue(t));
    if ((word !== 'and' && word !== 'or') || (joiner !== undefined && word !== joiner)) return true;
    joiner = word;
    const end = operandEnd(tokens, skipBlanks(tokens, i + 1));
    if (end === undefined) return false;
    i = skipBlanks(tokens, end);
  }
}

/** Where the operand starting at `i` ends (the index after it), or undefined if none starts there. */
function operandEnd(tokens: readonly CSSToken[], i: number): number | undefined {
  const t = tokens[i];
  if (t === undefined || (t[0] !== TokenType.OpenParen && t[0] !== TokenType.Function)) return undefined;
  // An operand left open runs to the end of the supports() block, which closes it.
  return (blockEnd(tokens, i) ?? tokens.length - 1) + 1;
}

/** `<layer-name>`: identifiers joined by `.` with nothing between, blanks allowed around. */
function isLayerName(inner: readonly CSSToken[]): boolean {
  let start = 0;
  let end = inner.length;
  while (start < end && inner[start]?.[0] === TokenType.Whitespace) start++;
  while (end > start && inner[end - 1]?.[0] === TokenType.Whitespace) end--;
  if (start === end) return false;
  for (let i = start; i < end; i++) {
    const t = inner[i];
    const wantIdent = (i - start) % 2 === 0;
    if (wantIdent ? t[0] !== TokenType.Ident : t[0] !== TokenType.Delim || t[4].value !== '.') return false;
  }
  return (end - start) % 2 === 1;
}

/** The index of the token that closes the block or function opened at `i`, or undefined when it is left open. */
function blockEnd(tokens: readonly CSSToken[], i: number): number | undefined {
  const closers: TokenType[] = [];
  for (let j = i; j < tokens.length; j++) {
    const type = tokens[j][0];
    if (type === TokenType.OpenParen || type === TokenType.Function) closers.push(TokenType.CloseParen);
    else if (type === TokenType.OpenSquare) closers.push(TokenType.CloseSquare);
    else if (type === TokenType.OpenCurly) closers.push(TokenType.CloseCurly);
    else if (type === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0) return j;
    }
  }
  return undefined;
}

function skipBlanks(tokens: readonly CSSToken[], i: number): number {
  while (tokens[i]?.[0] === TokenType.Whitespace) i++;
  return i;
}

const identValue = (t: CSSToken): string => (t[4] as { value: string }).value;
const isIdent = (t: CSSToken | undefined, name: string): boolean => t !== undefined && t[0] === TokenType.Ident && asciiLower(t[4].value) === name;
const isFunction = (t: CSSToken | undefined, name: string): boolean => t !== undefined && t[0] === TokenType.Function && asciiLower(t[4].value) === name;
