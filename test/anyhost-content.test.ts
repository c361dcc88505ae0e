import { describe, expect, it } from 'vitest';
import { loadVendors } from '../src/trackers/load.js';
import { TrackerMatcher } from '../src/trackers/matcher.js';
import { parseUrl } from '../src/url/url-parts.js';

/**
 * An anyHost open or beacon pattern runs on every site, so under its own path prefix it must
 * still tell a tracking token from what sites put there: hyphenated word slugs, image file names,
 * year numbers, account-like numbers followed by a logo.
 */
const CONTENT = [
  'summer-collection-2024/banner.jpg',
  'summer-collection-2024.jpg',
  'winter-sale-hero-image-2024/x.jpg',
  'product-launch-banner.png',
  'log/2024.png',
  '2024.png',
  '123/logo.png',
  '2024/11/newsletter-header-image.jpg',
  'images/spring-sale-2025-hero-banner-large.png',
  'our-new-autumn-winter-collection-is-here-2024',
];

/** The literal start of a path expression (`^/tr/op/` of `^/tr/op/[A-Za-z0-9_-]{16,}`), or undefined. */
function literalPrefix(source: string): string | undefined {
  const m = /^\^((?:[^\\()[\]{}|.*+?^$]|\\[/.-])+)/.exec(source);
  if (!m) return undefined;
  const prefix = m[1].replace(/\\(.)/g, '$1');
  // Up to the last slash: the generated content goes where the token would.
  return prefix.slice(0, prefix.lastIndexOf('/') + 1) || undefined;
}

describe('anyHost open and beacon patterns do not take content under their path prefix for a token', () => {
  const vendors = loadVendors();
  const patterns = vendors.flatMap((v) => v.patterns.filter((p) => p.anyHost && (p.kind === 'open' || p.kind === 'beacon') && p.path).map((p) => ({ v, p })));

  it('finds the path prefix of most of them', () => {
    expect(patterns.filter(({ p }) => literalPrefix(p.path as string)).length).toBeGreaterThan(patterns.length / 2);
  });

  for (const { v, p } of patterns) {
    const prefix = literalPrefix(p.path as string);
    if (!prefix) continue;
    it(`${p.id} (${prefix})`, () => {
      const alone = new TrackerMatcher([{ ...v, patterns: [p] }]);
      const hits = ['shop.example', 'blog.example'].flatMap((host) => CONTENT.map((c) => `https://${host}${prefix}${c}`)).filter((u) => alone.match(parseUrl(u)));
      expect(hits).toEqual([]);
    });
  }
});
