// npm run eval: scores the detector on the hand labels in ../shared/corpora/labels.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createDetector } from '../src/engine/detector.js';
import { evaluate, findCorpora, readLabels } from '../src/eval/evaluate.js';
import { accuracyTable } from '../src/eval/table.js';
import { findingMessage } from '../src/rules/finding-message.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

const corpora = findCorpora(PACKAGE_ROOT, process.env.PIXELAUDIT_CORPORA);
if (!corpora) {
  console.log('eval: skipped, no ../shared/corpora/labels beside the project (set PIXELAUDIT_CORPORA to point elsewhere)');
  process.exit(0);
}
const labelDir = path.join(corpora, 'labels');
const files = readdirSync(labelDir).filter((f) => f.endsWith('.jsonl'));
const verbose = process.argv.includes('--verbose');
const detector = createDetector({ redact: false });
for (const file of files) {
  const report = await evaluate(readLabels(path.join(labelDir, file)), corpora, detector);
  console.log(`labels: ${file}: ${report.decided} decided; left out: ${report.undecided} undecided (tracked null), ${report.unsure} unsure; unreadable ${report.failed}`);
  console.log('');
  console.log(accuracyTable(report));
  console.log('');
  for (const [name, a] of [
    ['link tracking', report.linkTracking],
    ['address leak', report.addressLeak],
  ] as const) {
    const pct = (n: number): string => `${((100 * n) / Math.max(1, a.messages)).toFixed(1)}%`;
    console.log(`${name}: labelled in ${a.labelled}/${a.messages} (${pct(a.labelled)}), found in ${a.found} (${pct(a.found)}), both ${a.both}`);
  }
  const show = (title: string, cases: typeof report.misses): void => {
    console.log(`${title}: ${cases.length ? '' : 'none'}`);
    for (const c of cases) {
      console.log(`  ${c.label.file}${c.result.error ? `  [unreadable: ${c.result.error}]` : ''}`);
      if (verbose) {
        for (const p of c.label.pixels) console.log(`    label: ${p.why} ${p.url.slice(0, 140)}`);
        for (const f of c.result.findings.filter((x) => x.tracking)) console.log(`    found: ${f.ruleId} ${f.url.slice(0, 140)} (${findingMessage(f)})`);
        if (c.label.notes) console.log(`    notes: ${c.label.notes}`);
      }
    }
  };
  show('misses (labelled tracked, not found)', report.misses);
  show('false alarms (labelled clean, found tracked)', report.falseAlarms);
}
