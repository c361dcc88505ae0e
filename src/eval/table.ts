import type { EvalReport } from './evaluate.js';
import type { Score } from './score.js';

const ci = (x: { low: number; high: number }): string => `${x.low.toFixed(3)}–${x.high.toFixed(3)}`;
const row = (name: string, s: Score): string =>
  `| ${name} | ${s.decided} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${s.trueNegatives} | ` + `${s.precision.toFixed(3)} (${ci(s.precisionCi)}) | ${s.recall.toFixed(3)} (${ci(s.recallCi)}) |`;

/** The accuracy table as Markdown, per corpus folder and overall, as the README publishes it. */
export function accuracyTable(report: EvalReport): string {
  return [
    '| corpus folder | decided | TP | FP | FN | TN | precision (95% CI) | recall (95% CI) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(report.byFolder).map(([folder, s]) => row(folder, s)),
    row('**all**', report),
  ].join('\n');
}
