import { stringify, TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { cssPixels } from './css.js';
import { angleOf, numberOf, topLevelFunctions, type CssFunction } from './css-functions.js';

/**
 * How a `transform` (and the `scale` property) maps the element's box on screen, reduced to its
 * 2D linear part (translations move, they do not shrink; a 3D matrix is seen along z, without
 * perspective): `[a, b, c, d]` as in `matrix(a, b, c, d, e, f)`.
 */
type Linear = [number, number, number, number];
const IDENTITY: Linear = [1, 0, 0, 1];

function multiply(m: Linear, n: Linear): Linear {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3]];
}

/** The linear part of one transform function, identity for those that only move, undefined when invalid. */
function linearOf(f: CssFunction): Linear | undefined {
  const n = (i: number) => numberOf(f.args[i]);
  const a = (i: number) => angleOf(f.args[i]);
  switch (f.name) {
    case 'matrix': {
      const v = f.args.map((x) => numberOf(x));
      return v.length === 6 && v.every((x) => x !== undefined) ? [v[0], v[1], v[2], v[3]] : undefined;
    }
    case 'matrix3d': {
      const v = f.args.map((x) => numberOf(x));
      return v.length === 16 && v.every((x) => x !== undefined) ? [v[0], v[1], v[4], v[5]] : undefined;
    }
    case 'scale': {
      const x = n(0);
      const y = f.args.length > 1 ? n(1) : x;
      return x === undefined || y === undefined || f.args.length > 2 ? undefined : [x, 0, 0, y];
    }
    case 'scale3d': {
      const x = n(0);
      const y = n(1);
      return x === undefined || y === undefined ? undefined : [x, 0, 0, y];
    }
    case 'scalex':
      return n(0) === undefined ? undefined : [n(0)!, 0, 0, 1];
    case 'scaley':
      return n(0) === undefined ? undefined : [1, 0, 0, n(0)!];
    case 'rotate':
    case 'rotatez': {
      const t = a(0);
      return t === undefined ? undefined : [Math.cos(t), Math.sin(t), -Math.sin(t), Math.cos(t)];
    }
    // Turned about x (or y) the box is seen foreshortened by the cosine: edge-on at 90deg.
    case 'rotatex':
      return a(0) === undefined ? undefined : [1, 0, 0, Math.cos(a(0)!)];
    case 'rotatey':
      return a(0) === undefined ? undefined : [Math.cos(a(0)!), 0, 0, 1];
    case 'skew':
    case 'skewx':
    case 'skewy': {
      const x = f.name === 'skewy' ? 0 : a(0);
      const y = f.name === 'skew' ? (f.args.length > 1 ? a(1) : 0) : f.name === 'skewy' ? a(0) : 0;
      return x === undefined || y === undefined ? undefined : [1, Math.tan(y), Math.tan(x), 1];
    }
    case 'translate':
    case 'translatex':
    case 'translatey':
    case 'translatez':
    case 'translate3d':
    case 'perspective':
    case 'scalez':
    case 'rotate3d':
      return IDENTITY;
    default:
      return undefined;
  }
}

/** How the element's box is scaled on screen: horizontally, vertically; `collapsed` when it has no area left. */
export interface BoxScale {
  x: number;
  y: number;
  collapsed: boolean;
}

export const UNSCALED: BoxScale = { x: 1, y: 1, collapsed: false };

/** The scale of a `transform` value, or undefined when it is `none` or invalid (no effect). */
export function transformScale(value: string | undefined): BoxScale | undefined {
  if (value === undefined) return undefined;
  const fns = topLevelFunctions(value);
  if (!fns || fns.length === 0 || (fns.length === 1 && fns[0].name === 'none')) return undefined;
  let m = IDENTITY;
  for (const f of fns) {
    const l = linearOf(f);
    if (!l || !Number.isFinite(l[0] + l[1] + l[2] + l[3])) return undefined;
    m = multiply(m, l);
  }
  return fromLinear(m);
}

/** The scale of the `scale` property (`0`, `1 0`, `50%`), or undefined for none or invalid. */
export function scaleProperty(value: string | undefined): BoxScale | undefined {
  if (value === undefined) return undefined;
  const fns = topLevelFunctions(`scale(${value})`);
  const words = fns?.[0]?.words;
  if (!words || words.length < 1 || words.length > 3) return undefined;
  const x = numberOf(words[0]);
  const y = words.length > 1 ? numberOf(words[1]) : x;
  return x === undefined || y === undefined ? undefined : fromLinear([x, 0, 0, y]);
}

function fromLinear(m: Linear): BoxScale {
  const det = m[0] * m[3] - m[1] * m[2];
  return { x: Math.hypot(m[0], m[1]), y: Math.hypot(m[2], m[3]), collapsed: Math.abs(det) < 1e-9 };
}

/** How far a box is moved, in px. */
export interface Shift {
  x: number;
  y: number;
}

