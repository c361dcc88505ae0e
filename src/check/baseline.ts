import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import type { CheckFinding } from './check-finding.js';
import { fingerprintPath } from './fingerprint.js';

const BASELINE_VERSION = 2;
const TOP_KEYS = new Set(['pixelaudit', 'version', 'findings']);
const ENTRY_KEYS = new Set(['fingerprint', 'file', 'ruleId', 'rule', 'url']);

/** The baseline file: the fingerprints of accepted findings, with enough beside each to review it. */
interface BaselineFile {
  pixelaudit: 'check-baseline';
  version: 2;
  findings: Array<{ fingerprint: string; file: string; ruleId: string; rule: string; url: string }>;
}

/** The fingerprints a baseline accepts; a missing or malformed file is one line and exit 2. */
export function readBaseline(file: string): Set<string> {
  let data: BaselineFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as BaselineFile;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`--baseline ${file}: ${code === 'ENOENT' ? 'no such file' : code ? `cannot be read (${code})` : `not valid JSON (${(error as Error).message})`}`, 'create it with --write-baseline');
  }
  if (data?.pixelaudit !== 'check-baseline' || !Array.isArray(data.findings) || !data.findings.every((f) => typeof f?.fingerprint === 'string')) {
    throw new ConfigError(`--baseline ${file}: not a pixelaudit check baseline`, 'create it with --write-baseline');
  }
  // Version 1 fingerprints left out the expressions and the severity (a new tracker could match
  // an old entry): such a file, or one from a newer pixelaudit, is refused, never half-trusted.
  const version: unknown = data.version;
  if (version !== BASELINE_VERSION) throw new ConfigError(`--baseline ${file}: version ${JSON.stringify(version)} is not ${String(BASELINE_VERSION)}`, 'write it again with --write-baseline');
  const unknown = [...Object.keys(data).filter((k) => !TOP_KEYS.has(k)), ...data.findings.flatMap((f) => Object.keys(f).filter((k) => !ENTRY_KEYS.has(k)))];
  if (unknown.length) throw new ConfigError(`--baseline ${file}: unknown key ${JSON.stringify(unknown[0])}`, 'write it again with --write-baseline');
  return new Set(data.findings.map((f) => f.fingerprint));
}

/**
 * Writes every finding of the run as accepted, sorted so that the file diffs well; temp file and
 * rename. Each entry names its file relative to the baseline's folder, as its fingerprint does.
 */
export function writeBaseline(file: string, findings: CheckFinding[], cwd: string): void {
  const entries = findings
    .map((f) => ({ fingerprint: f.fingerprint, file: fingerprintPath(f.file, cwd, path.dirname(file)), ruleId: f.ruleId, rule: f.rule, url: f.url }))
    .sort((a, b) => (a.file === b.file ? a.fingerprint.localeCompare(b.fingerprint) : a.file.localeCompare(b.file)));
  const data: BaselineFile = { pixelaudit: 'check-baseline', version: BASELINE_VERSION, findings: entries };
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 'follow');
}
