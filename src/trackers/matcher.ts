import { compileExpression } from './compile.js';
import type { UrlParts } from '../url/url-parts.js';
import type { CnameHosts } from './cname-hosts.js';
import type { PatternKind, TrackerPattern, Vendor } from './schema.js';

/** A tracker pattern that matched a URL. */
export interface TrackerMatch {
  vendor: Vendor;
  pattern: TrackerPattern;
}

interface Compiled {
  vendor: Vendor;
  pattern: TrackerPattern;
  host?: RegExp;
  path?: RegExp;
  query?: RegExp;
}

// When several patterns match, the most telling wins.
const KIND_RANK: Record<PatternKind, number> = { open: 0, beacon: 1, click: 2, asset: 3 };

/** Matches URLs against all tracker patterns: domain patterns by a suffix index, anyHost ones in turn. */
export class TrackerMatcher {
  private readonly byDomain = new Map<string, Compiled[]>();
  private readonly anyHost: Compiled[] = [];
  /** One alternation of every anyHost path expression: most URLs match none, and one test says so. */
  private anyHostPaths: RegExp | undefined;
  private anyHostWithoutPath = false;
  readonly vendors: Vendor[];

  /** Branded hosts CNAMEd to a provider (rules/cname-hosts.json), asked when no pattern matched. */
  private readonly cnameHosts: CnameHosts | undefined;

  constructor(vendors: Vendor[], cnameHosts?: CnameHosts) {
    this.vendors = vendors;
    this.cnameHosts = cnameHosts;
    for (const vendor of vendors) {
      for (const pattern of vendor.patterns) {
        const compiled: Compiled = {
          vendor,
          pattern,
          host: compileExpression(pattern, 'host'),
          path: compileExpression(pattern, 'path'),
          query: compileExpression(pattern, 'query'),
        };
        if (pattern.anyHost) this.anyHost.push(compiled);
        for (const domain of pattern.domains ?? []) {
          const list = this.byDomain.get(domain) ?? [];
          list.push(compiled);
          this.byDomain.set(domain, list);
        }
      }
    }
  }

  private anyHostCandidates(path: string): boolean {
    if (this.anyHostPaths === undefined) {
      const sources = this.anyHost.filter((c) => c.path).map((c) => `(?:${(c.pattern.path as string)})`);
      this.anyHostWithoutPath = this.anyHost.some((c) => !c.path);
      // Case-insensitive: a prefilter may let more through (each pattern then tests in its own case), never fewer.
      this.anyHostPaths = new RegExp(sources.join('|') || '(?!)', 'i');
    }
    return this.anyHostWithoutPath || this.anyHostPaths.test(path);
  }

  /** The best match for a URL, or undefined; `as` says whether a client loads it (resource) or the reader clicks it (link). */
  match(parts: UrlParts, as: 'resource' | 'link' = 'resource'): TrackerMatch | undefined {
    let best: Compiled | undefined;
    const consider = (c: Compiled): void => {
      if (c.host && !c.host.test(parts.host)) return;
      if (c.path && !c.path.test(parts.path)) return;
      if (c.query && !c.query.test(parts.query)) return;
      if (!best || KIND_RANK[c.pattern.kind] < KIND_RANK[best.pattern.kind]) best = c;
    };
    let host = parts.host;
    for (;;) {
      const list = this.byDomain.get(host);
      if (list) list.forEach(consider);
      const dot = host.indexOf('.');
      if (dot === -1) break;
      host = host.slice(dot + 1);
    }
    if ((!best || best.pattern.kind !== 'open') && this.anyHostCandidates(parts.path)) this.anyHost.forEach(consider);
    if (best) return { vendor: best.vendor, pattern: best.pattern };
    return this.cnameHosts?.match(parts, as);
  }

  get patternCount(): number {
    return this.vendors.reduce((n, v) => n + v.patterns.length, 0);
  }
}
