import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

const exec = promisify(execFile);
const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const SAMPLE = path.join(FIXTURES, 'sample-mailbox');

async function cli(args: string[], input?: Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

describe('the built CLI through bin/, end to end', () => {
  it('scans the sample mailbox (exit 0) and --fail-on tracked exits 1', async () => {
    const ok = await cli(['scan', SAMPLE]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Tracked: 13 of 22');
    expect((await cli(['scan', SAMPLE, '--fail-on', 'tracked'])).code).toBe(1);
  });

  it('exits 2 with one line for a missing path, and prints the version', async () => {
    const missing = await cli(['scan', '/no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('pixelaudit: /no/such/dir: no such file or folder\n');
    const { stdout } = await exec(process.execPath, [BIN, '--version']);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('reads an mbox from stdin with -', async () => {
    const mbox = readFileSync(path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox'));
    const r = await cli(['scan', '-', '-f', 'jsonl'], mbox);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.source)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `-#${n}`));
  });
});
