import { describe, expect, it } from 'vitest';
import { loadVendors } from '../src/trackers/load.js';
import { TrackerMatcher } from '../src/trackers/matcher.js';

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

});
