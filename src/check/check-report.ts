import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import { SEVERITY_RANK, type Severity } from '../types.js';
import type { CheckedFile } from './check-finding.js';

/** What every `check` formatter takes: the files with their findings, and the counts. */
export interface CheckReport {
  files: CheckedFile[];
  summary: CheckSummary;
}

export interface CheckSummary {
  files: number;
  /** Files that could not be checked (unreadable, binary, analysis failed). */
  failed: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  baselined: number;
  /** Files in the folders walked that check does not read (not a template type), by extension. */
  notRead: Record<string, number>;
  /** The lowest severity that fails the run, or never. */
  failOn: Severity | 'never';
  maxWarnings: number | null;
}

export function summarise(files: CheckedFile[], failOn: Severity | 'never', maxWarnings: number | null, notRead: Record<string, number> = {}): CheckSummary {
  const count = (s: Severity): number => files.reduce((n, f) => n + f.findings.filter((x) => x.severity === s).length, 0);
  return {
    files: files.length,
    failed: files.filter((f) => f.error !== null).length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    suppressed: files.reduce((n, f) => n + f.suppressed, 0),
    baselined: files.reduce((n, f) => n + f.baselined, 0),
    notRead,
    failOn,
    maxWarnings,
  };
}

/**
 * 2 when a file could not be checked (CI must not pass on a template it never read); 1 when a
 * finding is at or above `failOn`, or warnings exceed `maxWarnings`; else 0.
 */
export function exitCodeOf(s: CheckSummary): number {
  if (s.failed > 0) return EXIT_ERROR;
  const failing =
    s.failOn !== 'never' &&
    [
      ['error', s.errors],
      ['warning', s.warnings],
      ['info', s.infos],
    ].some(([sev, n]) => (n as number) > 0 && SEVERITY_RANK[sev as Severity] >= SEVERITY_RANK[s.failOn as Severity]);
  if (failing || (s.maxWarnings !== null && s.warnings > s.maxWarnings)) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** `3 files not read (not a template type: .cshtml 1, .txt 2)`, or '' when the walks read every file. */
export function notReadText(notRead: Record<string, number>): string {
  const entries = Object.entries(notRead).sort(([a], [b]) => a.localeCompare(b));
  const n = entries.reduce((sum, [, k]) => sum + k, 0);
  return n ? `${n} file${n === 1 ? '' : 's'} not read (not a template type: ${entries.map(([ext, k]) => `${ext} ${k}`).join(', ')})` : '';
}
