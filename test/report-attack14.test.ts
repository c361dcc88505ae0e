import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { resultShapeProblem } from '../src/report/result-shape.js';
import { SAMPLE } from './html-report-fixtures.js';
import { splitJsonl } from './helpers.js';

// What an outside attacker found in `report` and the HTML page (issue 14, second round).

const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-attack14-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sampleJsonl: string | undefined;
async function sampleLines(): Promise<string> {
  sampleJsonl ??= (await run(['scan', SAMPLE, '-f', 'jsonl'])).stdout;
  return sampleJsonl;
}

describe('report validates each JSONL line where it is read', () => {
  it('a line with a wrong type is one readable error naming file and line (exit 2), not an internal error', async () => {
    const lines = (await sampleLines()).trim().split('\n');
    const bad = JSON.parse(lines[1]);
    bad.from = {};
    lines[1] = JSON.stringify(bad);
    const file = path.join(dir, 'wrong-type.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    for (const format of ['table', 'html', 'json']) {
      const out = await run(['report', file, '-f', format]);
      expect(out.exitCode).toBe(2);
      expect(out.stderr).toMatch(/wrong-type\.jsonl:2: not a pixelaudit message result: "from" must be a string or null, not an object/);
      expect(out.stderr).not.toMatch(/toLowerCase|internal error|at senderOf/i);
      expect(out.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  it('names the field of a bad finding, and accepts every line scan writes', async () => {
    const { messages } = splitJsonl(await sampleLines());
    for (const m of messages) expect(resultShapeProblem(m)).toBeUndefined();
    const withFinding = messages.find((m) => m.findings.length) as unknown as Record<string, unknown> & { findings: Array<Record<string, unknown>> };
    expect(resultShapeProblem({ ...withFinding, findings: [{ ...withFinding.findings[0], url: 7 }] })).toBe('findings[0].url must be a string, not a number');
    expect(resultShapeProblem({ ...withFinding, subject: ['x'] })).toBe('"subject" must be a string or null, not an array');
    expect(resultShapeProblem({ ...withFinding, findings: [null] })).toBe('findings[0] must be an object, not null');
    expect(resultShapeProblem([])).toBe('not a JSON object');
  });
});

describe('results written with --no-redact say so in every report output', () => {
  it('the JSONL records it, and report -f html, table and json say so; a redacted scan says nothing', async () => {
    const open = path.join(dir, 'open.jsonl');
    const hidden = path.join(dir, 'hidden.jsonl');
    await run(['scan', SAMPLE, '-f', 'jsonl', '--no-redact', '-o', open]);
    await run(['scan', SAMPLE, '-f', 'jsonl', '-o', hidden]);
    const { skipped } = splitJsonl(readFileSync(open, 'utf8'));
    expect(skipped).toMatchObject({ redacted: false });
    expect(splitJsonl(readFileSync(hidden, 'utf8')).skipped).toMatchObject({ redacted: true });
    const html = (await run(['report', open, '-f', 'html'])).stdout;
    expect(html).toMatch(/<header>[\s\S]*class="unredacted"[\s\S]*Not redacted[\s\S]*<\/header>/);
    expect((await run(['report', open])).stdout).toMatch(/Not redacted: results written with --no-redact/);
    expect(JSON.parse((await run(['report', open, '-f', 'json'])).stdout).summary.unredacted).toBe(true);
    // One unredacted shard among redacted ones is enough.
    expect((await run(['report', hidden, open, '-f', 'html'])).stdout).toMatch(/class="unredacted"/);
    expect((await run(['report', hidden, '-f', 'html'])).stdout).not.toMatch(/class="unredacted"/);
    expect((await run(['report', hidden])).stdout).not.toMatch(/Not redacted/);
    // A file written before the flag (no closing line at all) is still read.
    const old = path.join(dir, 'old.jsonl');
    writeFileSync(old, splitJsonl(readFileSync(hidden, 'utf8')).messages.map((m) => JSON.stringify(m)).join('\n') + '\n');
    expect((await run(['report', old, '-f', 'json'])).exitCode).toBe(0);
  });

  it('scan --no-redact -f html says so in the page header', async () => {
    expect((await run(['scan', SAMPLE, '-f', 'html', '--no-redact'])).stdout).toMatch(/<header>[\s\S]*class="unredacted"/);
    expect((await run(['scan', SAMPLE, '-f', 'html'])).stdout).not.toMatch(/class="unredacted"/);
  });
});
