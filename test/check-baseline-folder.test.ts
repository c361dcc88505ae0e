// A baseline accepts the same findings whichever folder check runs in: fingerprints name files
// relative to the baseline's folder, not the working folder (the attacker's monorepo: written by
// `check emails` at the root, read by `cd emails && check .`, every finding was new again).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { project } from './check-project.js';

const PIXEL = '<html><body>\n<img src="https://img.example.org/o.gif?u={{ user.id }}" width="1" height="1">\n</body></html>\n';

async function check(cwd: string, ...args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return run(['check', ...args], { cwd });
}

describe('check: baseline fingerprints do not depend on the working folder', () => {
  it("config's baseline: written at the root for emails/, read in emails/ for . (and the entry names the file from the baseline's folder)", async () => {
    const dir = project({ 'pixelaudit.config.json': '{"baseline":"pixelaudit-baseline.json"}', 'emails/a.hbs': PIXEL });
    expect((await check(dir, 'emails', '--write-baseline')).exitCode).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'pixelaudit-baseline.json'), 'utf8')) as { findings: Array<{ file: string }> };
    expect(written.findings.map((f) => f.file)).toEqual(['emails/a.hbs']);
    const inside = await check(path.join(dir, 'emails'), '.');
    expect(inside.stdout).toContain('1 in the baseline');
    expect(inside.exitCode).toBe(0);
  });

  it("config's baseline: written in emails/ for ., read at the root for emails/", async () => {
    const dir = project({ 'pixelaudit.config.json': '{"baseline":"pixelaudit-baseline.json"}', 'emails/a.hbs': PIXEL });
    expect((await check(path.join(dir, 'emails'), '.', '--write-baseline')).exitCode).toBe(0);
    const root = await check(dir, 'emails');
    expect(root.stdout).toContain('1 in the baseline');
    expect(root.exitCode).toBe(0);
  });

  it('--baseline named from each folder in turn, no config: the same fingerprints', async () => {
    const dir = project({ 'emails/a.hbs': PIXEL });
    expect((await check(path.join(dir, 'emails'), 'a.hbs', '--baseline', '../bl.json', '--write-baseline')).exitCode).toBe(0);
    const root = await check(dir, 'emails/a.hbs', '--baseline', 'bl.json');
    expect(root.stdout).toContain('1 in the baseline');
    expect(root.exitCode).toBe(0);
  });

  it('a finding not in the baseline is still new from another folder', async () => {
    const dir = project({ 'pixelaudit.config.json': '{"baseline":"pixelaudit-baseline.json"}', 'emails/a.hbs': PIXEL });
    expect((await check(dir, 'emails', '--write-baseline')).exitCode).toBe(0);
    const other = project({ 'b.hbs': PIXEL });
    const r = await check(path.join(dir, 'emails'), '.', path.join(other, 'b.hbs'));
    expect(r.stdout).toContain('1 in the baseline');
    expect(r.exitCode).toBe(1);
  });
});
