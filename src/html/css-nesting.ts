import { TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { asciiLower, declarationsIn, isBlank, type PropertyFilter } from './css-declarations.js';
import { mediaMatches } from './css-media.js';
import type { SheetRule } from './css-sheet.js';
import { supportsMatches } from './css-supports.js';

// Nesting deeper than this is not read (an attacker's `a{a{a{...`), nor a resolved selector
// longer than this (each `&` copies the parent: `a{& & &{& & &{...` grows geometrically): such
// rules are not applied.
const MAX_NESTING = 16;
const MAX_SELECTOR = 8192;

/**
 * The style rules nested inside a style rule's block (CSS Nesting 1), appended to `out` after
 * their parent, as Chromium orders them: each nested selector is resolved against the parent's,
 * `&` standing for `:is(parent)` (whose specificity is the parent's, as the standard says), and a
 * selector without `&` is relative to it (`img` is `:is(parent) img`, `> img` a child). `@media`
 * and `@supports` blocks inside apply their declarations and rules to the parent when they match;
 * other at-rules are skipped. `close[k]` is the closer of the block that opens at token k.
 */
export function nestedRules(tokens: readonly CSSToken[], close: Int32Array, from: number, to: number, parent: string, layer: string | undefined, want: PropertyFilter, out: SheetRule[], depth = 1): void {
  if (depth > MAX_NESTING) return;
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (isBlank(t[0]) || t[0] === TokenType.Semicolon) {
      i++;
      continue;
    }
    // A unit runs to its top-level `;` (a declaration) or to its `{}` block (a rule).
    let j = i;
    while (j < to && tokens[j][0] !== TokenType.OpenCurly && tokens[j][0] !== TokenType.Semicolon) j = opens(tokens[j][0]) ? Math.min(close[j] + 1, to) : j + 1;
    if (j >= to || tokens[j][0] === TokenType.Semicolon) {
      i = j + 1;
      continue;
    }
    const end = Math.min(close[j], to);
    const custom = t[0] === TokenType.Ident && t[4].value.startsWith('--');
    if (t[0] === TokenType.AtKeyword) {
      const name = asciiLower(t[4].value);
      if ((name === 'media' && mediaMatches(tokens.slice(i + 1, j))) || (name === 'supports' && supportsMatches(tokens.slice(i + 1, j)) === true)) {
        const declarations = declarationsIn(tokens, j + 1, end, want, true);
        if (declarations.length) out.push({ selectorText: parent, declarations, layer });
        nestedRules(tokens, close, j + 1, end, parent, layer, want, out, depth + 1);
      }
    } else if (!custom) {
      const selectorText = resolveNested(tokens, i, j, parent);
      if (selectorText !== undefined && selectorText.length <= MAX_SELECTOR) {
        const declarations = declarationsIn(tokens, j + 1, end, want, true);
        if (declarations.length) out.push({ selectorText, declarations, layer });
        nestedRules(tokens, close, j + 1, end, selectorText, layer, want, out, depth + 1);
      }
    }
    i = end + 1;
  }
}

const opens = (type: TokenType): boolean => type === TokenType.OpenParen || type === TokenType.Function || type === TokenType.OpenSquare || type === TokenType.OpenCurly;

/**
 * The nested selector list of tokens[from, to) against `parent`: each complex selector with its
 * `&`s replaced by `:is(parent)`, or put after `:is(parent) ` when it has none. Undefined for a
 * prelude with a comment (its text cannot be joined safely) or nothing in it.
 */
function resolveNested(tokens: readonly CSSToken[], from: number, to: number, parent: string): string | undefined {
  const is = `:is(${parent})`;
  const parts: string[] = [];
  let text = '';
  let amp = false;
  let depth = 0;
  const flush = (): boolean => {
    const s = text.trim();
    if (!s) return false;
    parts.push(amp ? s : `${is} ${s}`);
    text = '';
    amp = false;
    return true;
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t[0] === TokenType.Comment) return undefined;
    if (opens(t[0])) depth++;
    else if (t[0] === TokenType.CloseParen || t[0] === TokenType.CloseSquare) depth--;
    if (depth === 0 && t[0] === TokenType.Comma) {
      if (!flush()) return undefined;
      continue;
    }
    if (t[0] === TokenType.Delim && t[4].value === '&') {
      amp = true;
      text += is;
      continue;
    }
    text += t[1];
  }
  return flush() ? parts.join(', ') : undefined;
}
