import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_HEADER_BYTES, cacheFileContent, hashOf, v8DataIn } from '../src/bundle-loader/cache-file.js';
import { ROOT } from './helpers.js';

const MESSAGE = path.join(ROOT, 'fixtures', 'sample-mailbox', 'webinar-hubspot.eml');
const mkfifo = (file: string): boolean => spawnSync('mkfifo', [file]).status === 0;
const probe = mkdtempSync(path.join(tmpdir(), 'pixelaudit-fifo-'));
const haveFifo = mkfifo(path.join(probe, 'p'));
rmSync(probe, { recursive: true, force: true });
// The guard against a hang in the FIFO cases: a run killed at this limit failed. Not a measure of speed.
const KILL_AFTER_MS = 30_000;

/** A copy of the built CLI (bin/ and dist/) in an install whose other parts are the real ones, linked. */
function copyOfInstall(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-code-cache-'));
  for (const name of readdirSync(ROOT)) if (name !== 'dist' && name !== 'bin') symlinkSync(path.join(ROOT, name), path.join(dir, name));
  for (const name of ['bin', 'dist']) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  return dir;
}

/** Runs the CLI of an install as bin/ does and reports what happened to each chunk's code cache. */
function runCounting(root: string, args: string[], timeout = 60_000): { stdout: string; status: number | null; stats: { accepted: number; rejected: number; missing: number } } {
  const loader = path.join(root, 'dist', 'src', 'bundle-loader', 'load-bundle.js');
  const script = `import { loadBundle, codeCacheStats } from ${JSON.stringify(loader)};
process.argv = [process.argv[0], 'pixelaudit', ...process.argv.slice(1)];
process.on('exit', () => process.stderr.write('\\nSTATS ' + JSON.stringify(codeCacheStats) + '\\n'));
process.exitCode = await loadBundle('main.cjs').main();`;
  // SIGKILL: the CLI handles SIGTERM (src/cli/main.ts), which cannot run while its thread is blocked in a system call.
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { encoding: 'utf8', timeout, killSignal: 'SIGKILL' });
  expect(r.signal, 'killed: it hung').toBeNull();
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

  it("a cache file holds V8's data only as written: any bit flipped, anywhere, and it is not handed on", () => {
    const chunk = chunkNamed(ROOT, 'analyse-html');
    const sourceHash = hashOf(readFileSync(chunk));
    const content = readFileSync(cacheOf(ROOT, chunk));
    const data = v8DataIn(content, sourceHash);
    expect(Buffer.isBuffer(data) && data.equals(content.subarray(CACHE_HEADER_BYTES))).toBe(true);
    expect(cacheFileContent(sourceHash, content.subarray(CACHE_HEADER_BYTES)).equals(content)).toBe(true);
    // Every bit of the header and V8's own header, then offsets spread over the rest (fixed seed).
    const offsets = Array.from({ length: 160 }, (_, i) => i);
    for (let i = 0, x = 12345; i < 200; i++) offsets.push((x = (x * 1103515245 + 12345) % 2 ** 31) % content.length);
    offsets.push(content.length - 1);
    for (const at of offsets) {
      const bit = 1 << (at % 8);
      content[at] ^= bit;
      expect(v8DataIn(content, sourceHash), `bit ${at % 8} of byte ${at}`).toBe(at < 32 ? 'stale' : 'damaged');
      content[at] ^= bit;
    }
    expect(v8DataIn(content.subarray(0, content.length - 1), sourceHash)).toBe('damaged');
    expect(v8DataIn(content.subarray(0, CACHE_HEADER_BYTES), sourceHash)).toBe('stale');
    // The format before the data's hash (source hash, then V8's data) is read as damaged, never handed on.
    expect(v8DataIn(Buffer.concat([sourceHash, content.subarray(CACHE_HEADER_BYTES)]), sourceHash)).toBe('damaged');
  });

  it("one bit flipped in V8's data (the source hash kept) is caught before V8 reads it: rejected, compiled from source, same report", () => {
    const expected = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pixelaudit.js'), 'scan', MESSAGE, '-f', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(expected.status).toBe(0);
    const root = copyOfInstall();
    try {
      // The attacker's findings, at the same places in V8's data (its header is 28 bytes, then its
      // payload): V8 checks none of the payload, and each of these flips, handed to V8, stopped the
      // process in its deserializer (exit 133 "unreachable code") before any output. Others are
      // worse: accepted, and run as whatever bytecode they now say.
      const flipInV8Data = (file: string, at: number): void => {
        const bytes = readFileSync(file);
        bytes[CACHE_HEADER_BYTES + at] ^= 1;
        writeFileSync(file, bytes);
      };
      flipInV8Data(path.join(root, 'dist', 'bundle', 'code-cache', 'main.cjs.v8'), 68);
      flipInV8Data(cacheOf(root, chunkNamed(root, 'analyse-html')), 28);
      const r = runCounting(root, ['scan', MESSAGE, '-f', 'json']);
      expect(r.status).toBe(0);
      expect(r.stats.rejected).toBe(2);
      expect(r.stats.missing).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(!haveFifo)('a FIFO, a folder or an oversized file in place of a cache file is passed over without reading it: rejected, same report', () => {
    const expected = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pixelaudit.js'), 'scan', MESSAGE, '-f', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(expected.status).toBe(0);
    const root = copyOfInstall();
    try {
      // A FIFO: a blocking open waits for a writer that never comes (start-up hung forever).
      const main = path.join(root, 'dist', 'bundle', 'code-cache', 'main.cjs.v8');
      rmSync(main);
      expect(mkfifo(main)).toBe(true);
      const folder = cacheOf(root, chunkNamed(root, 'analyse-message'));
      rmSync(folder);
      mkdirSync(folder);
      // Larger than any cache is (sparse, nothing to read): refused by its size, before a read.
      const big = cacheOf(root, chunkNamed(root, 'analyse-html'));
      truncateSync(big, 2 ** 30);
      const r = runCounting(root, ['scan', MESSAGE, '-f', 'json'], KILL_AFTER_MS);
      expect(r.status).toBe(0);
      expect(r.stats).toMatchObject({ rejected: 3, missing: 0 });
      expect(r.stdout).toBe(expected.stdout);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(!haveFifo)('a FIFO in place of a chunk is a broken install (the module cannot be found), not a hang', () => {
    const root = copyOfInstall();
    try {
      const chunk = chunkNamed(root, 'analyse-message');
      rmSync(chunk);
      expect(mkfifo(chunk)).toBe(true);
      const r = spawnSync(process.execPath, [path.join(root, 'bin', 'pixelaudit.js'), 'scan', MESSAGE, '-f', 'json'], { encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
      expect(r.signal, 'killed: it hung').toBeNull();
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('not a regular file');
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
