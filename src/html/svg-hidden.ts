import { cssPixels } from './css.js';
import type { ElementContext } from './element-context.js';
import type { Hidden } from './visibility.js';

// SVG elements that draw their element children (text content draws only its own kind, a switch only its first).
const DRAWS_CHILDREN = new Set(['svg', 'g', 'a', 'foreignObject', 'switch', 'text', 'tspan', 'textPath']);
// Never drawn, but what they hold is painted where a reference puts it: `<use href="#id">` (defs,
// symbol), `fill="url(#p)"` (pattern), `marker-end` (marker), `filter` (its feImage).
const DRAWN_BY_REFERENCE = new Set(['defs', 'symbol', 'pattern', 'marker', 'filter']);
const TEXT_CONTENT = new Set(['tspan', 'textPath', 'a']);
// Animations change their parent (an `<image>`'s href): they are judged as it is.
const ANIMATIONS = new Set(['set', 'animate', 'animateMotion', 'animateTransform', 'discard']);
// A reference by fragment that could paint a container's content: a `<use>`, or `url(#...)` (written before or after).
export const SVG_REFERENCE = /<use[\s/>]|url\(\s*(?:['"]\s*)?#/i;

/**
 * What SVG's rendering model leaves undrawn (each proven in Chromium 150,
 * test/browser/cases/visibility-svg.ts), for an element and its content:
 * - a child of an SVG element that draws no children: `title`, `desc`, `metadata` (whose HTML
 *   content, an integration point, is never shown), `mask`, `clipPath` (their content is a
 *   mask, not seen), gradients, shapes, `image`, `use`, unknown elements; a child of `text` that
 *   is not text content; a child of `switch` after the first (when no earlier one has a
 *   condition that may fail); an animation (`<set>`, `<animate>`) is judged as its parent;
 * - a child of `defs`, `symbol`, `pattern`, `marker`, `filter`: a `foreignObject` always (a
 *   `<use>` never copies HTML), any other only when nothing in the document refers to an element
 *   by fragment (no `<use>`, no `url(#`): a reference paints SVG content where it stands, which
 *   pixelaudit does not resolve, so it judges the content as it is;
 * - what an `svg` or a `foreignObject` holds outside its box: both clip (overflow:hidden in the
 *   browser's style sheet, unless the author's overflow is visible); a `foreignObject` without
 *   a width or height is 0 px on that side, an `svg` of 0 hides, one of 1 to 3 px shows a strip.
 *   A `viewBox` that scales the content down is not read.
 */
export function hiddenBySvg(ctx: ElementContext, style: ReadonlyMap<string, string> | undefined, referenced: () => boolean): Hidden | undefined {
  const el = ctx.el;
  const parent = ctx.parent?.el;
  if (parent?.namespace === 'svg' && !(el.namespace === 'svg' && ANIMATIONS.has(el.name))) {
    const p = parent.name;
    if (DRAWN_BY_REFERENCE.has(p)) {
      if (el.name === 'foreignObject' || el.namespace !== 'svg' || !referenced()) return { by: 'not-rendered', detail: `content of an SVG <${p}>, drawn only where referenced${el.name === 'foreignObject' ? ' (never its HTML)' : ''}` };
    } else if (!DRAWS_CHILDREN.has(p)) return { by: 'not-rendered', detail: `content of an SVG <${p}>` };
    else if ((p === 'text' || p === 'tspan' || p === 'textPath') && !(el.namespace === 'svg' && TEXT_CONTENT.has(el.name))) return { by: 'not-rendered', detail: `<${el.name}> inside SVG <${p}>: not text content` };
    else if (p === 'switch' && ctx.index > 1 && !conditionBefore(ctx)) return { by: 'not-rendered', detail: 'a child of an SVG <switch> after the first' };
  }
  if (el.namespace !== 'svg' || (el.name !== 'svg' && el.name !== 'foreignObject')) return undefined;
  if (style?.get('overflow') === 'visible') return undefined;
  for (const side of ['width', 'height'] as const) {
    const written = style?.get(side) ?? el.attrs[side];
    const px = written === undefined ? (el.name === 'foreignObject' ? 0 : undefined) : cssPixels(written);
    if (px === undefined) continue;
    if (px <= 0) return { by: 'zero-height-wrapper', detail: `SVG <${el.name}> ${side} ${written ?? 'absent'}: clips what it holds` };
    if (px <= 3) return { by: 'tiny', detail: `SVG <${el.name}> ${side} ${written}: a strip of ${px} px` };
  }
  return undefined;
}

/** Whether an earlier child of the switch has a condition that may fail (then which child is drawn is not known here). */
function conditionBefore(ctx: ElementContext): boolean {
  for (let c = ctx.previous; c; c = c.previous) {
    const a = c.el.attrs;
    if (a.systemLanguage !== undefined || a.requiredExtensions !== undefined || a.requiredFeatures !== undefined) return true;
  }
  return false;
}
