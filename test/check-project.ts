import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { CheckFinding } from '../src/check/check-finding.js';
import type { CheckReport } from '../src/check/check-report.js';
import { run } from '../src/cli/run.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder of real files written for the case (removed after the test file). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-check-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** `pixelaudit check ARGS -f json` in-process in `dir`, with its findings read back. */
export async function check(dir: string, ...args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string; findings: CheckFinding[]; report?: CheckReport }> {
  const r = await run(['check', ...args, '-f', 'json'], { cwd: dir });
  const report = r.stdout ? (JSON.parse(r.stdout) as CheckReport) : undefined;
  return { ...r, report, findings: report ? report.files.flatMap((f) => f.findings) : [] };
}

/** `line:column rule severity`: what a test compares. */
export const brief = (f: CheckFinding): string => `${f.position.line}:${f.position.column} ${f.ruleId} ${f.severity}`;
