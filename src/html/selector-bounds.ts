/**
 * How much work a selector list can ask of the cascade, read from its text before css-what
 * parses it. An attacker's `img:not(.x):not(.x)...` (400,000 of them, 3.2 MB) made css-what
 * build 400,000 objects, css-select compile them into a chain of 400,000 nested closures, and
 * the first match overflow the stack; 3.9 million of them (31 MB) took 4.6 GB and V8 died out of
 * memory, losing the next message under `--jobs 1` (outside review 3, finding 1). css-what also
 * recurses once per level of `:not(:not(...))`.
 *
 * Chromium applies such selectors; pixelaudit cannot afford to, and must not guess: a valid
 * selector past these bounds makes the document's cascade "too costly to apply in full" (cascade.ts),
 * so that every element judged errs towards hidden, as when the match budget runs out. A
 * sender gains nothing by it. The bounds are far past what mail writes: on the 937 HTML parts of
 * the shared corpora the heaviest valid complex selector weighs 28 by selectorWeight (heavier
 * texts, 267 and 405, are broken sheets' preludes that css-what rejects), and none nests more than
 * 2 levels of parentheses.
 */

/** Simple selectors (and combinators) in one complex selector, those of its `:is()`/`:not()` arguments included. */
export const MAX_SELECTOR_WEIGHT = 1024;
/** A selector of more simple selectors than this is charged to the match budget by its weight (selector-match.ts). */
export const HEAVY_SELECTOR = 32;
/** Levels of parentheses (`:not(:is(:not(...)))`): css-what parses each level by recursion. */
export const MAX_SELECTOR_DEPTH = 32;

/**
 * The weight of the heaviest complex selector in the list `text` (an upper bound of its simple
 * selectors and combinators: each `.`, `#`, `[`, `:`, `*`, combinator and name start counts once,
 * escapes and quoted strings skipped), or Infinity once it passes MAX_SELECTOR_WEIGHT or
 * MAX_SELECTOR_DEPTH. One pass, no regular expression: linear in the text, stops early.
 */
export function selectorWeight(text: string): number {
  let depth = 0;
  let weight = 0;
  let heaviest = 0;
  // After a character that ends a simple selector's start, a name character is not a new one.
  let inName = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      // An escape is part of a name (or a new name), never a delimiter.
      i++;
      if (!inName) weight++;
      inName = true;
      continue;
    }
    if (c === 0x22 || c === 0x27) {
      // A quoted string (inside `[a="..."]` or an argument) holds no selector.
      const close = skipString(text, i, c);
      i = close;
      inName = false;
      continue;
    }
    if (isNameChar(c)) {
      if (!inName) weight++;
      inName = true;
      continue;
    }
    inName = false;
    if (c === 0x28) {
      if (++depth > MAX_SELECTOR_DEPTH) return Number.POSITIVE_INFINITY;
    } else if (c === 0x29) {
      if (depth > 0) depth--;
    } else if (c === 0x2c && depth === 0) {
      // A top-level comma starts the next complex selector of the list.
      heaviest = Math.max(heaviest, weight);
      weight = 0;
      continue;
    } else if (c === 0x2e || c === 0x23 || c === 0x5b || c === 0x3a || c === 0x2a || c === 0x3e || c === 0x2b || c === 0x7e || c === 0x20 || c === 0x2c) {
      weight++;
    }
    if (weight > MAX_SELECTOR_WEIGHT) return Number.POSITIVE_INFINITY;
  }
  const heaviestOfAll = Math.max(heaviest, weight);
  return heaviestOfAll > MAX_SELECTOR_WEIGHT ? Number.POSITIVE_INFINITY : heaviestOfAll;
}

/**
 * A selector list's text longer than this, past a bound, is too complex without being parsed;
 * shorter, it is parsed, so that an invalid one (a broken sheet's garbage prelude, which the
 * corpora hold) is dropped as Chromium drops it rather than making the cascade too costly.
 */
export const MAX_PARSED_CHARS = 65_536;

/**
 * `within` both bounds; `parse` past the weight bound but short enough to parse and weigh each
 * complex selector exactly (css-selectors.ts); `too-complex` otherwise, without parsing.
 */
export function selectorBounds(text: string): 'within' | 'parse' | 'too-complex' {
  const weight = selectorWeight(text);
  if (weight <= MAX_SELECTOR_WEIGHT) return 'within';
  return text.length <= MAX_PARSED_CHARS && maxDepth(text) <= MAX_SELECTOR_DEPTH ? 'parse' : 'too-complex';
}

/** The deepest nesting of parentheses outside strings (an upper bound of css-what's recursion). */
function maxDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22 || c === 0x27) i = skipString(text, i, c);
    else if (c === 0x28) deepest = Math.max(deepest, ++depth);
    else if (c === 0x29 && depth > 0) depth--;
  }
  return deepest;
}

function skipString(text: string, from: number, quote: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === quote || c === 0x0a) return i;
  }
  return text.length;
}

// CSS Syntax's ident code points (ASCII letters, digits, `-`, `_`) and any non-ASCII code point.
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c >= 0x80;
}
