import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvField } from '../formatters/csv.js';
import type { StudyTables } from '../stats/study.js';

/** Writes every study table as CSV and JSON into a folder, for plotting elsewhere. */
export function exportTables(study: StudyTables, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const tables: Record<string, Array<Record<string, unknown>>> = {
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
    writeFileSync(path.join(dir, `${name}.csv`), `${csv}\r\n`);
    writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(rows, null, 2)}\n`);
    written.push(`${name}.csv`, `${name}.json`);
  }
  return written;
}
