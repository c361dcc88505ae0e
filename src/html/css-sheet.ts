import { TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { asciiLower, closerOf, cssTokens, declarationsIn, isBlank, type Declaration, type PropertyFilter } from './css-declarations.js';
import { mediaMatches } from './css-media.js';
import { isRelevant } from './css-properties.js';
import { nestedRules } from './css-nesting.js';
import { supportsMatches } from './css-supports.js';
import type { Ticker } from '../url/form-matcher.js';

const NO_TICKER: Ticker = { tick() {} };

/** A style rule of a sheet that sets at least one relevant property, in document order. */
export interface SheetRule {
  /** The selector list as text (comments gone), for css-what. */
  readonly selectorText: string;
  /** Its declarations that `want` keeps, in order. */
  readonly declarations: readonly Declaration[];
  /**
   * Its cascade layer's full name (`a.b`), or undefined outside any layer. An anonymous layer's
   * name holds a NUL (`\u0000` and a number), unique within the sheet only.
   */
  readonly layer: string | undefined;
}

/** A sheet's rules, and its layer names in the order they are first mentioned (which is layer order). */
export interface ParsedSheet {
  readonly rules: readonly SheetRule[];
  readonly layers: readonly string[];
  /** `@namespace` prefixes of the sheet and their URLs (`''` for the default namespace). */
  readonly namespaces: ReadonlyArray<readonly [string, string]>;
}

/**
 * The style rules of `css` that can matter for hidden-ness and size, by CSS Syntax's "parse a
 * stylesheet": `@media` blocks that match a desktop mail client's screen are read (see
 * css-media.ts), so are `@supports` blocks whose condition Chromium 150 is known to meet
 * (css-supports.ts; one it may not meet, or that pixelaudit cannot decide, is skipped), `@layer`
 * blocks and statements give layer order, and every other at-rule's block is skipped:
 * `@container` and `@scope` (not evaluated: their rules are not applied), `@font-face`,
 * `@keyframes`, `@page`. Rules nested inside a style rule (CSS Nesting) follow it, resolved
 * against its selector (css-nesting.ts). It depends on nothing but the text (the document's layer order is ranked by
 * the cascade), so a sheet that many messages repeat can be parsed once.
 */
export function sheetRules(css: string, want: PropertyFilter = isRelevant, ticker: Ticker = NO_TICKER): ParsedSheet {
  const layers = new Map<string, number>();
  // `ticker` (the message's deadline): each token read and each rule or at-rule ticks it.
  const tokens = cssTokens(css, ticker);
  const close = matchingClosers(tokens);
  const out: SheetRule[] = [];
  const namespaces: Array<readonly [string, string]> = [];
  let rulesSeen = false;
  // The rule lists being read: the sheet, then nested @media / @layer blocks (no recursion).
  const lists: Array<{ end: number; layer: string | undefined }> = [{ end: tokens.length, layer: undefined }];
  let anonymous = 0;
  let i = 0;
  while (lists.length) {
    ticker.tick();
    const list = lists[lists.length - 1];
    if (i >= list.end) {
      lists.pop();
      i = list.end + 1;
      continue;
    }
    const t = tokens[i];
    const type = t[0];
    if (isBlank(type) || type === TokenType.CDO || type === TokenType.CDC || type === TokenType.Semicolon) {
      i++;
      continue;
    }
    // The prelude runs to the first top-level `{` or (for an at-rule) `;`.
    let j = i + (type === TokenType.AtKeyword ? 1 : 0);
    while (j < list.end && tokens[j][0] !== TokenType.OpenCurly && !(type === TokenType.AtKeyword && tokens[j][0] === TokenType.Semicolon)) {
      j = closerOf(tokens[j][0]) !== undefined ? Math.min(close[j] + 1, list.end) : j + 1;
    }
    const block = j < list.end && tokens[j][0] === TokenType.OpenCurly;
    const blockEnd = block ? Math.min(close[j], list.end) : j;
    if (type === TokenType.AtKeyword) {
      const name = asciiLower(t[4].value);
      const beforeRules = !rulesSeen;
      if (lists.length === 1 && name !== 'namespace' && name !== 'charset' && name !== 'import' && !(name === 'layer' && !block)) rulesSeen = true;
      if (name === 'layer') {
        const names = layerNames(tokens, i + 1, j, list.layer);
        if (!block) {
          for (const n of names) rank(layers, n);
        } else {
          const n = names.length === 1 ? names[0] : `${list.layer ?? ''}\u0000${anonymous++}`;
          if (names.length <= 1) {
            rank(layers, n);
            lists.push({ end: blockEnd, layer: n });
            i = j + 1;
            continue;
          }
        }
      } else if (name === 'namespace' && !block && lists.length === 1) {
        // Only before every rule but @charset, @import and @layer statements (CSS Namespaces 3).
        const ns = beforeRules ? namespaceRule(tokens, i + 1, j) : undefined;
        if (ns) namespaces.push(ns);
      } else if ((name === 'media' && block && mediaMatches(tokens.slice(i + 1, j))) || (name === 'supports' && block && supportsMatches(tokens.slice(i + 1, j)) === true)) {
        lists.push({ end: blockEnd, layer: list.layer });
        i = j + 1;
        continue;
      }
    } else if (block) {
      rulesSeen = true;
      const declarations = declarationsIn(tokens, j + 1, blockEnd, want, true);
      const selectorText = preludeText(tokens, i, j);
      if (declarations.length && selectorText !== undefined) out.push({ selectorText, declarations, layer: list.layer });
      // Nested rules come after their parent; most blocks have none (no `{` inside).
      if (selectorText !== undefined && hasBlockInside(tokens, j + 1, blockEnd)) nestedRules(tokens, close, j + 1, blockEnd, selectorText, list.layer, want, out);
    }
    i = blockEnd + 1;
  }
  return { rules: out, layers: [...layers.keys()], namespaces };
}

function hasBlockInside(tokens: readonly CSSToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k][0] === TokenType.OpenCurly) return true;
  return false;
}

