import type { HiddenBy } from '../types.js';
import { cssPixels } from './css.js';

export interface Hidden {
  by: HiddenBy;
  detail: string;
}

const TINY = 3;
const OFF_SCREEN = -100;
// `overflow` values that clip both axes (one value sets both; CSS values are normalised, see css-declarations.ts).
const CLIPS = new Set(['hidden', 'clip', 'hidden hidden', 'clip clip', 'hidden clip', 'clip hidden']);

/** Why an element hides itself and everything inside it, or undefined. */
export function hiddenByElement(name: string, attribs: Record<string, string>, style: Map<string, string> | undefined): Hidden | undefined {
  if ('hidden' in attribs) return { by: 'hidden-attribute', detail: `<${name} hidden>` };
  if (!style) return undefined;
  const display = style.get('display');
  if (display === 'none') return { by: 'display-none', detail: `<${name}> display:none` };
  const visibility = style.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return { by: 'visibility-hidden', detail: `<${name}> visibility:${visibility}` };
  const opacity = style.get('opacity');
  if (opacity !== undefined && Number.parseFloat(opacity) === 0) return { by: 'opacity-zero', detail: `<${name}> opacity:0` };
  if (style.get('mso-hide') === 'all') return { by: 'mso-hide', detail: `<${name}> mso-hide:all` };
  const position = style.get('position');
  if (position === 'absolute' || position === 'fixed') {
    for (const side of ['left', 'top', 'right', 'bottom']) {
      const px = cssPixels(style.get(side));
      if (px !== undefined && px <= OFF_SCREEN) return { by: 'off-screen', detail: `<${name}> position:${position}; ${side}:${px}px` };
    }
  }
  for (const side of ['margin-left', 'margin-top', 'text-indent']) {
    const px = cssPixels(style.get(side));
    if (px !== undefined && px <= -1000) return { by: 'off-screen', detail: `<${name}> ${side}:${px}px` };
  }
  if (name !== 'img' && CLIPS.has(style.get('overflow') ?? '')) {
    for (const prop of ['height', 'max-height', 'width', 'max-width']) {
      if (cssPixels(style.get(prop)) === 0) return { by: 'zero-height-wrapper', detail: `<${name}> ${prop}:0; overflow:hidden` };
    }
  }
  return undefined;
}

export interface Size {
  width?: number;
  height?: number;
}

/** Declared size of an image: the smallest of its attributes and its CSS width/max-width. */
export function declaredSize(attribs: Record<string, string>, style: Map<string, string> | undefined): Size {
  const pick = (attr: string | undefined, css: string | undefined, max: string | undefined): number | undefined => {
    const values = [attr, css, max].map((v) => cssPixels(v)).filter((v): v is number => v !== undefined);
    return values.length ? Math.min(...values) : undefined;
  };
  return {
    width: pick(attribs.width, style?.get('width'), style?.get('max-width')),
    height: pick(attribs.height, style?.get('height'), style?.get('max-height')),
  };
}

export function tinyBySize(size: Size): Hidden | undefined {
  const { width, height } = size;
  if ((width !== undefined && width <= TINY) || (height !== undefined && height <= TINY)) {
    const parts = [width !== undefined ? `width ${width}` : '', height !== undefined ? `height ${height}` : ''].filter(Boolean);
    return { by: 'tiny', detail: parts.join(', ') };
  }
  return undefined;
}
