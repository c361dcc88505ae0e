import { calc } from '@csstools/css-calc';
import { stringify, TokenType, type TokenDimension } from '@csstools/css-tokenizer';
import { asciiLower, cssTokens } from './css-declarations.js';
import { cssPixels } from './css.js';
import { TextKeyedCache } from './text-keyed-cache.js';

/**
 * What a length is relative to where it is used: the element's font size (`em`), the root's
 * (`rem`), both read lazily (most lengths are plain px), and whether a percentage has a base
 * the walk cannot know but that is definite (a width's containing block; a height's is not).
 */
export interface LengthBasis {
  em(): number;
  rem(): number;
  /** Percentages resolve against a definite but unknown size (widths), else they are unknown. */
  percentDefinite: boolean;
  /** The size a percentage is of, when it is known (a font size's is the parent's font size). */
  percentOf?: number;
}

// Two environments a message could be shown in: a value that comes out the same in both does
// not depend on the viewport or the container (`min(0px, 50%)`, `calc(0vw)`); one that differs
// is known only to layout. Phones to 4K screens; containers from nothing to very wide.
const ENVIRONMENTS = [
  { vw: 3.2, vh: 2.4, percent: 0 },
  { vw: 38.4, vh: 21.6, percent: 1000 },
] as const;
type Environment = (typeof ENVIRONMENTS)[number];

