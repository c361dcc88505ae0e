import { TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { asciiLower, closerOf, cssTokens, isBlank } from './css-declarations.js';

// A custom property can refer to others that refer to others: browsers cap what a substitution
// may grow to, and so does this (each step also stays linear in what it reads).
const MAX_LENGTH = 100_000;
const MAX_DEPTH = 32;

/**
 * `value` with every `var(--name[, fallback])` replaced (CSS Variables 1): by the custom
 * property's value from `lookup`, else by the fallback; undefined when a reference has neither
 * or refers to itself, or the result grows past the cap: the declaration is then invalid at
 * computed-value time, and the property is as if `unset`.
 */
export function substituteVars(value: string, lookup: (name: string) => string | undefined, depth = 0, seen: ReadonlySet<string> = new Set()): string | undefined {
  if (!/var\(|\\/i.test(value)) return value;
  if (depth > MAX_DEPTH) return undefined;
  const tokens = cssTokens(value);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t[0] !== TokenType.Function || asciiLower(t[4].value) !== 'var') {
      out += t[1];
      continue;
    }
    const end = closingParen(tokens, i);
    const replaced = reference(tokens, i + 1, end, lookup, depth, seen);
    if (replaced === undefined) return undefined;
    out += replaced;
    if (out.length > MAX_LENGTH) return undefined;
    i = end;
  }
  return out;
}

/** The text a `var()` stands for: tokens[from, to) are its arguments. */
function reference(tokens: readonly CSSToken[], from: number, to: number, lookup: (name: string) => string | undefined, depth: number, seen: ReadonlySet<string>): string | undefined {
  let i = from;
  while (i < to && isBlank(tokens[i][0])) i++;
  const nameToken = tokens[i];
  if (!nameToken || nameToken[0] !== TokenType.Ident || !nameToken[4].value.startsWith('--')) return undefined;
  const name = nameToken[4].value;
  i++;
  while (i < to && isBlank(tokens[i][0])) i++;
  let fallback: string | undefined;
  if (i < to) {
    if (tokens[i][0] !== TokenType.Comma) return undefined;
    fallback = tokens
      .slice(i + 1, to)
      .map((t) => t[1])
      .join('');
  }
  // A property that refers to itself, directly or through others, is invalid (a cycle).
  if (seen.has(name)) return undefined;
  const own = lookup(name);
  if (own !== undefined) {
    const v = substituteVars(own, lookup, depth + 1, new Set(seen).add(name));
    if (v !== undefined) return v;
  }
  return fallback === undefined ? undefined : substituteVars(fallback, lookup, depth + 1, seen);
}

/** The index of the `)` that closes the function at `at` (or the end: left open). */
function closingParen(tokens: readonly CSSToken[], at: number): number {
  const closers: TokenType[] = [TokenType.CloseParen];
  for (let i = at + 1; i < tokens.length; i++) {
    const type = tokens[i][0];
    if (type === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0) return i;
      continue;
    }
    const closer = closerOf(type);
    if (closer !== undefined) closers.push(closer);
  }
  return tokens.length;
}
