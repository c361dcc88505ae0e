import { type Stats, closeSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { openIfRegular, readToEnd } from '../input/regular-file.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { COMPILED_DIR, readCompiled } from './compiled-data.js';
import type { TrackerFile, Vendor } from './schema.js';
import { validateTrackerFile } from './validate.js';

export const BUILTIN_RULES_DIR = path.join(PACKAGE_ROOT, 'rules', 'trackers');

/** A rule file larger than this is refused: the largest built-in file is about 1 MB. */
export const MAX_RULE_FILE_BYTES = 16 * 1024 * 1024;

export interface LoadOptions {
  /** Extra folders or files of tracker JSON, loaded after the built-in ones. */
  extra?: string[];
  /** Vendor or pattern ids to leave out. */
  disable?: string[];
}

/**
 * Loads the built-in tracker data plus the user's, validating the user's files, and checks ids
 * are unique. The built-in files are validated by the build and the tests
 * (write-compiled-data.ts, test/tracker-schema.test.ts), not on every start: checking them cost
 * about 4 ms of a cold start here (10 ms with reading the larger files). Measured 2026-12-01,
 * `scan` of one .eml, 20 runs each, load average under 2: 0.40 s minimum and 0.505 s median
 * before the schema, 0.40 s and 0.515 s after. They are read from the one file the build merges
 * them into while none has changed: one ASCII file parsed in 3 ms instead of 15 files in 6-9 ms.
 */
export function loadVendors(options: LoadOptions = {}): Vendor[] {
  const builtin = jsonFiles(BUILTIN_RULES_DIR);
  // The built-in files as the build merged them (compiled-data.ts), when none has changed since.
  const merged = readCompiled<{ vendors?: unknown }>(COMPILED_VENDORS_FILE, builtin)?.header.vendors;
  const compiled = Array.isArray(merged) && merged.length === builtin.length && merged.every(Array.isArray) ? (merged as Vendor[][]) : undefined;
  const sets: Array<[string, Vendor[]]> = builtin.map((file, i) => [file, compiled ? compiled[i] : readRuleData(file).vendors]);
  for (const file of (options.extra ?? []).flatMap(jsonFiles)) sets.push([file, validateTrackerFile(readRuleData(file), file).vendors]);
  const vendors: Vendor[] = [];
  const seenVendor = new Map<string, string>();
  const seenPattern = new Map<string, string>();
  for (const [file, list] of sets) {
    for (const vendor of list) {
      if (seenVendor.has(vendor.id)) throw new ConfigError(`${file}: vendor id "${vendor.id}" is also used in ${seenVendor.get(vendor.id)}`);
      seenVendor.set(vendor.id, file);
      for (const p of vendor.patterns) {
        if (seenPattern.has(p.id)) throw new ConfigError(`${file}: pattern id "${p.id}" is also used in ${seenPattern.get(p.id)}`);
        seenPattern.set(p.id, file);
      }
      vendors.push(vendor);
    }
  }
  const disabled = new Set(options.disable ?? []);
  for (const id of disabled) {
    if (!seenVendor.has(id) && !seenPattern.has(id)) throw new ConfigError(`--disable ${id}: no vendor or pattern has that id`);
  }
  if (disabled.size === 0) return vendors.filter((v) => v.patterns.length > 0);
  return vendors
    .filter((v) => !disabled.has(v.id))
    .map((v) => ({ ...v, patterns: v.patterns.filter((p) => !disabled.has(p.id)) }))
    .filter((v) => v.patterns.length > 0);
}

/** The built-in tracker files merged by the build, for loadVendors (compiled-data.ts). */
export const COMPILED_VENDORS_FILE = path.join(COMPILED_DIR, 'trackers.json');

/** The built-in files' vendors, file by file, as the build writes them for loadVendors. */
export function builtinVendorSets(): { files: string[]; vendors: Vendor[][] } {
  const files = jsonFiles(BUILTIN_RULES_DIR);
  return { files, vendors: files.map((file) => readRuleData(file).vendors) };
}

/** A rule file's parsed content; unchecked. */
function readRuleData(file: string): TrackerFile {
  try {
    // A byte order mark is accepted, as it is on mail.
    return JSON.parse(readRuleFile(file).replace(/^\uFEFF/, '')) as TrackerFile;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${file}: cannot read tracker data: ${(error as Error).message}`);
  }
}

/**
 * The JSON files a --rules argument names: a regular file, or the .json regular files of a folder.
 * Judged by stat before anything is opened: a FIFO would block the read forever and /dev/zero
 * would grow without end.
 */
function jsonFiles(p: string): string[] {
  const stat = statOf(p);
  if (stat.isFile()) return [p];
  if (!stat.isDirectory()) throw new ConfigError(`${p}: cannot read tracker data: not a regular file or a folder`);
  let entries: string[];
  try {
    entries = readdirSync(p);
  } catch (error) {
    throw new ConfigError(`${p}: cannot read tracker data: ${(error as Error).message}`);
  }
  const files = entries
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(p, f));
  for (const f of files) if (!statOf(f).isFile()) throw new ConfigError(`${f}: cannot read tracker data: not a regular file`);
  if (files.length === 0) throw new ConfigError(`${p}: cannot read tracker data: the folder holds no .json file`);
  return files;
}

function statOf(p: string): Stats {
  try {
    return statSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${p}: cannot read tracker data: ${code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
  }
}

/**
 * Reads a rule file, refusing anything but a regular file up to MAX_RULE_FILE_BYTES. Opened
 * non-blocking and checked again on the open descriptor: the path may have been swapped for a
 * FIFO or a device since the walk.
 */
function readRuleFile(file: string): string {
  const opened = openIfRegular(file);
  if (!opened) throw new ConfigError(`${file}: cannot read tracker data: not a regular file`);
  try {
    if (opened.size > MAX_RULE_FILE_BYTES) throw new ConfigError(`${file}: cannot read tracker data: ${opened.size} bytes, over the ${MAX_RULE_FILE_BYTES / 1024 / 1024} MB a rule file may have`);
    return readToEnd(opened.fd, opened.size, MAX_RULE_FILE_BYTES).toString('utf8');
  } finally {
    closeSync(opened.fd);
  }
}
