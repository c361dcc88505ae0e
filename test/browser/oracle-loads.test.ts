import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractResources } from '../../src/html/extract-resources.js';
import { CASES as ALL_CASES } from './cases/index.js';
import { agrees, checkOracle, compareListed, type Listed } from './compare.js';
import { mapLimit } from './load-all.js';
import { fill, Oracle, skipReason, type Loaded } from './oracle-browser.js';
import { extractorLists, scanLists } from './pixelaudit-lists.js';

// Pages at a time: a load is mostly waiting for the network to go quiet.
const PARALLEL = 4;
// ORACLE_ONLY=text runs only the cases whose id contains it (while working on them; CI runs all).
const CASES = ALL_CASES.filter((c) => !process.env.ORACLE_ONLY || c.id.includes(process.env.ORACLE_ONLY));

describe.skipIf(skipReason !== undefined)(`browser oracle: pixelaudit lists what Chromium loads${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let oracle: Oracle;
  const results = new Map<string, Loaded<undefined> | Error>();
  // A load that failed fails its own case, not the whole file.
  const loaded = (id: string): Loaded<undefined> => {
    const r = results.get(id);
    if (r instanceof Error) throw r;
    if (!r) throw new Error(`case ${id} was not loaded`);
    return r;
  };

  beforeAll(async () => {
    oracle = await Oracle.launch();
    await mapLimit(CASES, PARALLEL, async (c) => {
      results.set(c.id, await oracle.load(c.html).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    });
  }, 600_000);

  afterAll(async () => {
    await oracle?.close();
  });

  for (const c of CASES) {
    const expected = (l: Loaded<undefined>) => ({
      loads: c.loads.map((u) => fill(u, l.origins)),
      mayLoad: (c.mayLoad ?? []).map((u) => fill(u, l.origins)),
      pageRelative: (c.pageRelative ?? []).map((u) => fill(u, l.origins)),
      blocked: (c.blocked ?? []).map((u) => fill(u, l.origins)),
      navigates: (c.navigates ?? []).map((u) => fill(u, l.origins)),
      knownMissed: (c.knownMissed ?? []).map((u) => fill(u, l.origins)),
    });
    const check = (l: Loaded<undefined>, listed: Listed) => {
      const e = expected(l);
      const diff = compareListed([...l.requested, ...l.blocked], listed, e.mayLoad, e.navigates, l.pageUrl);
      expect(diff, c.why).toEqual({ loads: { missing: [...e.knownMissed].sort(), missingOptional: [], extra: [] }, notLoadedMissing: [], notLoadedExtra: [] });
      expect(agrees(diff.loads)).toBe(e.knownMissed.length === 0);
    };

    it(`${c.id}: Chromium requests what the case says`, () => {
      const l = loaded(c.id);
      const e = expected(l);
      expect(checkOracle(l.requested, [...e.loads, ...e.navigates, ...e.knownMissed], e.mayLoad, e.pageRelative)).toEqual({ notRequested: [], unexpected: [] });
      expect(l.blocked).toEqual(e.blocked);
    });

    it(`${c.id}: the extractor lists what Chromium loads`, () => {
      const l = loaded(c.id);
      const html = fill(c.html, l.origins);
      check(l, extractorLists(html));
    });

    if (c.listedMay || c.listedMust) {
      it(`${c.id}: the extractor says which of them only may load`, () => {
        const l = loaded(c.id);
        const load = new Map(extractResources(fill(c.html, l.origins)).resources.map((r) => [r.url, r.load]));
        for (const u of c.listedMay ?? []) expect(load.get(fill(u, l.origins)), u).toBe('may');
        for (const u of c.listedMust ?? []) expect(load.get(fill(u, l.origins)), u).toBe('must');
      });
    }

    it(`${c.id}: a scan of the message lists what Chromium loads`, async () => {
      const l = loaded(c.id);
      const html = fill(c.html, l.origins);
      check(l, await scanLists(html));
    });
  }

  it('no request reached the guard proxy during the whole run (Chromium contacted nothing beyond loopback)', () => {
    expect(oracle.guard.escaped).toEqual([]);
  });
});
