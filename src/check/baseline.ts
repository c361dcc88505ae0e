import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import type { CheckFinding } from './check-finding.js';

/** The baseline file: the fingerprints of accepted findings, with enough beside each to review it. */
interface BaselineFile {
  pixelaudit: 'check-baseline';
  version: 1;
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
  return new Set(data.findings.map((f) => f.fingerprint));
}

/** Writes every finding of the run as accepted, sorted so that the file diffs well; temp file and rename. */
export function writeBaseline(file: string, findings: CheckFinding[]): void {
  const entries = findings
    .map((f) => ({ fingerprint: f.fingerprint, file: f.file, ruleId: f.ruleId, rule: f.rule, url: f.url }))
    .sort((a, b) => (a.file === b.file ? a.fingerprint.localeCompare(b.fingerprint) : a.file.localeCompare(b.file)));
  const data: BaselineFile = { pixelaudit: 'check-baseline', version: 1, findings: entries };
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 'follow');
}
