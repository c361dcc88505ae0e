import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/check/check-report.js';
import { run } from '../src/cli/run.js';
import { ROOT } from './helpers.js';

// The real templates of ../shared/corpora/templates are read where they are, never copied into
// the project; CI runs without them, and the test is then counted as skipped.
const CORPUS = path.join(process.env.PIXELAUDIT_CORPORA ?? path.resolve(ROOT, '..', 'shared', 'corpora'), 'templates');
const present = existsSync(path.join(CORPUS, 'README.md'));

interface Expected {
  openTracking: boolean;
  linkTracking: boolean;
  openLines: number[];
  linkLines: number[];
}
const expected = (JSON.parse(readFileSync(path.join(ROOT, 'test', 'data', 'template-expectations.json'), 'utf8')) as { files: Record<string, Expected> }).files;

describe.skipIf(!present)('check on every template of the templates corpus', () => {
  it('finds exactly the labelled open tracking and link tracking, on the labelled lines', async () => {
    const { exitCode, stdout, stderr } = await run(['check', '.', '-f', 'json', '--fail-on', 'never'], { cwd: CORPUS });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    const seen = new Set(report.files.map((f) => f.file));
    // Every labelled file is checked, and nothing else is (the README is not a template).
    expect([...seen].sort()).toEqual(Object.keys(expected).sort());
    for (const f of report.files) {
      const want = expected[f.file];
      expect(f.error, f.file).toBeNull();
      const open = f.findings.filter((x) => (x.category === 'open-tracking' && x.tracking) || x.category === 'address-leak');
      const link = f.findings.filter((x) => x.category === 'link-tracking');
      expect(
        [...new Set(open.map((x) => x.position.line))].sort((a, b) => a - b),
        `${f.file}: open-tracking lines`,
      ).toEqual(want.openLines);
      expect(
        [...new Set(link.map((x) => x.position.line))].sort((a, b) => a - b),
        `${f.file}: link-tracking lines`,
      ).toEqual(want.linkLines);
    }
  });

  it('gives the counts the corpus README states (7 open, 4 link, 2 both, of 46)', async () => {
    const { stdout } = await run(['check', '.', '-f', 'json', '--fail-on', 'never'], { cwd: CORPUS });
    const files = (JSON.parse(stdout) as CheckReport).files;
    const open = files.filter((f) => f.findings.some((x) => x.category === 'open-tracking' && x.tracking));
    const link = files.filter((f) => f.findings.some((x) => x.category === 'link-tracking'));
    expect([files.length, open.length, link.length, open.filter((f) => link.includes(f)).length]).toEqual([46, 7, 4, 2]);
  });
});
