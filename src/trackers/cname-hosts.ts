import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { UrlParts } from '../url/url-parts.js';
import { expressionsMatch, type CompiledExpressions } from './compile.js';
import type { TrackerMatch } from './matcher.js';
import type { PatternKind, Provenance, TrackerPattern, Vendor } from './schema.js';

export const CNAME_HOSTS_FILE = path.join(PACKAGE_ROOT, 'rules', 'cname-hosts.json');

/** What a resource or link on one of a provider's branded hosts is, by the provider's URL grammar. */
export interface CnameRule {
  /** Stable pattern id reported in findings, e.g. `mailgun-cname-open`. */
  id: string;
  /** `resource`: anything a client loads (images, CSS); `link`: a/area href. */
  as: 'resource' | 'link';
  kind: PatternKind;
  /** Regular expressions (case-sensitive: the provider's paths are) the host, path or query must match. */
  host?: string;
  path?: string;
  query?: string;
  /** Why this shape means what `kind` says. */
  note: string;
}

export interface CnameProvider {
  /** Our vendor id (rules/trackers) that runs the endpoint behind the CNAME. */
  vendor: string;
  /** The upstream file in data/mail_trackers/ the hosts come from. */
  upstreamFile: string;
  /** Commit of the stored copy of that file that was read. */
  commit: string;
  /** Where the grammar comes from: a documentation page, SDK source or observed mail, with the date read. */
  provenance: Provenance[];
  /** Tried in order; the first that fits speaks. No rule fits: the URL says nothing by its host alone. */
  grammar: CnameRule[];
  /** Checked by test/cname-hosts.test.ts against the full matcher. */
  examples: {
    match: Array<{ url: string; as: 'resource' | 'link'; id: string }>;
    noMatch: Array<{ url: string; as: 'resource' | 'link' }>;
  };
  /** Hosts by their first label: `{"email": "a.example b.example"}` is email.a.example and email.b.example. */
  hosts: Record<string, string>;
}

export interface CnameHostsFile {
  $comment?: string;
  source: Record<string, string>;
  providers: Record<string, CnameProvider>;
}

/** Groups host names by their first label into sorted, space-joined lists (the compact form of the file). */
export function groupHosts(hosts: Iterable<string>): Record<string, string> {
  const groups = new Map<string, Set<string>>();
  for (const host of hosts) {
    const dot = host.indexOf('.');
    const label = host.slice(0, dot);
    const set = groups.get(label) ?? new Set<string>();
    set.add(host.slice(dot + 1));
    groups.set(label, set);
  }
  const out: Record<string, string> = {};
  for (const label of [...groups.keys()].sort()) out[label] = [...(groups.get(label) as Set<string>)].sort().join(' ');
  return out;
}

interface CompiledRule extends CompiledExpressions {
  rule: CnameRule;
  pattern: TrackerPattern;
}

interface Provider {
  entry: { vendor: Vendor; rules: CompiledRule[] };
  /** The file's `hosts`: the rest of each host after its first label, space-joined, by first label. */
  hosts: Record<string, string>;
  /** Built from a label's list on its first lookup. */
  sets: Map<string, Set<string>>;
}

/**
 * Branded host names that DNS shows as CNAMEs of a provider's tracking endpoint (AdGuard's
 * cname-trackers mail lists). A lookup is one property lookup per provider (five) on the host's
 * first label, in the object JSON.parse made, and one Set lookup on the rest, never a regex over
 * 70,000 names. Nothing is indexed at start-up: building all 72,349 names into Sets took 21 ms
 * here (66 ms as one Map of whole host names), and a Map of the 4,807 labels 3-4 ms of a 16 ms
 * load; each label's Set is built on its first lookup, so a scan pays only for the labels it meets.
 */
export class CnameHosts {
  private readonly providers: Provider[] = [];
  constructor(data: CnameHostsFile, vendors: Map<string, Vendor>, file = CNAME_HOSTS_FILE) {
    for (const [name, provider] of Object.entries(data.providers)) {
      const vendor = vendors.get(provider.vendor);
      // A disabled vendor (--disable mailgun) takes its branded hosts with it.
      if (!vendor) continue;
      const entry = { vendor, rules: provider.grammar.map((rule) => compile(rule, provider.provenance, file, name)) };
      this.providers.push({ entry, hosts: provider.hosts, sets: new Map() });
    }
  }

  /** How many branded hosts are known (counted when asked: start-up does not split the lists). */
  get hostCount(): number {
    let n = 0;
    for (const p of this.providers) for (const raw of Object.values(p.hosts)) n += raw ? raw.split(' ').length : 0;
    return n;
  }

  private entryOf(host: string): Provider['entry'] | undefined {
    const dot = host.indexOf('.');
    if (dot <= 0) return undefined;
    const label = host.slice(0, dot);
    const rest = host.slice(dot + 1);
    for (const p of this.providers) {
      // Own keys only: a host named constructor.x or __proto__.x must not reach Object.prototype.
      if (!Object.hasOwn(p.hosts, label)) continue;
      let set = p.sets.get(label);
      if (!set) p.sets.set(label, (set = new Set(p.hosts[label].split(' '))));
      if (set.has(rest)) return p.entry;
    }
    return undefined;
  }

  /** The provider's tracking pattern for a URL on one of its branded hosts, or undefined. */
  match(parts: UrlParts, as: 'resource' | 'link'): TrackerMatch | undefined {
    const entry = this.entryOf(parts.host);
    if (!entry) return undefined;
    for (const c of entry.rules) {
      if (c.rule.as !== as) continue;
      if (!expressionsMatch(c, parts)) continue;
      return { vendor: entry.vendor, pattern: c.pattern };
    }
    return undefined;
  }

  /** The vendor whose branded host this is, whatever the URL. */
  providerOf(host: string): string | undefined {
    return this.entryOf(host)?.vendor.id;
  }
}

function compile(rule: CnameRule, provenance: Provenance[], file: string, provider: string): CompiledRule {
  const re = (source: string | undefined, key: string): RegExp | undefined => {
    if (source === undefined) return undefined;
    try {
      return new RegExp(source);
    } catch (error) {
      throw new ConfigError(`${file}: providers.${provider} (${rule.id}): ${key} is not a valid regular expression: ${(error as Error).message}`);
    }
  };
  // anyHost: the host is the sender's own name, CNAMEd to the provider (party esp-on-sender-domain).
  const pattern: TrackerPattern = { id: rule.id, kind: rule.kind, anyHost: true, note: rule.note, provenance, examples: { match: [], noMatch: [] } };
  return { rule, pattern, host: re(rule.host, 'host'), path: re(rule.path, 'path'), query: re(rule.query, 'query') };
}

/** Reads rules/cname-hosts.json for the vendors loaded. */
export function loadCnameHosts(vendors: Map<string, Vendor>, file = CNAME_HOSTS_FILE): CnameHosts {
  let data: CnameHostsFile;
  try {
    // The file is ASCII (host names in punycode): read as one-byte text it skips UTF-8 decoding,
    // 4.7-5.5 ms of the load here; anything else is read as UTF-8.
    const bytes = readFileSync(file);
    data = JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as CnameHostsFile;
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the CNAME host data: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || typeof data.providers !== 'object') throw new ConfigError(`${file}: expected {"providers": {...}}`);
  return new CnameHosts(data, vendors, file);
}