/** A translation argument in px (`-9999px`, `-1in`, a bare 0); undefined for %, em, calc() and the like (known only to layout). */
function shiftOf(arg: readonly CSSToken[] | undefined, side?: number): number | undefined {
  if (arg === undefined) return 0;
  if (arg.length !== 1) return undefined;
  // A percentage is of the box's own size on that axis (its border box: the declared size is
  // its content box, so a border or padding would move it further).
  const t = arg[0];
  if (t[0] === TokenType.Percentage) return side === undefined ? undefined : (t[4].value / 100) * side;
  return cssPixels(stringify(t));
}

/** The box's own size, for translations in `%`. */
export interface BoxSize {
  width?: number;
  height?: number;
}

/**
 * How far a `transform` moves the box when it only moves it: a list of translations in px
 * (translate, translateX/Y/Z, translate3d). Undefined when it holds anything else (a rotation or
 * scale about the box's centre moves its edges by amounts that depend on its size) or a length
 * only layout knows.
 */
export function transformShift(value: string | undefined, box: BoxSize = {}): Shift | undefined {
  if (value === undefined) return undefined;
  const fns = topLevelFunctions(value);
  if (!fns || fns.length === 0) return undefined;
  let x = 0;
  let y = 0;
  for (const f of fns) {
    const first = shiftOf(f.args[0], f.name === 'translatey' ? box.height : f.name === 'translatez' ? undefined : box.width);
    const second = shiftOf(f.args[1], box.height);
    if (first === undefined || second === undefined) return undefined;
    if (f.name === 'translate' || f.name === 'translate3d') {
      x += first;
      y += second;
    } else if (f.name === 'translatex') x += first;
    else if (f.name === 'translatey') y += first;
    else if (f.name !== 'translatez') return undefined;
  }
  return { x, y };
}

/**
 * The shift of the `translate` property (`-9999px`, `0 -5000px`, with a z): applied outside
 * `rotate`, `scale` and `transform`, so it moves the box whatever they do.
 */
export function translateProperty(value: string | undefined, box: BoxSize = {}): Shift | undefined {
  if (value === undefined) return undefined;
  const words = topLevelFunctions(`translate(${value})`)?.[0]?.words;
  if (!words || words.length < 1 || words.length > 3) return undefined;
  const x = shiftOf(words[0], box.width);
  const y = shiftOf(words[1], box.height);
  return x === undefined || y === undefined ? undefined : { x, y };
}

/** A 3x3 linear map, row-major: what a transform does to the box's plane, translations left out. */
type Linear3 = readonly [number, number, number, number, number, number, number, number, number];

function multiply3(m: Linear3, n: Linear3): Linear3 {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out.push(m[r * 3] * n[c] + m[r * 3 + 1] * n[3 + c] + m[r * 3 + 2] * n[6 + c]);
  return out as unknown as Linear3;
}

/** The 3D linear part of one transform function, undefined when it is not known here. */
function linear3Of(f: CssFunction): Linear3 | undefined {
  const n = (i: number) => numberOf(f.args[i]);
  const a = angleOf(f.args[0]);
  switch (f.name) {
    case 'rotatex':
      return a === undefined ? undefined : [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
    case 'rotatey':
      return a === undefined ? undefined : [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)];
    case 'scalez':
      return n(0) === undefined ? undefined : [1, 0, 0, 0, 1, 0, 0, 0, n(0)!];
    case 'scale3d': {
      const [x, y, z] = [n(0), n(1), n(2)];
      return x === undefined || y === undefined || z === undefined ? undefined : [x, 0, 0, 0, y, 0, 0, 0, z];
    }
    case 'matrix3d': {
      const v = f.args.map((x) => numberOf(x));
      if (v.length !== 16 || v.some((x) => x === undefined)) return undefined;
      const m = v as number[];
      // Column-major in CSS: m[0..3] is the first column.
      return [m[0], m[4], m[8], m[1], m[5], m[9], m[2], m[6], m[10]];
    }
    case 'translatez':
    case 'perspective':
      return [1, 0, 0, 0, 1, 0, 0, 0, 1];
    default: {
      // The 2D functions: their linear part, with z untouched.
      const l = linearOf(f);
      return l && f.name !== 'rotate3d' ? [l[0], l[2], 0, l[1], l[3], 0, 0, 0, 1] : undefined;
    }
  }
}

/**
 * Whether a `transform` turns the box's back to the viewer (what `backface-visibility: hidden`
 * hides): the z of its plane's normal, as Chromium reads it (the inverse matrix's m33, a
 * cofactor over the determinant), is negative: `rotateY(180deg)`, `rotateX(120deg)`; a mirror
 * (`scaleX(-1)`) still faces the viewer. Undefined when the value is not understood here.
 */
export function facesAway(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const fns = topLevelFunctions(value);
  if (!fns || fns.length === 0 || (fns.length === 1 && fns[0].name === 'none')) return undefined;
  let m: Linear3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (const f of fns) {
    const l = linear3Of(f);
    if (!l || !l.every(Number.isFinite)) return undefined;
    m = multiply3(m, l);
  }
  const cofactor = m[0] * m[4] - m[1] * m[3];
  const det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  if (Math.abs(det) < 1e-9) return undefined;
  return cofactor / det < -1e-9;
}
