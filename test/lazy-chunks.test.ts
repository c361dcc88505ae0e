import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** A copy of the built CLI (bin/ and dist/, code cache included) without the bundle chunk whose name starts with `prefix`. */
function bundleWithout(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-chunks-'));
  // The install around it (package.json, rules, node_modules) is the real one, linked; bin/ and
  // dist/ are copied, since the loader finds the bundle from its own place.
  for (const name of readdirSync(ROOT)) if (name !== 'dist' && name !== 'bin') symlinkSync(path.join(ROOT, name), path.join(dir, name));
  for (const name of ['bin', 'dist']) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  const chunks = path.join(dir, 'dist', 'bundle', 'chunks');
  const gone = readdirSync(chunks).filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.cjs'));
  expect(gone.length, `one ${prefix} chunk in the bundle`).toBe(1);
  rmSync(path.join(chunks, gone[0]));
  return dir;
}

const run = (dir: string, args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [path.join(dir, 'bin', 'pixelaudit.js'), ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

describe('a lazily loaded part of the bundle that cannot be loaded', () => {
  it('a missing command chunk is an internal error with the bug report and exit 2, never a raw stack with exit 1', () => {
    const dir = bundleWithout('scan');
    const message = path.join(dir, 'a.eml');
    writeFileSync(message, 'From: a@example.com\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n');
    const r = run(dir, ['scan', message]);
    expect(r.stderr).toMatch(/^pixelaudit: internal error: this is a bug/);
    expect(r.stderr).toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module/);
    // The stack names hashed chunks: the report says how to get one that names the source files.
    expect(r.stderr).toContain('NODE_OPTIONS=--enable-source-maps');
    expect(r.status).toBe(2);
    // Node's own loader runs the bundle when source maps are on: the same report, its stack mapped to dist/src/.
    const mapped = run(dir, ['scan', message], { NODE_OPTIONS: '--enable-source-maps' });
    expect(mapped.stderr).toMatch(/^pixelaudit: internal error: this is a bug/);
    expect(mapped.stderr).toMatch(/Cannot find module/);
    expect(mapped.stderr).toMatch(/src[\\/]cli[\\/]run\.js:/);
    expect(mapped.status).toBe(2);
  });

  // One job analyses in the scan's thread; more, in worker threads: the same internal error either way.
  it.each([['1'], ['2']])('the MIME fallback chunk missing mid-run stops the run as an internal error, not as a broken message (--jobs %s)', (jobs) => {
    const dir = bundleWithout('simple-parser');
    // A forwarded message is read by mailparser, loaded only when a message needs it; a plain one before and after it.
    const plain = 'From: a@example.com\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n';
    const forwarded = 'From: a@example.com\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n' + 'From: c@example.com\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n';
    const files = [plain, forwarded, plain].map((text, i) => {
      const file = path.join(dir, `${i}.eml`);
      writeFileSync(file, text);
      return file;
    });
    const r = run(dir, ['scan', ...files, '-f', 'json', '--jobs', jobs]);
    expect(r.stdout + r.stderr).not.toMatch(/unreadable MIME|analysis worker|"failed": 1/);
    expect(r.stderr).toMatch(/^pixelaudit: internal error: this is a bug/);
    expect(r.stderr).toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module/);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
});
