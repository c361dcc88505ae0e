import { resolveLength } from './css-length.js';
import type { TreeElement } from './tree.js';

/** The initial font size (`medium`) in Chromium and every desktop engine. */
export const MEDIUM = 16;

// CSS Fonts 4 absolute-size keywords as Chromium maps them at medium = 16px.
const KEYWORDS: Record<string, number> = { 'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32, 'xxx-large': 48 };
// `smaller` and `larger`: Chromium's ratio between adjacent sizes outside the keyword table.
const RATIO = 1.2;

/**
 * The computed font size of an element whose cascaded `font-size` is `value` (undefined: none),
 * under a parent of `parent` px and a root of `root` px; `ua` is the browser's own style sheet's
 * value for the element, if it sets one (see `uaFontSize`). A value only layout knows (`2ex`) or
 * an invalid one keeps what the element would have without it.
 */
export function fontSizeOf(value: string | undefined, parent: number, root: number, ua: ((parent: number) => number) | undefined): number {
  const fallback = (): number => (ua ? ua(parent) : parent);
  if (value === undefined) return fallback();
  const v = value.trim().toLowerCase();
  if (v === 'inherit' || v === 'unset') return parent;
  if (v === 'initial') return MEDIUM;
  if (v === 'revert' || v === 'revert-layer') return fallback();
  if (Object.hasOwn(KEYWORDS, v)) return KEYWORDS[v];
  if (v === 'smaller') return parent / RATIO;
  if (v === 'larger') return parent * RATIO;
  const px = resolveLength(v, { em: () => parent, rem: () => root, percentDefinite: false, percentOf: parent });
  if (typeof px !== 'number' || px < 0) return fallback();
  return px;
}

const em = (k: number) => (parent: number) => parent * k;
const control = () => 13.333333;
// Chromium's html.css: headings, small print and form controls set their own font size.
const UA: Record<string, (parent: number) => number> = {
  h1: em(2),
  h2: em(1.5),
  h3: em(1.17),
  h4: em(1),
  h5: em(0.83),
  h6: em(0.67),
  small: (p) => p / RATIO,
  sub: (p) => p / RATIO,
  sup: (p) => p / RATIO,
  big: (p) => p * RATIO,
  input: control,
  select: control,
  textarea: control,
  button: control,
};

/**
 * The font size the browser's own style sheet gives `el`, as a function of its parent's, or
 * undefined when it inherits. In quirks mode a table starts again at medium (Chromium's
 * quirks.css: `table { font-size: medium }`), so a `font-size:0` outside does not reach in.
 */
export function uaFontSize(el: TreeElement, quirks: boolean): ((parent: number) => number) | undefined {
  if (el.namespace !== 'html') return undefined;
  if (quirks && el.name === 'table') return () => MEDIUM;
  return UA[el.name];
}
