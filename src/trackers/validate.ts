import { ConfigError } from '../errors.js';
import { VENDOR_CATEGORIES, type TrackerFile, type TrackerPattern, type Vendor } from './schema.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const KINDS = new Set(['open', 'beacon', 'click', 'asset']);
const PROVENANCE = new Set(['vendor-docs', 'observed-mail', 'public-research']);

/** Checks a tracker file against the schema; throws a ConfigError naming the file and entry. */
export function validateTrackerFile(data: unknown, file: string): TrackerFile {
  const fail = (where: string, what: string): never => {
    throw new ConfigError(`${file}: ${where}: ${what}`);
  };
  if (!isObject(data) || !Array.isArray(data.vendors)) fail('top level', 'expected {"vendors": [...]}');
  const vendors = (data as { vendors: unknown[] }).vendors;
  vendors.forEach((v, i) => {
    const where = `vendors[${i}]${isObject(v) && typeof v.id === 'string' ? ` (${v.id})` : ''}`;
    if (!isObject(v)) return fail(where, 'expected an object');
    if (typeof v.id !== 'string' || !ID.test(v.id)) fail(where, 'id must be lower-case letters, digits and dashes');
    if (typeof v.name !== 'string' || !v.name) fail(where, 'name is required');
    if (!VENDOR_CATEGORIES.includes(v.category as never)) fail(where, `category must be one of ${VENDOR_CATEGORIES.join(', ')}`);
    if (!Array.isArray(v.provenance) || v.provenance.length === 0) fail(where, 'provenance needs at least one entry');
    for (const p of v.provenance as unknown[]) {
      if (!isObject(p) || !PROVENANCE.has(p.type as string) || typeof p.ref !== 'string' || !p.ref) {
        fail(where, 'each provenance needs a type (vendor-docs, observed-mail, public-research) and a ref');
      }
    }
    if (!Array.isArray(v.patterns) || v.patterns.length === 0) fail(where, 'patterns needs at least one entry');
    (v.patterns as unknown[]).forEach((p, j) => validatePattern(p, `${where}.patterns[${j}]`, fail));
  });
  return data as unknown as TrackerFile;
}

function validatePattern(p: unknown, where: string, fail: (where: string, what: string) => never): void {
  if (!isObject(p)) return fail(where, 'expected an object');
  const pattern = p as Partial<TrackerPattern>;
  where = `${where} (${String(pattern.id)})`;
  if (typeof pattern.id !== 'string' || !ID.test(pattern.id)) fail(where, 'id must be lower-case letters, digits and dashes');
  if (!KINDS.has(pattern.kind as string)) fail(where, 'kind must be open, beacon, click or asset');
  const hasDomains = Array.isArray(pattern.domains) && pattern.domains.length > 0;
  if (hasDomains === Boolean(pattern.anyHost)) fail(where, 'give either domains or anyHost: true');
  if (pattern.anyHost && !pattern.path && !pattern.host) fail(where, 'an anyHost pattern needs a path or host expression');
  for (const d of pattern.domains ?? []) if (typeof d !== 'string' || !/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d)) fail(where, `bad domain "${String(d)}"`);
  for (const key of ['host', 'path', 'query'] as const) {
    const source = pattern[key];
    if (source === undefined) continue;
    if (typeof source !== 'string') fail(where, `${key} must be a regular expression string`);
    try {
      new RegExp(source as string, 'i');
    } catch (error) {
      fail(where, `${key} is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const ex = pattern.examples;
  if (!ex || !Array.isArray(ex.match) || ex.match.length === 0 || !Array.isArray(ex.noMatch) || ex.noMatch.length === 0) {
    fail(where, 'examples.match and examples.noMatch each need at least one URL');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type { Vendor };
