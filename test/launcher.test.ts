// bin/pixelaudit.js is started by a plain `#!/usr/bin/env node` (busybox's env has no -S: see
// LAUNCH_FLAGS in src/cli/heap.ts): its first line must carry exactly LAUNCH_FLAGS, which the
// bench passes too, and V8 must accept every cached chunk whether the file is run as a program or
// as `node bin/pixelaudit.js` (npm start).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LAUNCH_FLAGS } from '../src/cli/heap.js';
import { ROOT } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const MESSAGE = path.join(ROOT, 'fixtures', 'sample-mailbox', 'webinar-hubspot.eml');
const work = mkdtempSync(path.join(tmpdir(), 'pixelaudit-launcher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Preloaded into the CLI's process (NODE_OPTIONS=--require): prints what the bundle loader did
// with each chunk's cache.
const PROBE = path.join(work, 'probe.cjs');
writeFileSync(
  PROBE,
  `let stats;
import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'src', 'bundle-loader', 'load-bundle.js')).href)}).then((m) => (stats = m.codeCacheStats));
process.on('exit', () => process.stderr.write('\\nPROBE ' + JSON.stringify({ stats }) + '\\n'));
`,
);

function probe(command: string, args: string[]): { stats: { accepted: number; rejected: number; missing: number }; stdout: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: `--require ${PROBE}` } });
  expect(r.status, r.stderr).toBe(0);
  const line = /PROBE (\{.*\})/.exec(r.stderr);
  expect(line, r.stderr).not.toBeNull();
  return { ...(JSON.parse((line as RegExpExecArray)[1]) as { stats: { accepted: number; rejected: number; missing: number } }), stdout: r.stdout };
}

describe('the launcher (bin/pixelaudit.js)', () => {
  it("passes exactly heap.ts's LAUNCH_FLAGS to Node, with no env -S", () => {
    const first = readFileSync(BIN, 'utf8').split('\n')[0];
    expect(first).toBe(['#!/usr/bin/env node', ...LAUNCH_FLAGS].join(' '));
    expect(first).not.toMatch(/env\s+-S/);
  });

  for (const [how, command, args] of [
    ['run as a program', BIN, ['scan', MESSAGE, '-f', 'json']],
    ['started as `node bin/pixelaudit.js` (npm start)', process.execPath, [BIN, 'scan', MESSAGE, '-f', 'json']],
  ] as const) {
    it(`${how}, V8 accepts every cached chunk`, () => {
      const r = probe(command, [...args]);
      expect(r.stats).toMatchObject({ rejected: 0, missing: 0 });
      expect(r.stats.accepted).toBeGreaterThan(10);
      expect(JSON.parse(r.stdout).summary.scanned).toBe(1);
    });
  }
});
