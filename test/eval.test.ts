import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, findCorpora, readLabels } from '../src/eval/evaluate.js';
import { ROOT, detector } from './helpers.js';

const corpora = findCorpora(ROOT, process.env.PIXELAUDIT_CORPORA);

describe.skipIf(!corpora)('detector quality on the hand labels in ../shared/corpora/labels', () => {
  it('keeps message-level precision >= 0.97 and recall >= 0.95', async () => {
    const dir = path.join(corpora as string, 'labels');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
      const report = await evaluate(readLabels(path.join(dir, file)), corpora as string, detector());
      expect(report.labelled - report.undecided).toBeGreaterThan(50);
      expect(report.precision, `${file} precision`).toBeGreaterThanOrEqual(0.97);
      expect(report.recall, `${file} recall`).toBeGreaterThanOrEqual(0.95);
      // Every decided label is in exactly one folder's score; unsure and null labels in none.
      const folders = Object.values(report.byFolder);
      expect(folders.reduce((n, s) => n + s.decided, 0)).toBe(report.decided);
      expect(report.decided).toBe(report.labelled - report.undecided - report.unsure);
      expect(report.recallCi.low).toBeLessThanOrEqual(report.recall);
    }
  });
});

describe('scores', () => {
  it('gives precision and recall with 95% Wilson score intervals', async () => {
    const { score } = await import('../src/eval/score.js');
    const s = score(['tp', 'tp', 'tp', 'fn', 'fp', 'tn']);
    expect([s.truePositives, s.falsePositives, s.falseNegatives, s.trueNegatives, s.decided]).toEqual([3, 1, 1, 1, 6]);
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(0.75);
    // 3 of 4: the Wilson interval is 0.301 to 0.954 (z = 1.96).
    expect(s.recallCi.low).toBeCloseTo(0.3006, 3);
    expect(s.recallCi.high).toBeCloseTo(0.9544, 3);
    expect(score(['tn']).precision).toBe(1);
  });
});
