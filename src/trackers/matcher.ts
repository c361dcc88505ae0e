import { ConfigError } from '../errors.js';
import { compileExpression, expressionsMatch, type CompiledExpressions, type ExpressionKey } from './compile.js';
import { joinBreakingReason } from './regex-safety.js';
import type { UrlParts } from '../url/url-parts.js';
import type { CnameHosts } from './cname-hosts.js';
import type { PatternKind, TrackerPattern, Vendor } from './schema.js';

/** A tracker pattern that matched a URL. */
export interface TrackerMatch {
  vendor: Vendor;
  pattern: TrackerPattern;
}

interface Compiled extends CompiledExpressions {
  vendor: Vendor;
  pattern: TrackerPattern;
}

// When several patterns match, the most telling wins.
const KIND_RANK: Record<PatternKind, number> = { open: 0, beacon: 1, click: 2, asset: 3 };

/** Matches URLs against all tracker patterns: domain patterns by a suffix index, anyHost ones in turn. */
export class TrackerMatcher {
  private readonly byDomain = new Map<string, Compiled[]>();
  private readonly anyHost: Compiled[] = [];
  /**
   * The anyHost patterns in runs of ANY_HOST_GROUP, each run with one alternation per key of its
   * expressions: a run is tested pattern by pattern only when all three let the URL through.
   * Built in the constructor, so that an expression that cannot be joined fails the load, never a message.
   */
  private readonly anyHostGroups: AnyHostGroup[];
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
    this.anyHostGroups = anyHostGroups(this.anyHost);
  }

  /** The best match for a URL, or undefined; `as` says whether a client loads it (resource) or the reader clicks it (link). */
  match(parts: UrlParts, as: 'resource' | 'link' = 'resource'): TrackerMatch | undefined {
    // Plain loops and no closure per call: matching runs for every resource and distinct link.
    let best: Compiled | undefined;
    let host = parts.host;
    for (;;) {
      const list = this.byDomain.get(host);
      if (list) for (const c of list) best = better(c, parts, best);
      const dot = host.indexOf('.');
      if (dot === -1) break;
      host = host.slice(dot + 1);
    }
    if (!best || best.pattern.kind !== 'open') {
      for (const g of this.anyHostGroups) {
        if (!g.always && !passes(g.filters, parts)) continue;
        for (const c of g.patterns) best = better(c, parts, best);
      }
    }
    if (best) return { vendor: best.vendor, pattern: best.pattern };
    return this.cnameHosts?.match(parts, as);
  }

  get patternCount(): number {
    return this.vendors.reduce((n, v) => n + v.patterns.length, 0);
  }
}

/** `c` when it matches the URL and is more telling than `best` (an earlier one wins a tie), else `best`. */
function better(c: Compiled, parts: UrlParts, best: Compiled | undefined): Compiled | undefined {
  if (!expressionsMatch(c, parts)) return best;
  return !best || KIND_RANK[c.pattern.kind] < KIND_RANK[best.pattern.kind] ? c : best;
}

interface AnyHostGroup {
  patterns: Compiled[];
  /** A pattern of the run has no expression at all: every URL is tested against the run. */
  always: boolean;
  /**
   * Alternations of the run's expressions, each pattern counted under one key (its filterKey)
   * and its own case rule: a URL that a pattern matches passes that pattern's expression on its
   * key, so the run is tested only when one of these lets the URL through.
   */
  filters: Array<{ key: ExpressionKey; re: RegExp }>;
}

function passes(filters: AnyHostGroup['filters'], parts: UrlParts): boolean {
  for (const f of filters) if (f.re.test(parts[f.key])) return true;
  return false;
}

/**
 * One alternation of every anyHost path expression let almost every URL through: two patterns'
 * paths are `.*` (they match on the query) and one is `^/(?!trk$)`, so all 96 patterns were tested
 * on 15,963 of 16,036 URLs (a corpus pass of the benchmark mbox). Runs of 8, filtered on host,
 * path and query alike, test a pattern only where its run could match on all three. Replaying
 * those 16,036 calls (same answers), CPU time, 8 rounds alternated, load 19 on 2 cores:
 * 76-105 ms before, 38-54 ms after.
 *
 * Those three paths still made the three runs that hold them pass on every URL (24 patterns
 * tested one by one per URL, of 96); each pattern is now filtered on the key that tells most
 * (filterKey: such a path gives way to the pattern's query), and a run is tested when any of
 * its keys' alternations lets the URL through. The order of the patterns, and so which of two
 * equal matches wins, is unchanged (test/matcher-prefilter.test.ts: the plain definition).
 * match() over the 49,003 resource and link URLs of a benchmark-mbox scan, both builds in one
 * process, rounds alternated, CPU ms median: 86-111 before, 51-68 after (load 15-19).
 */
const ANY_HOST_GROUP = 8;

function anyHostGroups(anyHost: Compiled[]): AnyHostGroup[] {
  const groups: AnyHostGroup[] = [];
  for (let i = 0; i < anyHost.length; i += ANY_HOST_GROUP) {
    const patterns = anyHost.slice(i, i + ANY_HOST_GROUP);
    // Every expression of the run must be joinable (the load fails, never a message), whichever key it is filtered on.
    for (const c of patterns) for (const key of KEYS) refuseUnjoinable(c, key);
    const keyed = patterns.map((c) => ({ c, key: filterKey(c) }));
    const filters: AnyHostGroup['filters'] = [];
    for (const key of ['path', 'query', 'host'] as const) {
      for (const flags of ['', 'i']) {
        const under = keyed.filter((k) => k.key === key && (k.c[key] as RegExp).flags === flags).map((k) => k.c);
        if (under.length) filters.push({ key, re: joined(under, key, flags) });
      }
    }
    groups.push({ patterns, always: keyed.some((k) => k.key === undefined), filters });
  }
  return groups;
}

const KEYS: readonly ExpressionKey[] = ['host', 'path', 'query'];
// A path that a pattern-free path matches says nothing about the URL: `.*`, `^/(?!trk$)`.
const ANY_PATH = '/pixelaudit-any-path/x.gif';

/** The key a pattern is filtered on: its path, unless that lets any path through and the pattern has a query or host expression. */
function filterKey(c: Compiled): ExpressionKey | undefined {
  if (c.path && !c.path.test(ANY_PATH)) return 'path';
  if (c.query) return 'query';
  if (c.host) return 'host';
  return c.path ? 'path' : undefined;
}

/**
 * A named group or back-reference would clash or point at another pattern's group once joined;
 * user files are refused for it at validation, and this check keeps data built in code (or a
 * future loader) from failing every message instead.
 */
function refuseUnjoinable(c: Compiled, key: ExpressionKey): void {
  const source = c.pattern[key];
  const reason = source === undefined ? undefined : joinBreakingReason(source);
  if (reason) throw new ConfigError(`pattern ${c.pattern.id} (vendor ${c.vendor.id}): ${key} ${JSON.stringify(source).slice(0, 200)} ${reason}`);
}

/**
 * The prefilter of some anyHost expressions on one key, in their own case rule (`i` or none):
 * joined with `i`, `^/(?!trk$)` would turn away `/TRK`, which its pattern takes.
 */
function joined(patterns: Compiled[], key: ExpressionKey, flags: string): RegExp {
  try {
    return new RegExp(patterns.map((c) => `(?:${c.pattern[key]})`).join('|'), flags);
  } catch (error) {
    throw new ConfigError(`the anyHost ${key} expressions cannot be joined into one: ${(error as Error).message}`);
  }
}