/** `@namespace [prefix] <url or string>`: the prefix (`''` for none) and the URL, or undefined when malformed. */
function namespaceRule(tokens: readonly CSSToken[], from: number, to: number): readonly [string, string] | undefined {
  const parts = tokens.slice(from, to).filter((t) => !isBlank(t[0]));
  let prefix = '';
  const head = parts[0];
  if (parts.length === 2 && head[0] === TokenType.Ident) {
    prefix = head[4].value;
    parts.shift();
  }
  if (parts.length !== 1) return undefined;
  const t = parts[0];
  if (t[0] === TokenType.URL || t[0] === TokenType.String) return [prefix, t[4].value];
  return undefined;
}

/** For each opening token ( `{` `(` `[` or a function), the index of its closer (tokens.length when never closed). */
function matchingClosers(tokens: readonly CSSToken[]): Int32Array {
  const close = new Int32Array(tokens.length).fill(tokens.length);
  const open: number[] = [];
  const want: TokenType[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i][0];
    if (want.length && type === want[want.length - 1]) {
      want.pop();
      close[open.pop() as number] = i;
      continue;
    }
    const closer = closerOf(type);
    if (closer !== undefined) {
      open.push(i);
      want.push(closer);
    }
  }
  return close;
}

/** Layer names in the prelude `a, b.c`, each as its full dotted path under `parent`. */
function layerNames(tokens: readonly CSSToken[], from: number, to: number, parent: string | undefined): string[] {
  const names: string[] = [];
  let current = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t[0] === TokenType.Ident) current += t[4].value;
    else if (t[0] === TokenType.Delim && t[4].value === '.') current += '.';
    else if (t[0] === TokenType.Comma) {
      names.push(current);
      current = '';
    }
  }
  if (current) names.push(current);
  return names.map((n) => (parent === undefined ? n : `${parent}.${n}`));
}

// Layer order is the order in which names first appear.
function rank(layers: Map<string, number>, name: string): number {
  let r = layers.get(name);
  if (r === undefined) {
    r = layers.size;
    layers.set(name, r);
  }
  return r;
}

/**
 * The selector text of tokens[from, to), as written, comments left out. CSS Syntax drops
 * comments between tokens: `.a/**\/.b` is `.a.b`, but `a/**\/b` is two idents in a row (no
 * selector), which joined text would read as `ab`; such a prelude is undefined (not applied).
 */
function preludeText(tokens: readonly CSSToken[], from: number, to: number): string | undefined {
  let out = '';
  let dropped = false;
  let count = 0;
  for (let i = from; i < to; i++) {
    if (tokens[i][0] === TokenType.Comment) {
      dropped = true;
      continue;
    }
    out += tokens[i][1];
    count++;
  }
  if (dropped && cssTokens(out).filter((t) => t[0] !== TokenType.Comment).length !== count) return undefined;
  return out.trim();
}
