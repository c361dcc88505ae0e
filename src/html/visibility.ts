import type { HiddenBy } from '../types.js';
import { cssPixels } from './css.js';
import { clipPathHides, clipRectHides } from './css-clip.js';
import { layoutUnits, resolveLength, type LengthBasis } from './css-length.js';
import { filterHides, filterOpacity, PAINTS_NOTHING_BELOW } from './css-filter.js';
import { maskBoxImageHides, maskHides } from './css-mask.js';
import { clippedAxes, paintContained, sizeContained } from './css-overflow.js';
import { facesAway, scaleProperty, transformScale, transformShift, translateProperty, type BoxScale, type Shift } from './css-transform.js';
import { dimensionPixels } from './dimension.js';
import type { TreeElement } from './tree.js';

export interface Hidden {
  by: HiddenBy;
  detail: string;
}

const TINY = 3;
const OFF_SCREEN = -100;
// A shift that leaves the page wherever the box stood (its static place is known only to
// layout): what margins and text-indent are judged by too.
const FAR_SHIFT = -1000;
const SIDES = ['left', 'top', 'right', 'bottom'];
const SHIFTS = ['margin-left', 'margin-top', 'text-indent'];
const CLIP_SIZES = ['height', 'max-height', 'width', 'max-width'];
const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'table-row-group', 'table-header-group', 'table-footer-group', 'table-row', 'table-cell', 'inline-table']);

/**
 * Why an element hides itself and everything inside it, whatever its descendants say (display,
 * opacity, the hidden attribute, off-screen placement, a zero-size clipping wrapper), or
 * undefined. `visibility` is apart (see `visibilityOf`): a descendant can undo it.
 */
