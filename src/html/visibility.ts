import type { HiddenBy } from '../types.js';
import { cssPixels } from './css.js';
import { dimensionPixels } from './dimension.js';
import type { TreeElement } from './tree.js';

export interface Hidden {
  by: HiddenBy;
  detail: string;
}

const TINY = 3;
const OFF_SCREEN = -100;
// `overflow` values that clip both axes (one value sets both; CSS values are normalised, see css-declarations.ts).
const SIDES = ['left', 'top', 'right', 'bottom'];
const SHIFTS = ['margin-left', 'margin-top', 'text-indent'];
const CLIP_SIZES = ['height', 'max-height', 'width', 'max-width'];
const CLIPS = new Set(['hidden', 'clip', 'hidden hidden', 'clip clip', 'hidden clip', 'clip hidden']);

/**
 * Why an element hides itself and everything inside it, whatever its descendants say (display,
 * opacity, the hidden attribute, off-screen placement, a zero-size clipping wrapper), or
 * undefined. `visibility` is apart (see `visibilityOf`): a descendant can undo it.
 */
export function hiddenByElement(el: TreeElement, style: ReadonlyMap<string, string> | undefined): Hidden | undefined {
  const name = el.name;
  // SVG presentation attributes are author style of the lowest rank: any CSS value wins.
  const display = style?.get('display') ?? presentation(el, 'display');
  if (display === 'none') return { by: 'display-none', detail: `<${name}> display:none` };
  // `hidden` is the UA style sheet's display:none (until-found: content-visibility:hidden), so
  // any display the author gives the element wins over it.
  if (el.namespace === 'html' && 'hidden' in el.attrs && display === undefined) return { by: 'hidden-attribute', detail: `<${name} hidden>` };
  const opacity = style?.get('opacity') ?? presentation(el, 'opacity');
  if (opacity !== undefined && Number.parseFloat(opacity) === 0) return { by: 'opacity-zero', detail: `<${name}> opacity:0` };
  if (!style || style.size === 0) return undefined;
  if (style.get('mso-hide') === 'all') return { by: 'mso-hide', detail: `<${name}> mso-hide:all` };
  const position = style.get('position');
  if (position === 'absolute' || position === 'fixed') {
    for (const side of SIDES) {
      const px = cssPixels(style.get(side));
      if (px !== undefined && px <= OFF_SCREEN) return { by: 'off-screen', detail: `<${name}> position:${position}; ${side}:${px}px` };
    }
  }
  for (const side of SHIFTS) {
    const px = cssPixels(style.get(side));
    if (px !== undefined && px <= -1000) return { by: 'off-screen', detail: `<${name}> ${side}:${px}px` };
  }
  if (name !== 'img' && CLIPS.has(style.get('overflow') ?? '')) {
    for (const prop of CLIP_SIZES) {
      if (cssPixels(style.get(prop)) === 0) return { by: 'zero-height-wrapper', detail: `<${name}> ${prop}:0; overflow:hidden` };
    }
  }
  return undefined;
}

/**
 * The element's own `visibility`: hidden (or collapse), `null` for visible (which undoes an
 * ancestor's hidden for this subtree), undefined when it inherits its parent's.
 */
export function visibilityOf(el: TreeElement, style: ReadonlyMap<string, string> | undefined): Hidden | null | undefined {
  const v = (style?.get('visibility') ?? presentation(el, 'visibility'))?.toLowerCase();
  if (v === 'hidden' || v === 'collapse') return { by: 'visibility-hidden', detail: `<${el.name}> visibility:${v}` };
  return v === 'visible' ? null : undefined;
}

/** An SVG element's presentation attribute (`<g display="none">`), trimmed and lower-cased. */
function presentation(el: TreeElement, name: string): string | undefined {
  if (el.namespace !== 'svg') return undefined;
  const v = el.attrs[name];
  return v === undefined ? undefined : v.trim().toLowerCase();
}

export interface Size {
  width?: number;
  height?: number;
}

/**
 * The element's declared size in CSS pixels: CSS `width`/`height` (inline or from `<style>`
 * rules) over the attributes (presentational hints lose to any author rule), capped by
 * `max-width`/`max-height` (a cap in other units leaves no pixel size, unless already tiny). HTML attributes follow the rules for parsing dimension values
 * (`1px` and `1abc` are 1, `50%` is no pixel size); SVG ones are CSS lengths.
 */
export function declaredSize(el: TreeElement, style: ReadonlyMap<string, string> | undefined): Size {
  const attr = el.namespace === 'html' ? dimensionPixels : cssPixels;
  const pick = (attrValue: string | undefined, css: string | undefined, max: string | undefined): number | undefined => {
    const fromCss = cssLength(css);
    const value = fromCss === undefined ? attr(attrValue) : (fromCss ?? undefined);
    const cap = cssLength(max);
    if (typeof cap === 'number') return value === undefined ? cap : Math.min(value, cap);
    // A cap in %, em or calc() is known only to layout (max-width:100% of the container): the
    // size is then unknown, except that a cap never enlarges, so a size already tiny stays tiny.
    if (cap === null && value !== undefined && value > TINY) return undefined;
    return value;
  };
  return {
    width: pick(el.attrs.width, style?.get('width'), style?.get('max-width')),
    height: pick(el.attrs.height, style?.get('height'), style?.get('max-height')),
  };
}

// A length with a unit other than px/pt, a percentage, or a keyword or function: a valid value
// that overrides the attribute but gives no pixel size. (Linear: no two quantifiers can trade characters.)
const OTHER_LENGTH = /^[+-]?[0-9.]+(?:e[+-]?[0-9]+)?(?:%|[a-z]+)$/i;
const KEYWORD = /^(?:auto|inherit|initial|unset|revert|revert-layer|min-content|max-content|fit-content|stretch|-webkit-fill-available|-moz-available)$/i;
const FUNCTION = /^(?:calc|-webkit-calc|min|max|clamp|var|env|fit-content)\(/i;

/** A CSS width or height: pixels, null when valid but not in pixels (auto, 50%, 2em), undefined when absent or invalid (dropped by the parser). */
function cssLength(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  const px = cssPixels(value);
  // A negative width is invalid CSS, dropped as if absent.
  if (px !== undefined) return px < 0 ? undefined : px;
  const v = value.trim();
  return OTHER_LENGTH.test(v) || KEYWORD.test(v) || FUNCTION.test(v) ? null : undefined;
}

export function tinyBySize(size: Size): Hidden | undefined {
  const { width, height } = size;
  if ((width !== undefined && width <= TINY) || (height !== undefined && height <= TINY)) {
    const parts = [width !== undefined ? `width ${width}` : '', height !== undefined ? `height ${height}` : ''].filter(Boolean);
    return { by: 'tiny', detail: parts.join(', ') };
  }
  return undefined;
}
