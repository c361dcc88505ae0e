import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVendors } from '../src/trackers/load.js';
import { TrackerMatcher } from '../src/trackers/matcher.js';
import { parseUrl } from '../src/url/url-parts.js';
import { ROOT } from './helpers.js';

const urls = readFileSync(path.join(ROOT, 'test', 'data', 'negative-urls.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('\t#')[0].trim());

describe('the negative corpus (test/data/negative-urls.txt)', () => {
  it('holds several hundred ordinary URLs', () => {
    expect(urls.length).toBeGreaterThan(300);
    for (const url of urls) expect(url, url).toMatch(/^https?:\/\/\S+$/);
  });

  it('matches no open or beacon pattern, through the full matcher and each pattern alone', () => {
    const vendors = loadVendors();
    const full = new TrackerMatcher(vendors);
    const hits: string[] = [];
    for (const url of urls) {
      const match = full.match(parseUrl(url));
      if (match && (match.pattern.kind === 'open' || match.pattern.kind === 'beacon')) hits.push(`${match.pattern.id} ${url}`);
    }
    // Alone too: in the full matcher a click or asset pattern never hides an open one (open ranks
    // first), but a pattern disabled by a user must not change this answer either.
    for (const vendor of vendors) {
      for (const pattern of vendor.patterns.filter((p) => p.kind === 'open' || p.kind === 'beacon')) {
        const alone = new TrackerMatcher([{ ...vendor, patterns: [pattern] }]);
        for (const url of urls) if (alone.match(parseUrl(url)) && !hits.some((h) => h.endsWith(` ${url}`))) hits.push(`${pattern.id} ${url}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