export function hiddenByElement(el: TreeElement, style: ReadonlyMap<string, string> | undefined, basis: LengthBasis = PLAIN): Hidden | undefined {
  const name = el.name;
  // SVG presentation attributes are author style of the lowest rank: any CSS value wins.
  const display = style?.get('display') ?? presentation(el, 'display');
  if (display === 'none') return { by: 'display-none', detail: `<${name}> display:none` };
  // CSS Display 3 ("unusual elements"): display:contents on a replaced element or form control
  // computes to display:none, so the image is not rendered (Chromium agrees: review-replaced-display-contents).
  if (display === 'contents' && el.namespace === 'html' && CONTENTS_IS_NONE.has(name)) return { by: 'display-none', detail: `<${name}> display:contents (none for a replaced element)` };
  // `hidden` is the UA style sheet's display:none (until-found: content-visibility:hidden), so
  // any display the author gives the element wins over it.
  if (el.namespace === 'html' && 'hidden' in el.attrs && display === undefined) return { by: 'hidden-attribute', detail: `<${name} hidden>` };
  const opacity = style?.get('opacity') ?? presentation(el, 'opacity');
  if (opacity !== undefined && opacityHides(opacity)) return { by: 'opacity-zero', detail: `<${name}> opacity:${opacity}` };
  if (!style || style.size === 0) return undefined;
  if (style.has('filter') && filterHides(style.get('filter'))) return { by: 'opacity-zero', detail: `<${name}> filter:${style.get('filter')}` };
  // A mask applies to inline boxes too, not to an element without a box.
  if (style.has('mask-image') && display !== 'contents' && maskHides(style.get('mask-image'))) return { by: 'opacity-zero', detail: `<${name}> mask-image:${style.get('mask-image')}: a fully transparent mask` };
  if (style.has('-webkit-mask-box-image') && display !== 'contents' && maskBoxImageHides(style.get('-webkit-mask-box-image')))
    return { by: 'opacity-zero', detail: `<${name}> -webkit-mask-box-image:${style.get('-webkit-mask-box-image')}: a fully transparent mask` };
  if (style.has('content-visibility') || style.has('transform') || style.has('scale') || style.has('clip-path') || style.has('translate')) {
    const boxed = hasBox(el, display);
    // content-visibility:hidden skips the element's content (an image's picture too); it needs
    // size containment, which an inline box cannot have.
    if (style.get('content-visibility') === 'hidden' && boxed) return { by: 'not-rendered', detail: `<${name}> content-visibility:hidden` };
    const collapse = ownScale(style, boxed);
    if (collapse?.collapsed) return { by: 'collapsed', detail: `<${name}> ${style.has('transform') ? `transform:${style.get('transform')}` : `scale:${style.get('scale')}`}` };
    if (clipPathHides(style.get('clip-path'))) return { by: 'collapsed', detail: `<${name}> clip-path:${style.get('clip-path')}` };
    if (boxed && style.get('backface-visibility') === 'hidden' && facesAway(style.get('transform'))) return { by: 'collapsed', detail: `<${name}> backface-visibility:hidden; transform:${style.get('transform')}: its back faces the viewer` };
    const shift = boxed ? ownShift(style, () => declaredSize(el, style, basis)) : undefined;
    if (shift && (shift.x <= FAR_SHIFT || shift.y <= FAR_SHIFT))
      return { by: 'off-screen', detail: `<${name}> moved ${shift.x}px, ${shift.y}px by ${style.has('translate') ? `translate:${style.get('translate')}` : `transform:${style.get('transform')}`}` };
  }
  if (style.get('mso-hide') === 'all') return { by: 'mso-hide', detail: `<${name}> mso-hide:all` };
  const position = style.get('position');
  if (style.has('clip') && clipRectHides(style.get('clip'), position)) return { by: 'collapsed', detail: `<${name}> position:${position}; clip:${style.get('clip')}` };
  if (position === 'absolute' || position === 'fixed') {
    for (const side of SIDES) {
      const px = cssPixels(style.get(side));
      if (px !== undefined && px <= OFF_SCREEN) return { by: 'off-screen', detail: `<${name}> position:${position}; ${side}:${px}px` };
    }
  }
  if (position === 'relative') {
    // A relative box is drawn moved from where it stands: left wins over right, top over bottom.
    for (const side of ['left', 'top']) {
      const px = cssPixels(style.get(side));
      if (px !== undefined && px <= FAR_SHIFT) return { by: 'off-screen', detail: `<${name}> position:relative; ${side}:${px}px` };
    }
  }
  for (const side of SHIFTS) {
    const px = cssPixels(style.get(side));
    if (px !== undefined && px <= -1000) return { by: 'off-screen', detail: `<${name}> ${side}:${px}px` };
  }
  if (name === 'img') return undefined;
  const clipped = style.has('overflow') || style.has('overflow-x') || style.has('overflow-y') || style.has('contain') ? clippedAxes(style) : undefined;
  if (!clipped) return undefined;
  const how = style.has('contain') && paintContained(style.get('contain')) ? `contain:${style.get('contain')}` : 'overflow:hidden';
  // Size containment sizes the box as if empty: 0 px tall unless a height says otherwise.
  if (clipped.y && !style.has('height') && sizeContained(style.get('contain')) && hasBox(el, display)) return { by: 'zero-height-wrapper', detail: `<${name}> contain:${style.get('contain')}` };
  // A table (display:table, or a <table> left as one) grows to its content whatever its height
  // or width says: it clips nothing to 0 (review-table-overflow-no-clip).
  const shown = display ?? (el.namespace === 'html' ? name : '');
  if (shown === 'table' || shown === 'inline-table' || shown === 'block table' || shown === 'inline table') return undefined;
  let strip: Hidden | undefined;
  for (const prop of CLIP_SIZES) {
    const horizontal = prop.endsWith('width');
    const v = style.get(prop);
    if (v === undefined || !(horizontal ? clipped.x : clipped.y)) continue;
    // A minimum larger than 0 (or known only to layout) keeps the box open: min wins over max.
    const min = style.get(horizontal ? 'min-width' : 'min-height');
    if (min !== undefined && sizeOf(min, basis, horizontal) !== 0 && min.trim().toLowerCase() !== 'auto') continue;
    const px = sizeOf(v, basis, horizontal);
    if (px === 0) return { by: 'zero-height-wrapper', detail: `<${name}> ${prop}:${v}; ${how}` };
    // A block box of 1 to 3 px shows a strip of that size of what it holds (its padding is not
    // read: padding:5px would show more). Table parts grow to their content, inline boxes ignore both.
    if (px !== null && px <= TINY && hasBox(el, display) && !TABLE_PARTS.has(display ?? (el.namespace === 'html' ? el.name : ''))) strip ??= { by: 'tiny', detail: `<${name}> ${prop}:${v}; ${how}: a strip of ${px} px` };
  }
  return strip;
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
 * `max-width`/`max-height` (a cap in other units leaves no pixel size, unless already tiny) and
 * raised to `min-width`/`min-height`. HTML attributes follow the rules for parsing dimension values
 * (`1px` and `1abc` are 1, `50%` is no pixel size); SVG ones are CSS lengths.
 */
export function declaredSize(el: TreeElement, style: ReadonlyMap<string, string> | undefined, basis: LengthBasis = PLAIN, scale: BoxScale = UNIT): Size {
  const attr = el.namespace === 'html' ? dimensionPixels : cssPixels;
  const capped = (attrValue: string | undefined, css: string | undefined, max: string | undefined, horizontal: boolean): number | undefined => {
    const fromCss = cssLength(css, basis, horizontal);
    const value = fromCss === undefined ? attr(attrValue) : (fromCss ?? undefined);
    const cap = cssLength(max, basis, horizontal);
    if (typeof cap === 'number') return value === undefined ? cap : Math.min(value, cap);
    // A cap in %, em or calc() is known only to layout (max-width:100% of the container): the
    // size is then unknown, except that a cap never enlarges, so a size already tiny stays tiny.
    if (cap === null && value !== undefined && value > TINY) return undefined;
    return value;
  };
  // min-width/min-height win over width and max-width (CSS 2.1 10.4): a 1x1 image with
  // min-width:40px is 40 px wide. A minimum known only to layout (50%, auto) leaves a size that
  // is not tiny as it is, and a tiny one unknown, as it may enlarge it (auto, its initial value, never does).
  const pick = (attrValue: string | undefined, css: string | undefined, max: string | undefined, min: string | undefined, horizontal: boolean): number | undefined => {
    const value = capped(attrValue, css, max, horizontal);
    if (min === undefined) return value;
    const floor = cssLength(min, basis, horizontal);
    if (typeof floor === 'number') return value === undefined ? undefined : Math.max(value, floor);
    if (floor === null && value !== undefined && value <= TINY && min.trim().toLowerCase() !== 'auto') return undefined;
    return value;
  };
  const scaled = (px: number | undefined, by: number): number | undefined => (px === undefined || by === 1 ? px : layoutUnits(px * by));
  // Size containment takes an image's natural size away: with no width or height anywhere it is 0 x 0.
  if (style?.has('contain') && el.name === 'img' && sizeContained(style.get('contain')) && el.attrs.width === undefined && el.attrs.height === undefined && !style.has('width') && !style.has('height')) return { width: 0, height: 0 };
  let width = pick(el.attrs.width, style?.get('width'), style?.get('max-width'), style?.get('min-width'), true);
  let height = pick(el.attrs.height, style?.get('height'), style?.get('max-height'), style?.get('min-height'), false);
  // aspect-ratio gives the side left auto from the other (`width:600px; aspect-ratio:600/1` is
  // 1 px tall). With `auto` an image keeps its natural ratio, which only the image file knows.
  if (style?.has('aspect-ratio') && (width === undefined) !== (height === undefined) && !hasSize(el.attrs.width, style.get('width')) !== !hasSize(el.attrs.height, style.get('height'))) {
    const ratio = ratioOf(style.get('aspect-ratio'));
    if (ratio !== undefined) {
      if (width === undefined && height !== undefined) width = layoutUnits(height * ratio);
      else if (width !== undefined) height = layoutUnits(width / ratio);
    }
  }
  return { width: scaled(width, scale.x), height: scaled(height, scale.y) };
}

/** Whether a side is set by CSS or the attribute (not auto): aspect-ratio then does not size it. */
function hasSize(attrValue: string | undefined, css: string | undefined): boolean {
  if (css !== undefined) return css.trim().toLowerCase() !== 'auto';
  return attrValue !== undefined;
}

/** An `aspect-ratio` of `<number> [/ <number>]` as width over height; undefined for auto (or `auto` with a ratio), degenerate or other values. */
function ratioOf(value: string | undefined): number | undefined {
  const m = value === undefined ? null : RATIO.exec(value);
  if (!m) return undefined;
  const ratio = Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2]));
  return Number.isFinite(ratio) && ratio > 0 ? ratio : undefined;
}
// (Linear: each number's digits are taken by one quantifier only.)
const RATIO = /^\s*((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?)\s*(?:\/\s*((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?)\s*)?$/i;

// A length with a unit other than px/pt, a percentage, or a keyword or function: a valid value
// that overrides the attribute but gives no pixel size. (Linear: no two quantifiers can trade characters.)
const OTHER_LENGTH = /^[+-]?[0-9.]+(?:e[+-]?[0-9]+)?(?:%|[a-z]+)$/i;
const KEYWORD = /^(?:auto|inherit|initial|unset|revert|revert-layer|min-content|max-content|fit-content|stretch|-webkit-fill-available|-moz-available)$/i;
const FUNCTION = /^(?:calc|-webkit-calc|min|max|clamp|var|env|fit-content)\(/i;

/**
 * A CSS width or height: pixels (em, rem and math functions computed, see css-length.ts), null
 * when valid but known only to layout (auto, 50%, 2ex), undefined when absent or invalid
 * (dropped by the parser).
 */
function cssLength(value: string | undefined, basis: LengthBasis, horizontal: boolean): number | null | undefined {
  if (value === undefined) return undefined;
  const px = cssPixels(value);
  // A negative width is invalid CSS, dropped as if absent.
  if (px !== undefined) return px < 0 ? undefined : px;
  const v = value.trim();
  if (KEYWORD.test(v)) return null;
  if (OTHER_LENGTH.test(v)) {
    // `100%`, `auto` and the like are most of mail's sizes: only em and rem are computed here.
    let at = v.length;
    while (at > 0 && !/[0-9.]/.test(v[at - 1])) at--;
    const unit = v.slice(at).toLowerCase();
    if (unit !== 'em' && unit !== 'rem') return Number.parseFloat(v) === 0 ? 0 : null;
  } else if (!FUNCTION.test(v)) return undefined;
  return sizeOf(v, basis, horizontal);
}

/** A size property's value in px (math results clamped at 0, as a size cannot be negative), or null when only layout knows it. */
function sizeOf(value: string, basis: LengthBasis, horizontal: boolean): number | null {
  const px = resolveLength(value, horizontal === basis.percentDefinite ? basis : { ...basis, percentDefinite: horizontal });
  if (typeof px !== 'number') return null;
  return cssPixels(value) === px ? Math.max(0, px) : layoutUnits(Math.max(0, px));
}

const MEDIUM_PX = 16;
/** For callers without a walk: em and rem at the initial font size. */
const PLAIN: LengthBasis = { em: () => MEDIUM_PX, rem: () => MEDIUM_PX, percentDefinite: true };
const UNIT: BoxScale = { x: 1, y: 1, collapsed: false };

/**
 * An opacity that paints nothing, as a number, a percentage or a math function: Chromium draws
 * with an 8-bit alpha, round(opacity x 255), so below 1/510 nothing is painted whatever the
 * image's colours (the painted-pixels oracle: 0.0019 and 0.1% paint nothing, 0.002 paints).
 * Negative values clamp to 0.
 */
function opacityHides(value: string): boolean {
  const n = opacityOf(value);
  return n !== undefined && n < PAINTS_NOTHING_BELOW;
}

/** An `opacity` value as a number (negative clamps to 0), or undefined when it is none. */
function opacityOf(value: string): number | undefined {
  const v = value.trim();
  if (/^[+-]?[0-9.]/.test(v)) {
    const n = Number.parseFloat(v);
    return Number.isNaN(n) ? undefined : Math.max(0, v.endsWith('%') ? n / 100 : n);
  }
  const px = resolveLength(v.replace(/%/g, 'e-2'), PLAIN);
  return typeof px === 'number' ? Math.max(0, px) : undefined;
}

/**
 * What the element's own `opacity` and the `opacity()` of its `filter` multiply its content's
 * alpha by (1 when neither is set; at most 1 each). Nested group opacities multiply: two boxes
 * at 0.04 paint at 0.0016, nothing (issue 10, third review; visibility-review-p5.ts), which the
 * walk judges from the product over the ancestors (document-walk.ts).
 */
export function ownOpacity(el: TreeElement, style: ReadonlyMap<string, string> | undefined): number {
  const value = style?.get('opacity') ?? presentation(el, 'opacity');
  const own = value === undefined ? 1 : Math.min(1, opacityOf(value) ?? 1);
  const filter = style?.get('filter');
  return filter === undefined ? own : own * filterOpacity(filter);
}

// HTML elements for which display:contents computes to display:none (CSS Display 3, appendix B).
const CONTENTS_IS_NONE = new Set(['img', 'input', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas', 'select', 'textarea', 'frame', 'frameset', 'meter', 'progress', 'br', 'wbr']);

// HTML elements whose box is inline by default (a transform or content-visibility does not apply
// to a non-replaced inline box); replaced ones (img, input, video...) are transformable.
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/**
 * Whether the element's box is one transforms and containment apply to: not `display:contents`,
 * not a non-replaced inline box (a span, unless CSS makes it a block).
 */
export function hasBox(el: TreeElement, display: string | undefined): boolean {
  if (display === 'contents') return false;
  const inlineByDefault = el.namespace === 'html' && INLINE.has(el.name);
  if (display === undefined || WIDE.has(display)) return !inlineByDefault;
  if (display === 'inline' || display === 'inline flow' || display === 'ruby') return el.namespace === 'html' && REPLACED.has(el.name);
  return true;
}
const WIDE = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);
const REPLACED = new Set(['img', 'input', 'video', 'iframe', 'object', 'embed', 'canvas', 'audio', 'select', 'textarea', 'button']);

/** The scale the element's own transform, `scale` and `zoom` put on its box (1 when none). */
export function ownScale(style: ReadonlyMap<string, string> | undefined, boxed = true): BoxScale | undefined {
  if (!style) return undefined;
  const t = boxed && style.has('transform') ? transformScale(style.get('transform')) : undefined;
  const s = boxed && style.has('scale') ? scaleProperty(style.get('scale')) : undefined;
  const z = style.has('zoom') ? zoomOf(style.get('zoom')) : undefined;
  if (!t && !s && z === undefined) return undefined;
  const zoom = z ?? 1;
  const x = (t?.x ?? 1) * (s?.x ?? 1) * zoom;
  const y = (t?.y ?? 1) * (s?.y ?? 1) * zoom;
  return { x, y, collapsed: (t?.collapsed ?? false) || (s?.collapsed ?? false) };
}

/** How far the element's `translate` and a translation-only `transform` move its box (undefined when neither says). */
function ownShift(style: ReadonlyMap<string, string>, size: () => Size): Shift | undefined {
  const transform = style.get('transform');
  const translate = style.get('translate');
  // A shift in % is of the box's own size: read only then (the declared size, when the markup sets one).
  const box = transform?.includes('%') || translate?.includes('%') ? size() : undefined;
  const t = transform !== undefined ? transformShift(transform, box) : undefined;
  const p = translate !== undefined ? translateProperty(translate, box) : undefined;
  if (!t && !p) return undefined;
  return { x: (t?.x ?? 0) + (p?.x ?? 0), y: (t?.y ?? 0) + (p?.y ?? 0) };
}

/** `zoom` as a factor: a number or percentage; 0 and `normal` are 1 (as Chromium treats them), negative is invalid. */
function zoomOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const pct = v.endsWith('%');
  const n = cssPixels(pct ? v.slice(0, -1) : v);
  if (n === undefined || n < 0 || /[a-z]/i.test(v)) return undefined;
  const factor = pct ? n / 100 : n;
  return factor === 0 ? 1 : factor;
}

export function tinyBySize(size: Size): Hidden | undefined {
  const { width, height } = size;
  if ((width !== undefined && width <= TINY) || (height !== undefined && height <= TINY)) {
    const parts = [width !== undefined ? `width ${width}` : '', height !== undefined ? `height ${height}` : ''].filter(Boolean);
    return { by: 'tiny', detail: parts.join(', ') };
  }
  return undefined;
}
