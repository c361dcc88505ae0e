import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const MESSAGE = path.join(ROOT, 'fixtures', 'sample-mailbox', 'webinar-hubspot.eml');

/** A copy of the built CLI (bin/ and dist/) in an install whose other parts are the real ones, linked. */
function copyOfInstall(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-code-cache-'));
  for (const name of readdirSync(ROOT)) if (name !== 'dist' && name !== 'bin') symlinkSync(path.join(ROOT, name), path.join(dir, name));
  for (const name of ['bin', 'dist']) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  return dir;
}

/** Runs the CLI of an install as bin/ does and reports what happened to each chunk's code cache. */
function runCounting(root: string, args: string[]): { stdout: string; status: number | null; stats: { accepted: number; rejected: number; missing: number } } {
  const loader = path.join(root, 'dist', 'src', 'bundle-loader', 'load-bundle.js');
  const script = `import { loadBundle, codeCacheStats } from ${JSON.stringify(loader)};
process.argv = [process.argv[0], 'pixelaudit', ...process.argv.slice(1)];
process.on('exit', () => process.stderr.write('\\nSTATS ' + JSON.stringify(codeCacheStats) + '\\n'));
process.exitCode = await loadBundle('main.cjs').main();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { encoding: 'utf8', timeout: 60_000 });
  const line = /STATS (\{.*\})/.exec(r.stderr);
  expect(line, r.stderr).not.toBeNull();
  return { stdout: r.stdout, status: r.status, stats: JSON.parse((line as RegExpExecArray)[1]) as { accepted: number; rejected: number; missing: number } };
}

const chunkNamed = (root: string, prefix: string): string => {
  const dir = path.join(root, 'dist', 'bundle', 'chunks');
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.cjs'));
  expect(name, `a ${prefix} chunk`).toBeDefined();
  return path.join(dir, name as string);
};
const cacheOf = (root: string, chunk: string): string => path.join(root, 'dist', 'bundle', 'code-cache', `${path.relative(path.join(root, 'dist', 'bundle'), chunk)}.v8`);

describe('the V8 code cache of the bundle (src/bundle-loader/)', () => {
  it('npm run build makes one for every chunk a one-message scan loads, and V8 accepts each', () => {
    const r = runCounting(ROOT, ['scan', MESSAGE, '-f', 'json']);
    expect(r.status).toBe(0);
    expect(r.stats.rejected).toBe(0);
    expect(r.stats.missing).toBe(0);
    expect(r.stats.accepted).toBeGreaterThan(10);
  });

  it('each cache file names the chunk text it was made from, and the chunks are ASCII (read as one-byte text)', () => {
    const chunk = chunkNamed(ROOT, 'analyse-html');
    const bytes = readFileSync(chunk);
    expect(readFileSync(cacheOf(ROOT, chunk)).subarray(0, 32).equals(createHash('sha256').update(bytes).digest())).toBe(true);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
  });

  it('a stale, corrupt or missing cache is passed over silently and the report is the same', () => {
    const expected = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pixelaudit.js'), 'scan', MESSAGE, '-f', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(expected.status).toBe(0);
    const root = copyOfInstall();
    try {
      // Stale: the chunk edited to the same length, which V8's own check (its length) lets through.
      const html = chunkNamed(root, 'analyse-html');
      const text = readFileSync(html, 'latin1');
      const at = text.indexOf('\n', 1000);
      writeFileSync(html, `${text.slice(0, at)} ${text.slice(at + 2)}`.padEnd(text.length, ' '), 'latin1');
      expect(readFileSync(html).length).toBe(Buffer.byteLength(text, 'latin1'));
      // Corrupt: the right hash, then bytes that are no V8 code cache.
      const message = chunkNamed(root, 'analyse-message');
      const cache = readFileSync(cacheOf(root, message));
      writeFileSync(cacheOf(root, message), Buffer.concat([cache.subarray(0, 32), Buffer.alloc(cache.length - 32, 7)]));
      // Missing.
      rmSync(cacheOf(root, chunkNamed(root, 'detector')));
      const r = runCounting(root, ['scan', MESSAGE, '-f', 'json']);
      expect(r.stats).toMatchObject({ rejected: 1, missing: 2 });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
      // No cache at all: the same again.
      rmSync(path.join(root, 'dist', 'bundle', 'code-cache'), { recursive: true });
      const none = runCounting(root, ['scan', MESSAGE, '-f', 'json']);
      expect(none.stats.accepted).toBe(0);
      expect(none.stdout).toBe(expected.stdout);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('another V8 flag value (node --max-lazy) makes V8 reject the cache, and the scan runs all the same', () => {
    const loader = path.join(ROOT, 'dist', 'src', 'bundle-loader', 'load-bundle.js');
    const script = `import { loadBundle, codeCacheStats } from ${JSON.stringify(loader)};
process.argv = [process.argv[0], 'pixelaudit', 'scan', ${JSON.stringify(MESSAGE)}, '-f', 'json'];
process.on('exit', () => process.stderr.write('STATS ' + JSON.stringify(codeCacheStats)));
process.exitCode = await loadBundle('main.cjs').main();`;
    const r = spawnSync(process.execPath, ['--max-lazy', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.scanned).toBe(1);
    const stats = JSON.parse((/STATS (\{.*\})/.exec(r.stderr) as RegExpExecArray)[1]) as { accepted: number; rejected: number };
    expect(stats.accepted).toBe(0);
    expect(stats.rejected).toBeGreaterThan(10);
  });
});
