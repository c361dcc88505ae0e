import { isFunctionNode, isSimpleBlockNode, isTokenNode, isWhiteSpaceOrCommentNode, parseListOfComponentValues, type ComponentValue } from '@csstools/css-parser-algorithms';
import { isTokenDelim, TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { CHROMIUM_PROPERTIES } from './chromium-properties.js';
import { asciiLower, type Declaration } from './css-declarations.js';
import { expandDeclaration, valueChecked } from './css-properties.js';

/** An `@supports` answer: true, false, or undefined when pixelaudit cannot tell what Chromium would answer. */
type Answer = boolean | undefined;

const WIDE = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);

/**
 * Whether Chromium 150 applies an `@supports` block with this prelude (CSS Conditional 3 and 4),
 * in three values. A declaration `(prop: value)` is false when Chromium has no such property
 * (`-webkit-overflow-scrolling`, `mso-hide`: the list is Chromium's own, chromium-properties.ts),
 * true for a custom property or a CSS-wide keyword, decided by the cascade's own checks for the
 * properties it reads when the value holds no function (`display: grid`), and unknown otherwise; `not`, `and` and `or`
 * combine the three values as Kleene logic. `selector()`, `font-tech()` and `font-format()` are
 * unknown; anything else in parentheses is "general enclosed", false. Unknown blocks are not applied.
 */
export function supportsMatches(prelude: readonly CSSToken[]): Answer {
  // The component-value parser recurses per block: an attacker's `((((...` is refused before it.
  let open = 0;
  for (const t of prelude) {
    if (t[0] === TokenType.OpenParen || t[0] === TokenType.Function || t[0] === TokenType.OpenSquare || t[0] === TokenType.OpenCurly) {
      if (++open > MAX_DEPTH) return undefined;
    } else if (t[0] === TokenType.CloseParen || t[0] === TokenType.CloseSquare || t[0] === TokenType.CloseCurly) open--;
  }
  const nodes = parseListOfComponentValues([...prelude]).filter((n) => !isWhiteSpaceOrCommentNode(n));
  return condition(nodes, 0);
}

// Past this depth of nested parentheses the answer is unknown (an attacker's `((((...`).
const MAX_DEPTH = 32;

function condition(nodes: readonly ComponentValue[], depth: number): Answer {
  if (nodes.length === 0 || depth > MAX_DEPTH) return false;
  if (isWord(nodes[0], 'not')) return nodes.length === 2 ? not(inParens(nodes[1], depth)) : false;
  let op: string | undefined;
  let acc = inParens(nodes[0], depth);
  for (let i = 1; i < nodes.length; i += 2) {
    const word = nodes[i];
    const next = nodes[i + 1];
    const name = isTokenNode(word) && word.value[0] === TokenType.Ident ? asciiLower(word.value[4].value) : undefined;
    // One kind of operator per level; mixing them, or a missing operand, is invalid: false.
    if ((name !== 'and' && name !== 'or') || (op && op !== name) || !next) return false;
    op = name;
    const v = inParens(next, depth);
    acc = name === 'and' ? and(acc, v) : or(acc, v);
  }
  return acc;
}

function inParens(node: ComponentValue, depth: number): Answer {
  if (isFunctionNode(node)) {
    const name = asciiLower(node.getName());
    return name === 'selector' || name === 'font-tech' || name === 'font-format' ? undefined : false;
  }
  if (!isSimpleBlockNode(node) || node.startToken[0] !== TokenType.OpenParen) return false;
  const inner = node.value.filter((n) => !isWhiteSpaceOrCommentNode(n));
  const head = inner[0];
  const colon = inner[1];
  if (head && isTokenNode(head) && head.value[0] === TokenType.Ident && colon && isTokenNode(colon) && colon.value[0] === TokenType.Colon) return declaration(node);
  return condition(inner, depth + 1);
}

/** `(prop: value)`: as the block's own tokens, read by the cascade's declaration checks. */
function declaration(block: ComponentValue): Answer {
  const tokens = block.tokens().slice(1, -1);
  const colon = tokens.findIndex((t) => t[0] === TokenType.Colon);
  const nameToken = tokens.find((t) => t[0] === TokenType.Ident);
  if (!nameToken) return false;
  const written = nameToken[4].value;
  let from = colon + 1;
  let to = tokens.length;
  while (from < to && (tokens[from][0] === TokenType.Whitespace || tokens[from][0] === TokenType.Comment)) from++;
  while (to > from && (tokens[to - 1][0] === TokenType.Whitespace || tokens[to - 1][0] === TokenType.Comment)) to--;
  // `!important` is allowed in the test and changes nothing.
  const bang = to - 2 >= from ? lastTwo(tokens, from, to) : -1;
  if (bang >= 0) {
    to = bang;
    while (to > from && (tokens[to - 1][0] === TokenType.Whitespace || tokens[to - 1][0] === TokenType.Comment)) to--;
  }
  if (from >= to) return false;
  if (written.startsWith('--')) return true;
  const name = asciiLower(written);
  if (!CHROMIUM_PROPERTIES.has(name)) return false;
  const value = tokens.slice(from, to).filter((t) => t[0] !== TokenType.Comment);
  if (value.length === 1 && value[0][0] === TokenType.Ident && WIDE.has(asciiLower(value[0][4].value))) return true;
  // The cascade's checks let any function through (it judges them later): only plain values are decided.
  if (!valueChecked(name) || value.some((t) => t[0] === TokenType.Function)) return undefined;
  const out: Declaration[] = [];
  expandDeclaration(name, tokens, from, to, false, () => true, out);
  return out.length > 0;
}

/** The index of a `!` that with an `important` after it ends tokens[from, to), or -1. */
function lastTwo(tokens: readonly CSSToken[], from: number, to: number): number {
  let i = to - 1;
  const last = tokens[i];
  if (last[0] !== TokenType.Ident || asciiLower(last[4].value) !== 'important') return -1;
  i--;
  while (i >= from && (tokens[i][0] === TokenType.Whitespace || tokens[i][0] === TokenType.Comment)) i--;
  const t = tokens[i];
  return i >= from && isTokenDelim(t) && t[4].value === '!' ? i : -1;
}

const isWord = (n: ComponentValue, word: string): boolean => isTokenNode(n) && n.value[0] === TokenType.Ident && asciiLower(n.value[4].value) === word;
const not = (a: Answer): Answer => (a === undefined ? undefined : !a);
const and = (a: Answer, b: Answer): Answer => (a === false || b === false ? false : a === undefined || b === undefined ? undefined : true);
const or = (a: Answer, b: Answer): Answer => (a === true || b === true ? true : a === undefined || b === undefined ? undefined : false);
