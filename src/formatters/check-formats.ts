import type { CheckReport } from '../check/check-report.js';
import { FORMAT_NAMES } from './index.js';

/** What a format of `check` needs besides the report. */
export interface CheckFormatContext {
  color: boolean;
  /** The working folder: SARIF's %SRCROOT% and the GitHub annotations' paths are relative to it. */
  baseDir: string;
  /** The run's exit code (exitCodeOf the summary): SARIF's invocation states it. */
  exitCode: number;
}

type CheckFormatter = (report: CheckReport, ctx: CheckFormatContext) => string;

// Loaded lazily, as scan's formatters are: `check -f github` on one template never loads the
// table's colour code or the SARIF rule metadata (start-up counts for a pre-commit hook).
export const CHECK_FORMATTERS: Record<string, () => Promise<CheckFormatter>> = {
  table: async () => {
    const { formatCheckTable } = await import('./check-table.js');
    return (report, ctx) => formatCheckTable(report, ctx.color);
  },
  json: async () => {
    const { safeJson } = await import('./safe-text.js');
    return (report) => `${safeJson({ tool: 'pixelaudit', command: 'check', ...report }, 2)}\n`;
  },
  // The same self-contained page, policy and escaping as scan's report (html/render-page.ts).
  html: async () => {
    const { renderCheckPage } = await import('./html/check-page.js');
    return (report) => renderCheckPage(report);
  },
  ...Object.fromEntries(
    (['sarif', 'github', 'junit'] as const).map((name) => [
      name,
      async (): Promise<CheckFormatter> => {
        const { renderFileResults } = await import('./ci/index.js');
        return (report, ctx) => renderFileResults(name, report.files, { baseDir: ctx.baseDir, exitCode: ctx.exitCode });
      },
    ]),
  ),
};

export const CHECK_FORMAT_NAMES = Object.keys(CHECK_FORMATTERS);

/**
 * scan's formats that check refuses, each with why: they are built on messages (a mailbox's
 * study, one row or line per message), which a checked file is not.
 */
export const SCAN_ONLY_FORMATS: Readonly<Record<string, string>> = Object.fromEntries(
  FORMAT_NAMES.filter((name) => !CHECK_FORMAT_NAMES.includes(name)).map((name) => [name, `a format of scan's per-message results; check has files and findings, not messages`]),
);
