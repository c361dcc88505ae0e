// bin/pixelaudit.js starts Node with the flag that sizes the main thread's young generation
// (src/cli/heap.ts): it must reach Node when the file is run as a program, match the value the
// code cache was built with, and leave `node bin/pixelaudit.js` working with the cache accepted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LAUNCH_FLAGS, MAIN_SEMI_SPACE_MB } from '../src/cli/heap.js';
import { ROOT } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const MESSAGE = path.join(ROOT, 'fixtures', 'sample-mailbox', 'webinar-hubspot.eml');
const work = mkdtempSync(path.join(tmpdir(), 'pixelaudit-launcher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Preloaded into the CLI's process (NODE_OPTIONS=--require): after the scan, allocates young
// garbage enough to grow an uncapped young generation to V8's default (16 MB semi-spaces), then
// prints the main thread's new space and what the bundle loader did with each chunk's cache.
const PROBE = path.join(work, 'probe.cjs');
writeFileSync(
  PROBE,
  `const v8 = require('node:v8');
let stats;
import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'bundle-loader', 'load-bundle.js')).href)}).then((m) => (stats = m.codeCacheStats));
process.on('exit', () => {
  let keep = [];
  for (let i = 0; i < 4e6; i++) { keep.push({ i }); if (keep.length > 2e5) keep = []; }
  const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
  process.stderr.write('\\nPROBE ' + JSON.stringify({ newSpaceMb: newSpace / 1048576, stats }) + '\\n');
});
`,
);

function probe(command: string, args: string[]): { newSpaceMb: number; stats: { accepted: number; rejected: number; missing: number }; stdout: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: `--require ${PROBE}` } });
  expect(r.status, r.stderr).toBe(0);
  const line = /PROBE (\{.*\})/.exec(r.stderr);
  expect(line, r.stderr).not.toBeNull();
  return { ...(JSON.parse((line as RegExpExecArray)[1]) as { newSpaceMb: number; stats: { accepted: number; rejected: number; missing: number } }), stdout: r.stdout };
}

describe('the launcher (bin/pixelaudit.js)', () => {
  it("passes exactly heap.ts's LAUNCH_FLAGS to Node, through env -S", () => {
    const first = readFileSync(BIN, 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${LAUNCH_FLAGS.join(' ')}`);
    expect(LAUNCH_FLAGS).toEqual([`--max-semi-space-size=${MAIN_SEMI_SPACE_MB}`]);
  });

  it('run as a program, its main thread keeps the small young generation and V8 accepts every cached chunk', () => {
    const r = probe(BIN, ['scan', MESSAGE, '-f', 'json']);
    // Two semi-spaces of MAIN_SEMI_SPACE_MB: the allocation above grows an uncapped one to 32 MB.
    expect(r.newSpaceMb).toBeLessThanOrEqual(2 * MAIN_SEMI_SPACE_MB);
    expect(r.stats).toMatchObject({ rejected: 0, missing: 0 });
    expect(r.stats.accepted).toBeGreaterThan(10);
    expect(JSON.parse(r.stdout).summary.scanned).toBe(1);
  });

  it('started as `node bin/pixelaudit.js` (npm start), it gets the default young generation and the cache is accepted all the same', () => {
    const r = probe(process.execPath, [BIN, 'scan', MESSAGE, '-f', 'json']);
    // The probe itself proves the flag is what caps it: without it the young generation grows.
    expect(r.newSpaceMb).toBeGreaterThan(2 * MAIN_SEMI_SPACE_MB);
    expect(r.stats).toMatchObject({ rejected: 0, missing: 0 });
    expect(r.stats.accepted).toBeGreaterThan(10);
    expect(JSON.parse(r.stdout).summary.scanned).toBe(1);
  });
});
