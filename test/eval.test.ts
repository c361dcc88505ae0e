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
    }
  });
});
