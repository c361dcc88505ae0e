import { wilson } from '../stats/wilson.js';

export type Outcome = 'tp' | 'fp' | 'fn' | 'tn';

/** Message-level counts with precision and recall and their 95% Wilson score intervals. */
export interface Score {
  decided: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** TP / (TP + FP); 1 when nothing was found (no false alarm is possible). */
  precision: number;
  precisionCi: { low: number; high: number };
  /** TP / (TP + FN); 1 when nothing is labelled tracked. */
  recall: number;
  recallCi: { low: number; high: number };
}

export function score(outcomes: Outcome[]): Score {
  const n = (o: Outcome): number => outcomes.filter((x) => x === o).length;
  const tp = n('tp');
  const fp = n('fp');
  const fn = n('fn');
  return {
    decided: outcomes.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: n('tn'),
    precision: tp + fp ? tp / (tp + fp) : 1,
    precisionCi: wilson(tp, tp + fp),
    recall: tp + fn ? tp / (tp + fn) : 1,
    recallCi: wilson(tp, tp + fn),
  };
}
