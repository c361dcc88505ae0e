import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Vendor } from './schema.js';

export const COVERAGE_DIR = path.join(PACKAGE_ROOT, 'rules', 'coverage');

/** One vendor (or rule group) of a public list, and what our data says of it. */
export interface CoverageEntry {
  /** The name the list gives. */
  name: string;
  /** Hosts the list's entries name for it (facts of the list, not its expressions). */
  hosts?: string[];
  /** Our vendor ids (rules/trackers) that cover it. */
  ours?: string[];
  /** Why it has no entry of its own: a reason code, then a colon and words (see REASONS). */
  reason?: string;
}

/** A public list of email trackers, recorded as facts: where it was read, its licence, its vendors. */
export interface CoverageList {
  list: string;
  source: Record<string, string>;
  read: string;
  licence: string;
  note?: string;
  vendors: CoverageEntry[];
}

/**
 * Reasons a listed vendor has no pattern of its own. `duplicate-of` names our vendor whose
 * shape it is; `generic-path` and `sender-endpoint` are left to the generic rules (PA002,
 * PA004); `no-url-grammar` is a whole domain with no known tracking path, which a domain-wide
 * pattern would turn into false alarms on the vendor's own images.
 */
export const REASONS = ['defunct', 'not-email', 'duplicate-of', 'no-pixel', 'no-url-grammar', 'generic-path', 'sender-endpoint'] as const;

export interface ListCoverage {
  list: string;
  total: number;
  /**
   * Mapped to vendors we have, by the loose rule: the entry names no hosts (counted by id), or
   * one of the mapped vendors matches by path on any host, or their domains reach at least one
   * of the listed hosts. `how` splits it.
   */
  covered: number;
  /** How the covered entries are reached: every listed host by the mapped vendors' domains, only some of them, only through an anyHost pattern, or by id (the list names no host). */
  how: { allHosts: number; someHosts: number; anyHostOnly: number; byId: number };
  /** Left out with a recorded reason. */
  reasoned: number;
  /** Neither, or mapped wrongly: each with what is wrong. */
  missing: Array<{ name: string; problem: string }>;
  /** (covered + reasoned) / total; 1 for an empty list. */
  share: number;
}

export function loadCoverageLists(dir = COVERAGE_DIR): Array<CoverageList & { file: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      try {
        return { ...(JSON.parse(readFileSync(file, 'utf8')) as CoverageList), file };
      } catch (error) {
        throw new ConfigError(`${file}: cannot read the coverage list: ${(error as Error).message}`);
      }
    });
}

/** Judges each entry of a list against the loaded vendors. */
export function coverageOf(list: CoverageList, vendors: Vendor[]): ListCoverage {
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const missing: ListCoverage['missing'] = [];
  let covered = 0;
  let reasoned = 0;
  const how = { allHosts: 0, someHosts: 0, anyHostOnly: 0, byId: 0 };
  for (const entry of list.vendors) {
    const problem = entry.reason !== undefined ? reasonProblem(entry.reason, byId) : oursProblem(entry, byId);
    if (problem) missing.push({ name: entry.name, problem });
    else if (entry.reason !== undefined) reasoned++;
    else {
      covered++;
      how[reach(entry, byId)]++;
    }
  }
  const total = list.vendors.length;
  return { list: list.list, total, covered, reasoned, how, missing, share: total ? (covered + reasoned) / total : 1 };
}

/** How a covered entry's hosts are reached by the mapped vendors' domain patterns. */
function reach(entry: CoverageEntry, byId: Map<string, Vendor>): keyof ListCoverage['how'] {
  const hosts = entry.hosts ?? [];
  if (hosts.length === 0) return 'byId';
  const domains = (entry.ours ?? []).flatMap((id) => byId.get(id)?.patterns.flatMap((p) => p.domains ?? []) ?? []);
  const reached = hosts.filter((h) => domains.some((d) => h === d || h.endsWith(`.${d}`))).length;
  if (reached === hosts.length) return 'allHosts';
  return reached > 0 ? 'someHosts' : 'anyHostOnly';
}

function reasonProblem(reason: string, byId: Map<string, Vendor>): string | undefined {
  const code = reason.split(':')[0];
  if (!(REASONS as readonly string[]).includes(code)) return `unknown reason "${code}"`;
  if (code === 'duplicate-of') {
    const id = reason.split(':')[1]?.trim().split(/\s/)[0] ?? '';
    if (!byId.has(id)) return `duplicate-of names no vendor we have ("${id}")`;
  }
  return undefined;
}

function oursProblem(entry: CoverageEntry, byId: Map<string, Vendor>): string | undefined {
  if (!entry.ours?.length) return 'no vendor of ours and no reason';
  const unknown = entry.ours.filter((id) => !byId.has(id));
  if (unknown.length) return `no vendor with id ${unknown.join(', ')}`;
  const hosts = entry.hosts ?? [];
  if (hosts.length === 0) return undefined;
  const ours = entry.ours.map((id) => byId.get(id) as Vendor);
  // A vendor matched by path shape on any host (a CNAME to it) reaches every listed host.
  if (ours.some((v) => v.patterns.some((p) => p.anyHost))) return undefined;
  const domains = ours.flatMap((v) => v.patterns.flatMap((p) => p.domains ?? []));
  const reached = hosts.some((h) => domains.some((d) => h === d || h.endsWith(`.${d}`)));
  return reached ? undefined : `none of its hosts (${hosts.join(', ')}) is on a domain of ${entry.ours.join(', ')}`;
}

/** The coverage table as text: one row per list. */
export function coverageTable(rows: ListCoverage[]): string {
  const lines = ['list                                      vendors  covered  reasoned  missing  share   all hosts  some hosts  anyHost only  by id'];
  for (const r of rows) {
    lines.push(
      `${r.list.slice(0, 40).padEnd(40)}  ${String(r.total).padStart(7)}  ${String(r.covered).padStart(7)}  ${String(r.reasoned).padStart(8)}  ${String(r.missing.length).padStart(7)}  ${(100 * r.share).toFixed(1).padStart(5)}%` +
        `  ${String(r.how.allHosts).padStart(9)}  ${String(r.how.someHosts).padStart(10)}  ${String(r.how.anyHostOnly).padStart(12)}  ${String(r.how.byId).padStart(5)}`,
    );
  }
  lines.push('covered: mapped to our vendors; "all hosts" reach every host the list names by their domains, "some hosts" only part, "anyHost only" none but a path pattern on any host, "by id" the list names no host');
  return lines.join('\n');
}
