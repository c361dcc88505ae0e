import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { TextKeyedCache } from '../html/text-keyed-cache.js';
import type { UrlParts } from '../url/url-parts.js';
import { COMPILED_DIR, readCompiled } from './compiled-data.js';
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

/** A provider without its hosts: what a lookup needs once it has found a host's provider. */
export type ProviderRules = Pick<CnameProvider, 'vendor' | 'provenance' | 'grammar'> & { name: string };

/** The file in the form a lookup searches in place: its providers, and one sorted line per host. */
export interface SearchableHosts {
  providers: ProviderRules[];
  /** Holds the lines from `bodyStart` to its end, each `host index\n`, sorted by host; `index` is into `providers`. */
  text: string;
  bodyStart: number;
}

/** rules/cname-hosts.json as the build writes it for loadCnameHosts (compiled-data.ts). */
export const COMPILED_CNAME_FILE = path.join(COMPILED_DIR, 'cname-hosts.txt');

/**
 * The host lines of a CNAME file: every host as `host index`, sorted by host (code unit order,
 * as the lookup compares), one a line. Written by the build; computed here only when the
 * compiled file is missing or older than the JSON (a sort of 72,349 names).
 */
export function searchableHosts(data: CnameHostsFile): { providers: ProviderRules[]; body: string } {
  const providers: ProviderRules[] = [];
  const lines: string[] = [];
  for (const [name, p] of Object.entries(data.providers)) {
    const index = providers.push({ name, vendor: p.vendor, provenance: p.provenance, grammar: p.grammar }) - 1;
    for (const [label, rest] of Object.entries(p.hosts)) for (const r of rest.split(' ')) if (r) lines.push(`${label}.${r} ${index}`);
  }
  lines.sort((a, b) => {
    const x = a.slice(0, a.indexOf(' '));
    const y = b.slice(0, b.indexOf(' '));
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { providers, body: lines.length ? `${lines.join('\n')}\n` : '' };
}

/**
 * The provider index on the line of `host` in the sorted lines of `text` from `start` (a line
 * start) to its end, or -1: a binary search on line boundaries, in place, so nothing of the
 * 1.7 MB of names is split, parsed or indexed at start-up.
 */
export function findHost(text: string, start: number, host: string): number {
  let lo = start;
  let hi = text.length;
  // lo and hi are line starts (hi may be the end); every line ends in a newline.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const lineStart = text.lastIndexOf('\n', mid - 1) + 1;
    const lineEnd = text.indexOf('\n', mid);
    const space = text.lastIndexOf(' ', lineEnd);
    if (lineEnd === -1 || space < lineStart) return -1; // not lines this file writes
    const name = text.slice(lineStart < lo ? lo : lineStart, space);
    if (name === host) return Number(text.slice(space + 1, lineEnd));
    if (name < host) lo = lineEnd + 1;
    else hi = lineStart < lo ? lo : lineStart;
  }
  return -1;
}

/**
 * Branded host names that DNS shows as CNAMEs of a provider's tracking endpoint (AdGuard's
 * cname-trackers mail lists). A lookup is a binary search of the host among the sorted lines
 * of the compiled file (about 17 steps over 72,349 names), never a regex over them. Nothing is
 * parsed or indexed at start-up: JSON.parse of the file took 4-5 ms and building the Set of its
 * largest label (mailgun's `email`, 49,463 names) 12 ms at the first host under it; before that,
 * all 72,349 names as Sets took 21 ms (66 ms as one Map of whole host names). Answers are kept
 * per host, as senders repeat theirs.
 */
export class CnameHosts {
  /** By provider index; undefined for a provider whose vendor is disabled. */
  private readonly entries: Array<{ vendor: Vendor; rules: CompiledRule[] } | undefined>;
  private readonly known = new TextKeyedCache<number>({ maxChars: 256 * 1024, maxEntries: 8192, maxKeyChars: 253 });
  private readonly search: (host: string) => number;

  constructor(
    private readonly hosts: SearchableHosts,
    vendors: Map<string, Vendor>,
    file = CNAME_HOSTS_FILE,
  ) {
    this.entries = hosts.providers.map((provider) => {
      const vendor = vendors.get(provider.vendor);
      // A disabled vendor (--disable mailgun) takes its branded hosts with it.
      if (!vendor) return undefined;
      return { vendor, rules: provider.grammar.map((rule) => compile(rule, provider.provenance, file, provider.name)) };
    });
    this.search = (host) => findHost(hosts.text, hosts.bodyStart, host);
  }

  /** How many branded hosts of enabled providers are known (counted when asked: start-up does not split the lines). */
  get hostCount(): number {
    let n = 0;
    const { text } = this.hosts;
    for (let at = this.hosts.bodyStart; at < text.length; ) {
      const end = text.indexOf('\n', at);
      if (this.entries[Number(text.slice(text.lastIndexOf(' ', end) + 1, end))]) n++;
      at = end + 1;
    }
    return n;
  }

  private entryOf(host: string): { vendor: Vendor; rules: CompiledRule[] } | undefined {
    const index = this.known.get(host, this.search);
    return index === -1 ? undefined : this.entries[index];
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

/**
 * rules/cname-hosts.json for the vendors loaded: from the build's compiled file while the JSON
 * has not changed since (compiled-data.ts), else from the JSON itself.
 */
export function loadCnameHosts(vendors: Map<string, Vendor>, file = CNAME_HOSTS_FILE): CnameHosts {
  const compiled = file === CNAME_HOSTS_FILE ? readCompiled<{ providers?: unknown }>(COMPILED_CNAME_FILE, [file]) : undefined;
  if (compiled && Array.isArray(compiled.header.providers)) {
    return new CnameHosts({ providers: compiled.header.providers as ProviderRules[], text: compiled.text, bodyStart: compiled.bodyStart }, vendors, file);
  }
  const { providers, body } = searchableHosts(readCnameFile(file));
  return new CnameHosts({ providers, text: `\n${body}`, bodyStart: 1 }, vendors, file);
}

/** The JSON file itself, shape-checked as far as the lookup depends on it. */
export function readCnameFile(file = CNAME_HOSTS_FILE): CnameHostsFile {
  let data: CnameHostsFile;
  try {
    // The file is ASCII (host names in punycode): read as one-byte text it skips UTF-8 decoding;
    // anything else is read as UTF-8.
    const bytes = readFileSync(file);
    data = JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as CnameHostsFile;
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the CNAME host data: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || typeof data.providers !== 'object') throw new ConfigError(`${file}: expected {"providers": {...}}`);
  return data;
}
