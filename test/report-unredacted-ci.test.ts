import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { HAS_XMLLINT, junitSchemaErrors, parseAnnotations, parseJunit, sarifErrors } from './ci-format-checkers.js';
import { project } from './check-project.js';
import { FIXTURES } from './helpers.js';

const SAMPLE = path.join(FIXTURES, 'sample-mailbox');

// Issue 14's note: report's CI formats did not say that the JSONL they read was written with
// --no-redact, so a SARIF log uploaded to code scanning looked like a redacted one.
describe('report -f sarif/github/junit on JSONL written with --no-redact says so', () => {
  it('in SARIF run properties, a GitHub notice and a JUnit property; a redacted input says nothing', async () => {
    const dir = project({});
    for (const [name, args] of [
      ['open.jsonl', ['--no-redact']],
      ['masked.jsonl', []],
    ] as const) {
      const scan = await run(['scan', SAMPLE, ...args, '-f', 'jsonl']);
      writeFileSync(path.join(dir, name), scan.stdout);
    }
    const outputs = async (input: string): Promise<{ sarif: string; github: string; junit: string }> => {
      const r = await run(['report', path.join(dir, input), '-f', `sarif:${path.join(dir, 'out.sarif')}`, '-f', `junit:${path.join(dir, 'out.xml')}`, '-f', 'github'], { cwd: dir });
      expect(r.exitCode, r.stderr).toBe(0);
      return { sarif: readFileSync(path.join(dir, 'out.sarif'), 'utf8'), github: r.stdout, junit: readFileSync(path.join(dir, 'out.xml'), 'utf8') };
    };

    const open = await outputs('open.jsonl');
    expect(sarifErrors(open.sarif)).toEqual([]);
    expect(JSON.parse(open.sarif).runs[0].properties).toMatchObject({ redacted: false });
    const notices = parseAnnotations(open.github).filter((a) => a.command === 'notice' && a.properties.title === 'pixelaudit: not redacted');
    expect(notices).toHaveLength(1);
    expect(notices[0].data).toMatch(/--no-redact/);
    const suites = parseJunit(open.junit).testsuites.testsuite as Array<Record<string, unknown>>;
    expect(suites.length).toBeGreaterThan(0);
    for (const s of suites) expect(JSON.stringify(s.properties)).toContain('"pixelaudit.redacted"');
    if (HAS_XMLLINT) expect(junitSchemaErrors(open.junit)).toBe('');

    const masked = await outputs('masked.jsonl');
    expect(JSON.parse(masked.sarif).runs[0].properties).toBeUndefined();
    expect(masked.github).not.toContain('not redacted');
    expect(masked.junit).not.toContain('pixelaudit.redacted');
  });
});
