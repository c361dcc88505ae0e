import { describe, expect, it } from 'vitest';
import { loadVendors } from '../src/trackers/load.js';
import { TrackerMatcher } from '../src/trackers/matcher.js';
import { validateTrackerFile } from '../src/trackers/validate.js';
import { parseUrl } from '../src/url/url-parts.js';

const vendors = loadVendors();

describe('tracker data in rules/trackers', () => {
  it('loads and validates', () => {
    expect(vendors.length).toBeGreaterThan(150);
  });

  for (const vendor of vendors) {
    for (const pattern of vendor.patterns) {
      // Each pattern alone, as gitleaks tests each rule on its own samples.
      const alone = new TrackerMatcher([{ ...vendor, patterns: [pattern] }]);
      it(`${pattern.id}: matches its match examples`, () => {
        for (const url of pattern.examples.match) expect(alone.match(parseUrl(url))?.pattern.id, url).toBe(pattern.id);
      });
      it(`${pattern.id}: does not match its noMatch examples`, () => {
        for (const url of pattern.examples.noMatch) expect(alone.match(parseUrl(url)), url).toBeUndefined();
      });
    }
  }

  it('rejects entries without examples or with a bad category', () => {
    const base = { id: 'x', name: 'X', category: 'esp', provenance: [{ type: 'vendor-docs', ref: 'r' }] };
    const pattern = { id: 'x-open', kind: 'open', domains: ['x.com'], examples: { match: ['https://x.com/o'], noMatch: ['https://y.com'] } };
    expect(() => validateTrackerFile({ vendors: [{ ...base, patterns: [pattern] }] }, 'f.json')).not.toThrow();
    expect(() => validateTrackerFile({ vendors: [{ ...base, patterns: [{ ...pattern, examples: { match: [], noMatch: [] } }] }] }, 'f.json')).toThrow(/examples/);
    expect(() => validateTrackerFile({ vendors: [{ ...base, category: 'spyware', patterns: [pattern] }] }, 'f.json')).toThrow(/category/);
    expect(() => validateTrackerFile({ vendors: [{ ...base, patterns: [{ ...pattern, path: '([' }] }] }, 'f.json')).toThrow(/regular expression/);
    expect(() => validateTrackerFile({ vendors: [{ ...base, patterns: [{ ...pattern, anyHost: true }] }] }, 'f.json')).toThrow(/either domains or anyHost/);
  });
});
