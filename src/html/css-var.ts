import { TokenType, type CSSToken } from '@csstools/css-tokenizer';
import type { Ticker } from '../url/form-matcher.js';
import { asciiLower, closerOf, cssTokens, isBlank } from './css-declarations.js';

// A custom property can refer to others that refer to others: browsers cap what a substitution
// may grow to, and so does this (each step also stays linear in what it reads).
const MAX_LENGTH = 100_000;
const MAX_DEPTH = 32;
// The tokens read plus the text written by one element's substitutions. Each custom property is
// resolved once (memoised), so honest styles stay far below this; past it every answer is
// invalid (the property unset: the element shown), which errs towards reporting the pixel.
export const MAX_VAR_WORK = 2_000_000;

const NO_TICKER: Ticker = { tick() {} };

/**
 * Resolves `var()` for one element (CSS Variables 1 §2-3): each custom property has one
 * computed value, worked out once and remembered, so the work is linear in the declarations'
 * size (a `var()` whose fallback refers again to a failed property does not redo it: 3^n
 * before). Properties in a reference cycle are all invalid at computed-value time.
 */
export class VarResolver {
  /** Tokens read and characters written so far (checked against MAX_VAR_WORK). */
  work = 0;
  private readonly resolved = new Map<string, string | null>();
  private readonly inProgress: string[] = [];
  private readonly cyclic = new Set<string>();

  constructor(
    private readonly lookup: (name: string) => string | undefined,
    private readonly ticker: Ticker = NO_TICKER,
  ) {}

  /**
   * `value` with every `var(--name[, fallback])` replaced by the custom property's computed
   * value, else by the fallback; undefined when a reference has neither, or the result grows
   * past the cap or the work past its bound: the declaration is then invalid at computed-value
   * time, and the property is as if `unset`.
   */
  substitute(value: string, depth = 0): string | undefined {
    if (!/var\(|\\/i.test(value)) return value;
    if (depth > MAX_DEPTH || this.work > MAX_VAR_WORK) return undefined;
    this.ticker.tick();
    const tokens = cssTokens(value);
    this.work += tokens.length;
    let out = '';
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t[0] !== TokenType.Function || asciiLower(t[4].value) !== 'var') {
        out += t[1];
        continue;
      }
      const end = closingParen(tokens, i);
      const replaced = this.reference(tokens, i + 1, end, depth);
      if (replaced === undefined) return undefined;
      out += replaced;
      this.work += replaced.length;
      if (out.length > MAX_LENGTH || this.work > MAX_VAR_WORK) return undefined;
      i = end;
    }
    return out;
  }

  /** The computed value of custom property `name`, undefined when invalid (or not set). */
  resolve(name: string, depth = 0): string | undefined {
    const known = this.resolved.get(name);
    if (known !== undefined) return known ?? undefined;
    const at = this.inProgress.indexOf(name);
    if (at >= 0) {
      // A cycle: every property on it is invalid, whatever fallbacks they have.
      for (let k = at; k < this.inProgress.length; k++) this.cyclic.add(this.inProgress[k]);
      return undefined;
    }
    const own = this.lookup(name);
    let v: string | undefined;
    if (own !== undefined) {
      this.inProgress.push(name);
      v = this.substitute(own, depth + 1);
      this.inProgress.pop();
    }
    if (this.cyclic.has(name)) v = undefined;
    this.resolved.set(name, v ?? null);
    return v;
  }

  /** The text a `var()` stands for: tokens[from, to) are its arguments. */
  private reference(tokens: readonly CSSToken[], from: number, to: number, depth: number): string | undefined {
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
    const v = this.resolve(name, depth);
    if (v !== undefined) return v;
    // A reference into a cycle still being resolved makes the referring property invalid too
    // (it is on the cycle): its fallback does not save it.
    if (this.inProgress.length > 0 && this.cyclic.has(this.inProgress[this.inProgress.length - 1])) return undefined;
    return fallback === undefined ? undefined : this.substitute(fallback, depth + 1);
  }
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
