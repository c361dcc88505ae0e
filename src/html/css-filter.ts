import { numberOf, topLevelFunctions } from './css-functions.js';

/** The opacity under which Chromium's 8-bit alpha, round(opacity x 255), is 0: nothing is painted. */
export const PAINTS_NOTHING_BELOW = 0.5 / 255;

// Filter Effects 1's functions: a value with any other is invalid, dropped by the parser.
const FILTERS = new Set(['blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia']);

/**
 * Whether a `filter` paints the element and its content fully transparent: an `opacity()` that rounds to
 * an alpha of 0 (`0`, `0%`, `0.001`) anywhere in the list multiplies every pixel's alpha by 0, whatever the other
 * functions do. `brightness(0)` is not: it paints black, which is seen. A negative amount is
 * invalid (the declaration is dropped); `url()` references are not judged.
 */
export function filterHides(value: string | undefined): boolean {
  // Below 1/510 the 8-bit alpha rounds to 0, as for `opacity`; the opacity() of one list
  // multiply (`opacity(0.5) opacity(0.003)` paints nothing: visibility-review-p5.ts).
  return value !== undefined && filterOpacity(value) < PAINTS_NOTHING_BELOW;
}

/**
 * What a valid `filter` list's `opacity()` functions multiply the alpha by: 1 when it has none or
 * is invalid (dropped by the parser), an amount over 1 clamped to 1.
 */
export function filterOpacity(value: string): number {
  const fns = topLevelFunctions(value);
  if (!fns || fns.length === 0 || !fns.every((f) => FILTERS.has(f.name))) return 1;
  let product = 1;
  for (const f of fns) {
    if (f.name !== 'opacity' || f.args.length === 0) continue;
    const amount = numberOf(f.args[0]);
    if (amount === undefined || amount < 0 || f.args.length > 1) return 1;
    product *= Math.min(1, amount);
  }
  return product;
}
