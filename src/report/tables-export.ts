import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { csvField } from '../formatters/csv.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { outputError } from '../output/output-error.js';
import type { StudyTables } from '../stats/study.js';

/** The tables written, each as `name.csv` and `name.json`. */
export const TABLE_NAMES = ['prevalence', 'sender_domains', 'senders_summary', 'vendors', 'organisations', 'parties', 'months', 'comparison'] as const;

/** Every file exportTables writes, for checking them against the inputs before any work. */
export const TABLE_FILES: readonly string[] = TABLE_NAMES.flatMap((name) => [`${name}.csv`, `${name}.json`]);

/** Writes every study table as CSV and JSON into a folder, for plotting elsewhere. */
export function exportTables(study: StudyTables, dir: string): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw outputError(dir, error);
  }
  const written: string[] = [];
  const tables: Record<(typeof TABLE_NAMES)[number], Array<Record<string, string | number | boolean | null | undefined>>> = {
    prevalence: study.prevalence.map((c) => ({
      definition: c.definition,
      denominator: c.denominator,
      k: c.k,
      n: c.n,
      share: c.share,
      wilson_low: c.wilson.low,
      wilson_high: c.wilson.high,
      sender_bootstrap_low: c.senderBootstrap?.low ?? '',
      sender_bootstrap_high: c.senderBootstrap?.high ?? '',
    })),
    sender_domains: study.senderDomains,
    senders_summary: [study.senderSummary],
    vendors: study.vendors,
    organisations: study.organisations,
    parties: study.parties,
    months: study.months,
    comparison: study.comparison.map((r) => ({ study: r.study, note: r.note, published: r.published, definition: r.definition, denominator: r.denominator, k: r.ours?.k ?? '', n: r.ours?.n ?? '', share: r.ours?.share ?? '' })),
  };
  for (const [name, rows] of Object.entries(tables)) {
    const columns = rows.length ? Object.keys(rows[0]) : [];
    const csv = [columns.join(','), ...rows.map((row) => columns.map((c) => csvField(String(row[c] ?? ''))).join(','))].join('\r\n');
    writeFileAtomic(path.join(dir, `${name}.csv`), `${csv}\r\n`, 'follow');
    writeFileAtomic(path.join(dir, `${name}.json`), `${JSON.stringify(rows, null, 2)}\n`, 'follow');
    written.push(`${name}.csv`, `${name}.json`);
  }
  return written;
}
