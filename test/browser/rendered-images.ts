/// <reference lib="dom" />
// The function below runs inside the page (page.evaluate), so it is typed against the DOM.
import type { Page } from 'playwright-core';

/** What Chromium computes for one <img> or <input type=image> of the page. */
export interface RenderedImage {
  url: string;
  /** Laid out (has a box): its size below is the used size. */
  rendered: boolean;
  /** Not seen: checkVisibility() with opacity and visibility false, clipped away by an ancestor, or entirely off the page's top or left. */
  hidden: boolean;
  /** Used content-box size in CSS pixels (getComputedStyle, which gives the used value for a rendered element). */
  width: number;
  height: number;
}

/**
 * Reads every image of the main document. page.evaluate runs in the page even with its scripts
 * disabled (the harness test checks). Clipping: an ancestor whose overflow is not visible cuts
 * the image's box to its own padding box; an image whose box survives with no area is hidden,
 * while an image that has no area to begin with is tiny, not hidden.
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
      let { left, top, right, bottom } = box;
      const hasArea = right > left && bottom > top;
      for (let a = el.parentElement; a && hasArea; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const r = a.getBoundingClientRect();
        left = Math.max(left, r.left + a.clientLeft);
        top = Math.max(top, r.top + a.clientTop);
        right = Math.min(right, r.left + a.clientLeft + a.clientWidth);
        bottom = Math.min(bottom, r.top + a.clientTop + a.clientHeight);
      }
      const clippedAway = hasArea && (right <= left || bottom <= top);
      const offPage = rendered && (box.right + scrollX <= 0 || box.bottom + scrollY <= 0);
      const visible = el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      out.push({
        url,
        rendered,
        hidden: !visible || clippedAway || offPage,
        width: Number.parseFloat(style.width),
        height: Number.parseFloat(style.height),
      });
    }
    return out;
  });
}
