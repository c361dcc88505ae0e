/// <reference lib="dom" />
// The functions given to page.evaluate run inside the page, so they are typed against the DOM.
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { RenderedImage } from './rendered-images.js';

/** The part of an image Chromium actually paints: the bounding box of its pixels that are not the page's white. */
export interface Painted {
  width: number;
  height: number;
}

/**
 * Counts what Chromium paints of each image, for what layout and checkVisibility() cannot see:
 * `filter: opacity(0)` paints nothing, a 1px `overflow:hidden` wrapper leaves a 1px strip,
 * `filter: brightness(0)` paints black (seen). Each image is shot alone (the page's other
 * images get `visibility:hidden`, which changes no layout) over its bounding box within the
 * page, and the box of its pixels that are not white is measured. The fixture PNG is grey
 * (0x80), so any filter short of invisibility leaves pixels that are not white; the cases that
 * ask for this keep the page's white background. `null`: nothing painted.
 */
export async function paintedPixels(page: Page, images: readonly RenderedImage[]): Promise<Array<Painted | null>> {
  const out: Array<Painted | null> = [];
  for (let i = 0; i < images.length; i++) {
    const box = await page.evaluate((index) => {
      const all = Array.from(document.querySelectorAll('img, input')).filter((el) => !(el instanceof HTMLInputElement) || el.type === 'image') as HTMLElement[];
      all.forEach((el, j) => {
        if (j === index) return;
        // Kept to be put back: a case's own inline visibility must hold for the next shot.
        el.dataset.paintedVisibility = `${el.style.getPropertyValue('visibility')}|${el.style.getPropertyPriority('visibility')}`;
        el.style.setProperty('visibility', 'hidden', 'important');
      });
      const r = all[index].getBoundingClientRect();
      const left = Math.max(0, Math.floor(r.left + scrollX));
      const top = Math.max(0, Math.floor(r.top + scrollY));
      return { x: left, y: top, width: Math.ceil(r.right + scrollX) - left, height: Math.ceil(r.bottom + scrollY) - top };
    }, i);
    const shot = box.width > 0 && box.height > 0 ? await page.screenshot({ fullPage: true, clip: box, animations: 'disabled', caret: 'hide' }) : undefined;
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-painted-visibility]'))) {
        const [value, priority] = (el.dataset.paintedVisibility ?? '|').split('|');
        el.style.removeProperty('visibility');
        if (value) el.style.setProperty('visibility', value, priority);
        delete el.dataset.paintedVisibility;
      }
    });
    if (!shot) {
      out.push(null);
      continue;
    }
    const png = PNG.sync.read(shot);
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
    for (let y = 0; y < png.height; y++)
      for (let x = 0; x < png.width; x++) {
        const p = (y * png.width + x) * 4;
        if (png.data[p] === 255 && png.data[p + 1] === 255 && png.data[p + 2] === 255) continue;
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    out.push(maxX < 0 ? null : { width: maxX - minX + 1, height: maxY - minY + 1 });
  }
  return out;
}
