/// <reference lib="dom" />
// The function below runs inside the page (page.evaluate), so it is typed against the DOM.
import type { Page } from 'playwright-core';
import type { Painted } from './painted-pixels.js';

/** What Chromium computes for one <img> or <input type=image> of the page. */
export interface RenderedImage {
  url: string;
  /** Laid out (has a box): its size below is the used size. */
  rendered: boolean;
  /**
   * Not seen: checkVisibility() with opacity and visibility false, clipped away by an ancestor,
   * entirely off the page's top or left, collapsed to no area by a transform, clipped to nothing
   * by `clip-path` or `clip`, or its own content skipped (`content-visibility: hidden`).
   */
  hidden: boolean;
  /**
   * Used content-box size in CSS pixels as seen: getComputedStyle's used value, times the scale
   * that ancestors' `zoom` and transforms put on the box (the bounding box over the layout box).
   */
  width: number;
  height: number;
  /** What it paints (see painted-pixels.ts), when the case asks: null for nothing. */
  painted?: Painted | null;
}

/**
 * Reads every image of the main document. page.evaluate runs in the page even with its scripts
 * disabled (the harness test checks). Clipping: an ancestor whose overflow is not visible cuts
 * the image's box to its own padding box; an image whose box survives with no area is hidden,
 * while an image that has no area to begin with is tiny, not hidden. A layout box with area
 * whose transformed box has none (`scale(0)`, `rotateX(90deg)`) is hidden. `clip-path` and
 * `clip` are judged by hit testing: where the image or an ancestor sets one, the image is
 * hidden when no point of a 5x5 grid over its box hits it (hit testing follows the clip).
 */
export function renderedImages(page: Page): Promise<RenderedImage[]> {
  return page.evaluate(() => {
    const out: RenderedImage[] = [];
    for (const el of Array.from(document.querySelectorAll('img, input'))) {
      if (el instanceof HTMLInputElement && el.type !== 'image') continue;
      const url = el instanceof HTMLImageElement ? el.currentSrc || el.src : (el as HTMLInputElement).src;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const rendered = el.getClientRects().length > 0;
      const html = el as HTMLElement;
      let { left, top, right, bottom } = box;
      const hasArea = right > left && bottom > top;
      const laidOutArea = html.offsetWidth > 0 && html.offsetHeight > 0;
      let clipped = false;
      for (let a: Element | null = el; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        // `clip` is deprecated, and that is what a tracker may still use: Chromium applies it.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        if (s.clipPath !== 'none' || (s.clip !== 'auto' && s.clip !== '')) clipped = true;
        // overflow applies to block containers only: an inline ancestor (an object showing its fallback) clips nothing.
        if (a === el || (s.overflowX === 'visible' && s.overflowY === 'visible') || s.display === 'inline' || s.display === 'contents' || !hasArea) continue;
        const r = a.getBoundingClientRect();
        left = Math.max(left, r.left + a.clientLeft);
        top = Math.max(top, r.top + a.clientTop);
        right = Math.min(right, r.left + a.clientLeft + a.clientWidth);
        bottom = Math.min(bottom, r.top + a.clientTop + a.clientHeight);
      }
      const clippedAway = hasArea && (right <= left || bottom <= top);
      let clippedToNothing = false;
      if (clipped && hasArea) {
        clippedToNothing = true;
        for (let i = 0; i < 5 && clippedToNothing; i++)
          for (let j = 0; j < 5; j++) {
            const hit = document.elementFromPoint(box.left + ((i + 0.5) * box.width) / 5, box.top + ((j + 0.5) * box.height) / 5);
            if (hit === el) {
              clippedToNothing = false;
              break;
            }
          }
      }
      const collapsed = rendered && laidOutArea && !hasArea;
      const offPage = rendered && (box.right + scrollX <= 0 || box.bottom + scrollY <= 0);
      const visible = el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const skipped = style.contentVisibility === 'hidden';
      // The layout border box (offsetWidth rounds to whole pixels): what the scale is measured on.
      const px = (v: string) => Number.parseFloat(v) || 0;
      const layoutWidth = px(style.width) + px(style.paddingLeft) + px(style.paddingRight) + px(style.borderLeftWidth) + px(style.borderRightWidth);
      const layoutHeight = px(style.height) + px(style.paddingTop) + px(style.paddingBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
      const scaleX = layoutWidth > 0 ? box.width / layoutWidth : 1;
      const scaleY = layoutHeight > 0 ? box.height / layoutHeight : 1;
      out.push({
        url,
        rendered,
        hidden: !visible || clippedAway || offPage || collapsed || clippedToNothing || skipped,
        width: Number.parseFloat(style.width) * scaleX,
        height: Number.parseFloat(style.height) * scaleY,
      });
    }
    return out;
  });
}
