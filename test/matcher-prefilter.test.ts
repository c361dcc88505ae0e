import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, expressionsMatch } from '../src/trackers/compile.js';
import { loadVendors } from '../src/trackers/load.js';
import { TrackerMatcher } from '../src/trackers/matcher.js';
import type { Vendor } from '../src/trackers/schema.js';
import { parseUrl, type UrlParts } from '../src/url/url-parts.js';
import { ROOT } from './helpers.js';

const RANK = { open: 0, beacon: 1, click: 2, asset: 3 } as const;

/**
 * The matcher's answer by its plain definition: the domain patterns of each suffix of the host
 * (longest first), then, unless an open pattern matched, every anyHost pattern in order; the
 * most telling kind wins and an earlier match wins a tie. No index, no prefilter.
 */
function plainMatcher(vendors: Vendor[]): (parts: UrlParts) => string | undefined {
  const all = vendors.flatMap((vendor) => vendor.patterns.map((pattern) => ({ vendor, pattern, host: compileExpression(pattern, 'host'), path: compileExpression(pattern, 'path'), query: compileExpression(pattern, 'query') })));
  return (parts) => {
    let best: (typeof all)[number] | undefined;
    const consider = (c: (typeof all)[number]): void => {
      if (expressionsMatch(c, parts) && (!best || RANK[c.pattern.kind] < RANK[best.pattern.kind])) best = c;
    };
    const labels = parts.host.split('.');
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      for (const c of all) if (c.pattern.domains?.includes(suffix)) consider(c);
    }
    if (!best || best.pattern.kind !== 'open') for (const c of all) if (c.pattern.anyHost) consider(c);
    return best?.pattern.id;
  };
}

// The anyHost patterns are tested in runs, each run only when an alternation of its patterns'
// most telling expressions (a path, or the query of a pattern whose path takes any path) lets
// the URL through (matcher.ts). Whatever the filters, the answer must be the plain one.
describe('the matcher with its anyHost prefilters answers as the plain definition', () => {
  const vendors = loadVendors();
  const full = new TrackerMatcher(vendors);
  const plain = plainMatcher(vendors);
  const examples = vendors.flatMap((v) => v.patterns.flatMap((p) => [...p.examples.match, ...p.examples.noMatch]));
  const negative = readFileSync(path.join(ROOT, 'test', 'data', 'negative-urls.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t#')[0].trim());

  it('on every example and negative URL', () => {
    expect(examples.length).toBeGreaterThan(300);
    for (const url of [...examples, ...negative]) expect(full.match(parseUrl(url))?.pattern.id, url).toBe(plain(parseUrl(url)));
  });

  it('on hosts, paths and queries of different URLs put together, in either case (fixed seed)', () => {
    const parts = [...examples, ...negative].map((u) => parseUrl(u));
    const pick = fc.integer({ min: 0, max: parts.length - 1 });
    const cased = (s: string, how: number): string => (how === 1 ? s.toUpperCase() : how === 2 ? s.toLowerCase() : s);
    let matched = 0;
    fc.assert(
      fc.property(pick, pick, pick, fc.integer({ min: 0, max: 2 }), (h, p, q, how) => {
        const query = cased(parts[q].query, how);
        const url = `https://${parts[h].host}${cased(parts[p].path, how)}${query ? `?${query}` : ''}`;
        const want = plain(parseUrl(url));
        if (want) matched++;
        expect(full.match(parseUrl(url))?.pattern.id, url).toBe(want);
      }),
      { seed: 20261202, numRuns: 10_000 },
    );
    expect(matched).toBeGreaterThan(800);
  });

  it('takes a path that only a case-sensitive lookahead lets through (`^/(?!trk$)` takes /TRK)', () => {
    const vendor: Vendor = {
      id: 'acme',
      name: 'Acme',
      category: 'esp',
      patterns: [{ id: 'acme-click', kind: 'click', anyHost: true, path: '^/(?!trk$)', note: 'test', provenance: [], examples: { match: [], noMatch: [] } }],
    } as unknown as Vendor;
    const alone = new TrackerMatcher([vendor]);
    expect(alone.match(parseUrl('https://x.example/TRK'))?.pattern.id).toBe('acme-click');
    expect(alone.match(parseUrl('https://x.example/trk'))).toBeUndefined();
  });
});
