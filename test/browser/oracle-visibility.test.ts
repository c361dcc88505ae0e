import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBILITY_CASES } from './cases/index.js';
import { verdicts } from './compare-visibility.js';
import { mapLimit } from './load-all.js';
import { fill, Oracle, skipReason, type Loaded } from './oracle-browser.js';
import { listedImages } from './pixelaudit-lists.js';
import { paintedPixels } from './painted-pixels.js';
import { renderedImages, type RenderedImage } from './rendered-images.js';

const PARALLEL = 4;

async function withPainted(page: Page): Promise<RenderedImage[]> {
  const images = await renderedImages(page);
  const painted = await paintedPixels(page, images);
  return images.map((image, i) => ({ ...image, painted: painted[i] }));
}
// ORACLE_ONLY=text runs only the cases whose id contains it (while working on them; CI runs all).
const VISIBILITY = VISIBILITY_CASES.filter((c) => !process.env.ORACLE_ONLY || c.id.includes(process.env.ORACLE_ONLY));

describe.skipIf(skipReason !== undefined)(`browser oracle: hidden and size verdicts as Chromium renders them${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let oracle: Oracle;
  const results = new Map<string, Loaded<RenderedImage[]> | Error>();
  const loaded = (id: string): Loaded<RenderedImage[]> => {
    const r = results.get(id);
    if (r instanceof Error) throw r;
    if (!r) throw new Error(`case ${id} was not loaded`);
    return r;
  };

  beforeAll(async () => {
    oracle = await Oracle.launch();
    await mapLimit(VISIBILITY, PARALLEL, async (c) => {
      results.set(c.id, await oracle.load(c.html, { inspect: c.painted ? withPainted : renderedImages }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    });
  }, 600_000);

  afterAll(async () => {
    await oracle?.close();
  });

  for (const c of VISIBILITY) {
    it(`${c.id}: pixelaudit's hidden and size verdicts are Chromium's`, () => {
      const l = loaded(c.id);
      expect(l.inspected?.length, 'Chromium found the images').toBeGreaterThan(0);
      const v = verdicts(l.inspected ?? [], listedImages(fill(c.html, l.origins)), c.declared);
      expect(v.pixelaudit, c.why).toEqual(v.chromium);
    });
  }

  it('no request reached the guard proxy', () => {
    expect(oracle.guard.escaped).toEqual([]);
  });
});
