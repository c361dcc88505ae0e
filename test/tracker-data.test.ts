import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../src/engine/detector.js';
import { loadVendors } from '../src/trackers/load.js';
import { TrackerMatcher } from '../src/trackers/matcher.js';
import type { TrackerPattern } from '../src/trackers/schema.js';
import { parseUrl } from '../src/url/url-parts.js';

const vendors = loadVendors();
// The matcher a scan uses: every vendor, every pattern, the branded CNAME hosts, the real precedence.
const full = createDetector({ redact: false }).matcher;
/** A click pattern speaks of links (a reader clicks them); the others of what a client loads. */
const asOf = (p: TrackerPattern): 'resource' | 'link' => (p.kind === 'click' ? 'link' : 'resource');
const patternIds = new Set(vendors.flatMap((v) => v.patterns.map((p) => p.id)));

/**
 * A domain pattern proves its host, path or query expression only with a noMatch URL that the
 * pattern is asked about: a host inside one of its own domains (a URL on the same registrable
 * domain but outside them, such as business.linkedin.com for ads.linkedin.com, is never looked
 * at). A pattern with whole hosts and no expression has one on the same registrable domain
 * outside them; one that claims whole registrable domains has no such URL to give.
 */
function onDomainProblem(p: TrackerPattern): string | undefined {
  if (!p.domains) return undefined;
  const hosts = p.examples.noMatch.map((u) => parseUrl(u).host);
  if (!p.host && !p.path && !p.query) {
    if (p.domains.every((d) => getDomain(d) === d)) return undefined;
    const registrable = new Set(p.domains.map((d) => getDomain(d)));
    return hosts.some((h) => registrable.has(getDomain(h))) ? undefined : `no noMatch example on ${[...registrable].join(', ')}`;
  }
  const inside = hosts.some((h) => p.domains?.some((d) => h === d || h.endsWith(`.${d}`)));
  return inside ? undefined : `no noMatch example on its own domains ${p.domains.join(', ')}`;
}

describe('tracker data in rules/trackers', () => {
  it('loads and validates', () => {
    expect(vendors.length).toBeGreaterThan(150);
  });

  it('compares hosts case-insensitively, paths and queries as written unless ignoreCase', () => {
    expect(full.match(parseUrl('https://shop.example.com/c/1/summer-collection'))).toBeUndefined();
    expect(full.match(parseUrl('https://news.example.de/c/13/5812L1QV-4160U6X3-YZHP9A'))?.pattern.id).toBe('optimizely-campaign-click');
    const base = { id: 'acme', name: 'Acme', category: 'esp' as const };
    const pattern = { id: 'acme-open', kind: 'open' as const, domains: ['acme.example'], path: '^/Open/', provenance: [], examples: { match: [], noMatch: [] } };
    const exact = new TrackerMatcher([{ ...base, patterns: [pattern] }]);
    expect(exact.match(parseUrl('https://T.ACME.EXAMPLE/Open/x'))?.pattern.id).toBe('acme-open');
    expect(exact.match(parseUrl('https://t.acme.example/open/x'))).toBeUndefined();
    const loose = new TrackerMatcher([{ ...base, patterns: [{ ...pattern, ignoreCase: true }] }]);
    expect(loose.match(parseUrl('https://t.acme.example/OPEN/x'))?.pattern.id).toBe('acme-open');
  });

  for (const vendor of vendors) {
    for (const pattern of vendor.patterns) {
      const alone = new TrackerMatcher([{ ...vendor, patterns: [pattern] }]);
      it(`${pattern.id}: its match examples resolve to it in the full matcher`, () => {
        for (const url of pattern.examples.match) expect(full.match(parseUrl(url), asOf(pattern))?.pattern.id, url).toBe(pattern.id);
      });
      it(`${pattern.id}: its shadowed examples match it and resolve to the declared winner`, () => {
        for (const { url, winner } of pattern.examples.shadowed ?? []) {
          expect(patternIds.has(winner), `winner ${winner}`).toBe(true);
          expect(alone.match(parseUrl(url))?.pattern.id, url).toBe(pattern.id);
          expect(full.match(parseUrl(url), asOf(pattern))?.pattern.id, url).toBe(winner);
        }
      });
      it(`${pattern.id}: does not match its noMatch examples`, () => {
        for (const url of pattern.examples.noMatch) {
          expect(alone.match(parseUrl(url)), url).toBeUndefined();
          for (const as of ['resource', 'link'] as const) expect(full.match(parseUrl(url), as)?.pattern.id, `${as} ${url}`).not.toBe(pattern.id);
        }
      });
      it(`${pattern.id}: has a noMatch example on its own domain`, () => {
        expect(onDomainProblem(pattern)).toBeUndefined();
      });
    }
  }
});
