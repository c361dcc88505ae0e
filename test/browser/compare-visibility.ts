import type { RenderedImage } from './rendered-images.js';

/** pixelaudit's verdict on one image resource. */
export interface ListedImage {
  url: string;
  /** hiddenBy set to anything but tiny. */
  hidden: boolean;
  /** hiddenBy is tiny. */
  tiny: boolean;
  width?: number;
  height?: number;
}

/** One image as both sides must agree on it. */
export interface ImageVerdict {
  url: string;
  hidden: boolean;
  /** Only for an image both call visible. */
  tiny?: boolean;
  width?: number;
  height?: number;
}

/** The largest side, in CSS pixels, at which an image counts as tiny (src/html/visibility.ts). */
export const TINY = 3;
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The verdicts each side gives, in the same shape, so that one toEqual shows every difference.
 * A size is compared where Chromium lays the image out and either the case says the markup sets
 * it or pixelaudit reports one; tiny only where both call the image visible (a hidden image's
 * reason is hidden, not tiny).
 */
export function verdicts(chromium: readonly RenderedImage[], listed: readonly ListedImage[], declared: ReadonlyArray<'width' | 'height'> = []): { chromium: ImageVerdict[]; pixelaudit: ImageVerdict[] } {
  const byUrl = new Map(listed.map((l) => [l.url, l]));
  const rendered = new Map(chromium.map((c) => [c.url, c]));
  const urls = [...new Set([...rendered.keys(), ...byUrl.keys()])].sort();
  const a: ImageVerdict[] = [];
  const b: ImageVerdict[] = [];
  for (const url of urls) {
    const c = rendered.get(url);
    const p = byUrl.get(url);
    // Laid out with area but painting nothing (filter: opacity(0)) is hidden; a box with no area is tiny, as before.
    const paintsNothing = c?.painted === null && c.rendered && c.width > 0 && c.height > 0;
    const left: ImageVerdict = { url, hidden: (c?.hidden ?? false) || paintsNothing };
    const right: ImageVerdict = { url, hidden: p?.hidden ?? false };
    if (!c || !p) {
      // One side has no such image: the resource comparison names that; here it shows as a lone entry.
      (c ? a : b).push(c ? left : right);
      continue;
    }
    for (const dim of ['width', 'height'] as const) {
      if (!c.rendered || (!declared.includes(dim) && p[dim] === undefined)) continue;
      left[dim] = round(c[dim]);
      right[dim] = p[dim] === undefined ? undefined : round(p[dim]);
    }
    if (!left.hidden && !p.hidden) {
      left.tiny = c.rendered && (c.width <= TINY || c.height <= TINY || (c.painted != null && (c.painted.width <= TINY || c.painted.height <= TINY)));
      right.tiny = p.tiny;
    }
    a.push(left);
    b.push(right);
  }
  return { chromium: a, pixelaudit: b };
}
