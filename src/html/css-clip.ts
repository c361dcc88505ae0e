import { TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { topLevelFunctions } from './css-functions.js';
import { asciiLower } from './css-declarations.js';

/** A length as a share of the box (`50%` is 0.5) or in px; undefined for anything else. */
type Part = { pct: number } | { px: number };
function partOf(arg: readonly CSSToken[] | undefined): Part | undefined {
  if (!arg || arg.length !== 1) return undefined;
  const t = arg[0];
  if (t[0] === TokenType.Percentage) return { pct: t[4].value / 100 };
  if (t[0] === TokenType.Number && t[4].value === 0) return { px: 0 };
  if (t[0] === TokenType.Dimension && asciiLower(t[4].unit) === 'px') return { px: t[4].value };
  return undefined;
}
const isZero = (p: Part | undefined): boolean => p !== undefined && ('pct' in p ? p.pct <= 0 : p.px <= 0);
// Two insets from opposite sides meet when their shares add up to the whole box.
const share = (p: Part | undefined): number | undefined => (p === undefined ? undefined : 'pct' in p ? p.pct : p.px === 0 ? 0 : undefined);
const meet = (a: Part | undefined, b: Part | undefined): boolean => {
  const x = share(a);
  const y = share(b);
  return x !== undefined && y !== undefined && x + y >= 1;
};
const same = (a: Part | undefined, b: Part | undefined): boolean => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether `clip-path` leaves nothing of the box (CSS Masking 1, basic shapes): an `inset()`
 * whose opposite insets meet, a `circle()` or `ellipse()` of radius 0, a `polygon()` whose
 * points lie on one vertical or horizontal line, an `xywh()` of zero width or height, a `path()`
 * of lines on one straight line (`path('M0 0')`). Sizes in px against a box of unknown size,
 * `url()` references and curved paths are not judged.
 */
export function clipPathHides(value: string | undefined): boolean {
  if (value === undefined) return false;
  const fns = topLevelFunctions(value);
  // A geometry box keyword (`border-box`) may come with the shape.
  const shape = fns?.find((f) => f.args.length > 0 || f.name === 'polygon');
  if (!shape) return false;
  const w = shape.words;
  switch (shape.name) {
    case 'inset': {
      const end = w.findIndex((x) => x.length === 1 && x[0][0] === TokenType.Ident);
      const sides = (end === -1 ? w : w.slice(0, end)).map(partOf);
      if (sides.length < 1 || sides.length > 4) return false;
      const [top, right = top, bottom = top, left = right] = sides;
      return meet(top, bottom) || meet(left, right);
    }
    case 'circle':
      return w.length > 0 && isZero(partOf(w[0]));
    case 'ellipse':
      return w.length > 1 && (isZero(partOf(w[0])) || isZero(partOf(w[1])));
    case 'xywh':
      return w.length >= 4 && (isZero(partOf(w[2])) || isZero(partOf(w[3])));
    case 'polygon': {
      const points = shape.args.filter((a) => !(a.length === 1 && a[0][0] === TokenType.Ident));
      if (points.length < 3) return true;
      const xy = points.map((p) => p.filter((t) => t[0] !== TokenType.Whitespace && t[0] !== TokenType.Comment).map((t) => partOf([t])));
      if (xy.some((p) => p.length !== 2 || p[0] === undefined || p[1] === undefined)) return false;
      return xy.every((p) => same(p[0], xy[0][0])) || xy.every((p) => same(p[1], xy[0][1]));
    }
    case 'path': {
      const d = shape.args.flat().find((t) => t[0] === TokenType.String);
      return d !== undefined && d[0] === TokenType.String && pathEnclosesNothing(d[4].value);
    }
    default:
      return false;
  }
}

// SVG path data, read token by token (no backtracking: each alternative ends where it must).
const PATH_TOKEN = /[MmLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[\s,]+|./g;

/**
 * Whether SVG path data made of lines only (M, L, H, V, Z, absolute or relative) has all its
 * points on one straight line, so it encloses no area: `M0 0`, `M0 0 L40 0`. Curves, arcs,
 * malformed data (the declaration is then invalid) and data over 4 KB are not judged.
 */
function pathEnclosesNothing(d: string): boolean {
  if (d.length > 4096) return false;
  const points: Array<[number, number]> = [];
  let command = '';
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  const numbers: number[] = [];
  const flush = (): boolean => {
    const relative = command === command.toLowerCase();
    const c = command.toUpperCase();
    const arity = c === 'H' || c === 'V' ? 1 : c === 'Z' ? 0 : 2;
    if (arity === 0) {
      if (numbers.length) return false;
      [x, y] = start;
      return true;
    }
    if (numbers.length === 0 || numbers.length % arity !== 0) return false;
    for (let i = 0; i < numbers.length; i += arity) {
      if (c === 'H') x = relative ? x + numbers[i] : numbers[i];
      else if (c === 'V') y = relative ? y + numbers[i] : numbers[i];
      else [x, y] = relative ? [x + numbers[i], y + numbers[i + 1]] : [numbers[i], numbers[i + 1]];
      // A moveto starts a subpath; the pairs after it are linetos.
      if (c === 'M' && i === 0) start = [x, y];
      points.push([x, y]);
    }
    numbers.length = 0;
    return true;
  };
  for (const [t] of d.matchAll(PATH_TOKEN)) {
    if (/^[\s,]+$/.test(t)) continue;
    if (/^[MmLlHhVvZz]$/.test(t)) {
      if (command && !flush()) return false;
      if (!command && t.toUpperCase() !== 'M') return false;
      command = t;
    } else if (t.length > 1 || /[0-9]/.test(t)) {
      if (!command) return false;
      numbers.push(Number(t));
    } else return false;
  }
  if (!command || !flush()) return false;
  const [p0] = points;
  const far = points.find((p) => p[0] !== p0[0] || p[1] !== p0[1]);
  if (!far) return true;
  return points.every((p) => Math.abs((far[0] - p0[0]) * (p[1] - p0[1]) - (far[1] - p0[1]) * (p[0] - p0[0])) < 1e-9);
}

/**
 * Whether the legacy `clip: rect(top, right, bottom, left)` of an absolutely positioned box
 * leaves nothing: bottom at or above top, or right at or left of left (in px; `auto` is the edge).
 */
export function clipRectHides(value: string | undefined, position: string | undefined): boolean {
  if (value === undefined || (position !== 'absolute' && position !== 'fixed')) return false;
  const fn = topLevelFunctions(value)?.[0];
  if (!fn || fn.name !== 'rect') return false;
  const v = (fn.args.length === 4 ? fn.args : fn.words).map(partOf);
  if (v.length !== 4) return false;
  const px = (p: Part | undefined) => (p && 'px' in p ? p.px : undefined);
  const [top, right, bottom, left] = v.map(px);
  return (top !== undefined && bottom !== undefined && bottom <= top) || (left !== undefined && right !== undefined && right <= left);
}
