// node dist/scripts/score-templates.js [folder]: scores `check` on a templates corpus folder
// (default ../shared/corpora/templates) against the labels of its README table (columns
// "open tracking" and "link tracking", yes/no per file), file by file: the same scoring for
// the public part and for a held-out part kept outside the repository. Prints TP/FP/FN/TN,
// precision and recall with 95% Wilson intervals, and the files that disagree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckReport } from '../src/check/check-report.js';
import { run } from '../src/cli/run.js';
import { findCorpora } from '../src/eval/evaluate.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { wilson } from '../src/stats/wilson.js';

const folder = path.resolve(process.argv[2] ?? path.join(findCorpora(PACKAGE_ROOT, process.env.PIXELAUDIT_CORPORA) ?? '', 'templates'));
const labels = new Map<string, { open: boolean; link: boolean }>();
for (const line of readFileSync(path.join(folder, 'README.md'), 'utf8').split('\n')) {
  if (!line.startsWith('| `')) continue;
  const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
  if (cells.length < 9 || !/^(yes|no)$/.test(cells[7]) || !/^(yes|no)$/.test(cells[8])) continue;
  labels.set(cells[1].replace(/`/g, ''), { open: cells[7] === 'yes', link: cells[8] === 'yes' });
}
const { stdout, stderr } = await run(['check', '.', '-f', 'json', '--fail-on', 'never'], { cwd: folder });
if (stderr) process.stderr.write(stderr);
const report = JSON.parse(stdout) as CheckReport;
const found = new Map(report.files.map((f) => [f.file, { open: f.findings.some((x) => (x.category === 'open-tracking' && x.tracking) || x.category === 'address-leak'), link: f.findings.some((x) => x.category === 'link-tracking') }]));
console.log(`${folder}: ${labels.size} labelled files, ${report.files.length} checked, ${report.summary.failed} not checked`);
for (const key of ['open', 'link'] as const) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  const wrong: string[] = [];
  for (const [file, label] of labels) {
    const got = found.get(file)?.[key] ?? false;
    if (got && label[key]) tp++;
    else if (got) {
      fp++;
      wrong.push(`false alarm: ${file}`);
    } else if (label[key]) {
      fn++;
      wrong.push(`missed: ${file}`);
    } else tn++;
  }
  const interval = (k: number, n: number): string => {
    if (n === 0) return 'n/a';
    const w = wilson(k, n);
    return `${(k / n).toFixed(3)} (${w.low.toFixed(3)}-${w.high.toFixed(3)})`;
  };
  console.log(`${key} tracking: TP ${tp} FP ${fp} FN ${fn} TN ${tn}; precision ${interval(tp, tp + fp)}, recall ${interval(tp, tp + fn)}`);
  for (const w of wrong) console.log(`  ${w}`);
}
