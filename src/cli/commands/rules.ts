import { Command, Option } from 'commander';
import { RULES } from '../../rules/index.js';
import { coverageOf, coverageTable, loadCoverageLists } from '../../trackers/coverage.js';
import { loadVendors } from '../../trackers/load.js';
import { VENDOR_CATEGORIES } from '../../trackers/schema.js';
import { EXIT_OK } from '../../exit-codes.js';
import type { Io } from '../io.js';
import { collect } from '../options.js';

export function rulesCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('rules')
    .description('list the detection rules and the tracker vendors known, with counts')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('--vendors', 'list every vendor with its patterns')
    .option('--rules <path>', 'extra tracker data to include (repeatable)', collect)
    .option('--coverage', 'how much of each public tracker list (rules/coverage) the data covers')
    .action(async (flags: { format: string; vendors?: boolean; rules?: string[]; coverage?: boolean }) => {
      const vendors = loadVendors({ extra: flags.rules });
      const patterns = vendors.flatMap((v) => v.patterns);
      if (flags.coverage) {
        const rows = loadCoverageLists().map((list) => coverageOf(list, vendors));
        const text = flags.format === 'json' ? JSON.stringify({ coverage: rows }, null, 2) : coverageTable(rows) + missingLines(rows);
        await io.stdout.write(`${text}\n`);
        return setExit(EXIT_OK);
      }
      if (flags.format === 'json') {
        const rules = [...RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map((r) => r.meta);
        await io.stdout.write(`${JSON.stringify({ rules, vendors }, null, 2)}\n`);
        return setExit(EXIT_OK);
      }
      const lines: string[] = ['Rules:'];
      for (const r of [...RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) lines.push(`  ${r.meta.id}  ${r.meta.alias.padEnd(22)} ${r.meta.category.padEnd(14)} ${r.meta.description}`);
      lines.push('', `Tracker data: ${vendors.length} vendors, ${patterns.length} patterns`);
      const byKind = new Map<string, number>();
      for (const p of patterns) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
      lines.push(`  patterns by kind: ${[...byKind.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}`);
      for (const category of VENDOR_CATEGORIES) {
        const n = vendors.filter((v) => v.category === category).length;
        if (n) lines.push(`  ${category.padEnd(22)} ${n} vendors`);
      }
      if (flags.vendors) {
        lines.push('');
        for (const v of [...vendors].sort((a, b) => a.id.localeCompare(b.id))) {
          lines.push(`${v.id} (${v.name}, ${v.category}): ${v.patterns.map((p) => `${p.id} [${p.kind}]`).join(', ')}`);
        }
      }
      await io.stdout.write(`${lines.join('\n')}\n`);
      setExit(EXIT_OK);
    });
}

function missingLines(rows: ReturnType<typeof coverageOf>[]): string {
  const lines = rows.flatMap((r) => r.missing.map((m) => `  ${r.list}: ${m.name}: ${m.problem}`));
  return lines.length ? `\n\nNot covered:\n${lines.join('\n')}` : '';
}