// Units by what they are relative to. Font-metric units other than em (ex, ch, cap, lh) depend
// on the font in use: unknown.
const VIEWPORT: Record<string, (e: Environment) => number> = {
  vw: (e) => e.vw,
  svw: (e) => e.vw,
  lvw: (e) => e.vw,
  dvw: (e) => e.vw,
  vi: (e) => e.vw,
  svi: (e) => e.vw,
  lvi: (e) => e.vw,
  dvi: (e) => e.vw,
  vh: (e) => e.vh,
  svh: (e) => e.vh,
  lvh: (e) => e.vh,
  dvh: (e) => e.vh,
  vb: (e) => e.vh,
  svb: (e) => e.vh,
  lvb: (e) => e.vh,
  dvb: (e) => e.vh,
  vmin: (e) => Math.min(e.vw, e.vh),
  svmin: (e) => Math.min(e.vw, e.vh),
  lvmin: (e) => Math.min(e.vw, e.vh),
  dvmin: (e) => Math.min(e.vw, e.vh),
  vmax: (e) => Math.max(e.vw, e.vh),
  svmax: (e) => Math.max(e.vw, e.vh),
  lvmax: (e) => Math.max(e.vw, e.vh),
  dvmax: (e) => Math.max(e.vw, e.vh),
};
const ABSOLUTE = new Set(['px', 'pt', 'pc', 'in', 'cm', 'mm', 'q']);
const MATH = new Set(['calc', '-webkit-calc', 'min', 'max', 'clamp', 'round', 'mod', 'rem', 'abs', 'sign', 'hypot', 'sqrt', 'pow', 'exp', 'log', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2']);
// Past this many tokens a value is not computed (unknown): no message needs a longer size.
const MAX_TOKENS = 200;

/**
 * A CSS `<length-percentage>` (a width, a font size, an inset) in CSS pixels: absolute lengths,
 * `em` and `rem` from `basis`, viewport units and percentages where the value does not depend on
 * them, and math functions (`calc()`, `min()`, `max()`, `clamp()`...) computed by
 * `@csstools/css-calc`. A math function's result is clamped at 0 by the caller's range (CSS
 * Values 4, 10.12), a plain negative length is returned as such. Null: a length, but one only
 * layout knows (`50%`, `2ex`, `calc(1px + 1vw)`). Undefined: not a length at all.
 */
export function resolveLength(value: string, basis: LengthBasis): number | null | undefined {
  const px = cssPixels(value);
  if (px !== undefined) return px;
  // Without em or rem the answer depends on the text and the percentage's base alone: the same
  // few values (`calc(100% - 20px)`) repeat row after row. Bounded (emptied when full).
  const independent = basis.percentOf === undefined && !/em/i.test(value) && value.length <= 256;
  if (!independent) return resolveUncached(value, basis);
  return RESOLVED.get(`${basis.percentDefinite ? 'd' : 'i'}${value}`, () => resolveUncached(value, basis));
}

const RESOLVED = new TextKeyedCache<number | null | undefined>({ maxChars: 2_570_000, maxEntries: 10_000, maxKeyChars: 257 });

function resolveUncached(value: string, basis: LengthBasis): number | null | undefined {
  const tokens = cssTokens(value).filter((t) => t[0] !== TokenType.Whitespace && t[0] !== TokenType.Comment);
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return tokens.length ? null : undefined;
  const head = tokens[0];
  if (tokens.length === 1) {
    if (head[0] === TokenType.Percentage) return basis.percentOf !== undefined ? (head[4].value / 100) * basis.percentOf : head[4].value === 0 ? 0 : null;
    if (head[0] !== TokenType.Dimension) return undefined;
    return single(head, basis);
  }
  if (head[0] !== TokenType.Function || !MATH.has(asciiLower(head[4].value))) return undefined;
  let answer: number | null | undefined;
  for (const env of ENVIRONMENTS) {
    const v = computeMath(value, basis, env);
    if (v === undefined || v === null) return v;
    if (answer !== undefined && answer !== v) return null;
    answer = v;
  }
  return answer;
}

/** One dimension token in px, null when its unit depends on what the walk does not know. */
function single(t: TokenDimension, basis: LengthBasis): number | null | undefined {
  const unit = asciiLower(t[4].unit);
  if (unit === 'em') return t[4].value * basis.em();
  if (unit === 'rem') return t[4].value * basis.rem();
  if (VIEWPORT[unit]) return t[4].value === 0 ? 0 : null;
  return KNOWN_RELATIVE.has(unit) ? (t[4].value === 0 ? 0 : null) : undefined;
}

const KNOWN_RELATIVE = new Set(['ex', 'rex', 'ch', 'rch', 'cap', 'rcap', 'ic', 'ric', 'lh', 'rlh', 'cqw', 'cqh', 'cqi', 'cqb', 'cqmin', 'cqmax']);

/** The math function with relative units replaced by px in `env`, computed; null when it cannot be. */
function computeMath(value: string, basis: LengthBasis, env: Environment): number | null | undefined {
  let text = '';
  for (const t of cssTokens(value)) {
    if (t[0] === TokenType.Dimension) {
      const unit = asciiLower(t[4].unit);
      const n = t[4].value;
      if (ABSOLUTE.has(unit)) text += stringify(t);
      else if (unit === 'em') text += `${n * basis.em()}px`;
      else if (unit === 'rem') text += `${n * basis.rem()}px`;
      else if (VIEWPORT[unit]) text += `${n * VIEWPORT[unit](env)}px`;
      // An angle, a time or a resolution inside a length is for css-calc to reject.
      else if (KNOWN_RELATIVE.has(unit)) return null;
      else text += stringify(t);
    } else if (t[0] === TokenType.Percentage) {
      if (basis.percentOf !== undefined) text += `${(t[4].value / 100) * basis.percentOf}px`;
      else if (!basis.percentDefinite) return null;
      else text += `${(t[4].value / 100) * env.percent}px`;
    } else if (t[0] === TokenType.Function && asciiLower(t[4].value) === '-webkit-calc') text += 'calc(';
    else if (t[0] === TokenType.Ident && asciiLower(t[4].value) !== 'infinity' && asciiLower(t[4].value) !== 'pi' && asciiLower(t[4].value) !== 'e') return null;
    else text += stringify(t);
  }
  let result: string;
  try {
    result = calc(text, { toCanonicalUnits: true });
  } catch {
    return null;
  }
  const px = cssPixels(result);
  if (px === undefined || !Number.isFinite(px)) return null;
  return px;
}

/** Chromium lays out in 1/64 px (LayoutUnit, truncated): a computed 1.6px is used as 1.59375. */
export function layoutUnits(px: number): number {
  return Math.floor(px * 64 + 1e-6) / 64;
}
