/** Which axes of a box clip what overflows it. */
export interface Clipped {
  x: boolean;
  y: boolean;
}

// Values that make a scroll container (CSS Overflow 3): it clips both axes, and a `visible` on
// the other axis computes to `auto`. `clip` clips its own axis only.
const SCROLLER = new Set(['hidden', 'scroll', 'auto', 'overlay']);
const CLIPS = new Set([...SCROLLER, 'clip']);

/**
 * Which axes the element's `overflow` (one or two values), `overflow-x`/`overflow-y` (a longhand
 * is taken over the shorthand whatever their order: an approximation) and paint containment clip;
 * undefined when none does. A 0 px tall box with `overflow:auto` shows nothing, as with hidden.
 */
export function clippedAxes(style: ReadonlyMap<string, string>): Clipped | undefined {
  const both = style.get('overflow')?.split(' ');
  const x = style.get('overflow-x') ?? both?.[0];
  const y = style.get('overflow-y') ?? both?.[1] ?? both?.[0];
  const painted = paintContained(style.get('contain'));
  if (!painted && (x === undefined || !CLIPS.has(x)) && (y === undefined || !CLIPS.has(y))) return undefined;
  const scroller = (x !== undefined && SCROLLER.has(x)) || (y !== undefined && SCROLLER.has(y));
  return { x: painted || scroller || x === 'clip', y: painted || scroller || y === 'clip' };
}

/** `contain` keywords (CSS Containment 2): `strict` is size, layout, paint and style; `content` is layout, paint and style. */
function containWords(value: string | undefined): string[] {
  if (value === undefined) return [];
  const words = value.toLowerCase().split(' ');
  return words.flatMap((w) => (w === 'strict' ? ['size', 'paint'] : w === 'content' ? ['paint'] : [w]));
}

/** Paint containment clips the box's content to its padding box, as `overflow: clip` on both axes. */
export function paintContained(value: string | undefined): boolean {
  return containWords(value).includes('paint');
}

/** Size containment: the box is sized as if it had no content (0 px tall when its height is auto; an image has no natural size). */
export function sizeContained(value: string | undefined): boolean {
  return containWords(value).includes('size');
}
