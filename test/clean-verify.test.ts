// clean analyses its copy again with the same detector and never reports a silent success. To
// reach the case on purpose, the rewrite is made unable to replace URLs that contain `keep`
// (standing in for any form the rewrite might not reach).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { shortReason } from '../src/clean/clean-inputs.js';
import { run } from '../src/cli/run.js';
import { htmlMessage } from './helpers.js';

vi.mock('../src/clean/rewrite-html.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/clean/rewrite-html.js')>();
  return {
    ...real,
    rewriteHtml: (html: string, lookup: (v: string) => string | undefined, onReplace: (to: string) => void) => real.rewriteHtml(html, (v) => (v.includes('keep') ? undefined : lookup(v)), onReplace),
  };
});

const pixel = (id: string) => `<img src="https://t.example.net/open/${id}3UvopB764lyET5oqqjuiaxmh187BLTC.gif" width="1" height="1">`;

describe('clean verifies its copy', () => {
  it('reports a message whose copy still holds tracking as failed, writes the partly cleaned copy, exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-clean-'));
    writeFileSync(path.join(dir, 'a-partly.eml'), htmlMessage(pixel('gone') + pixel('keep')));
    writeFileSync(path.join(dir, 'b-none.eml'), htmlMessage(pixel('keep')));
    writeFileSync(path.join(dir, 'c-clean.eml'), htmlMessage(pixel('gone')));
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pixelaudit-clean-')), 'out');
    const r = await run(['clean', dir, '-o', out]);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'a-partly.eml')}: 1 tracking resource could not be made inert (partly cleaned)\n`);
    expect(r.stderr).toContain(`${path.join(dir, 'b-none.eml')}: 1 tracking resource could not be made inert (copied unchanged)\n`);
    expect(r.stderr).toMatch(/cleaned 1 of 3 messages .*: 2 tracking resources replaced, 0 tracked links unwrapped; 0 unchanged, 0 unreadable, 2 still tracked\n/);
    const partly = readFileSync(path.join(out, 'a-partly.eml'), 'latin1');
    expect(partly).toMatch(/^X-Pixelaudit-Cleaned: 1 tracking resource replaced/);
    expect(partly).not.toContain('open/gone');
    expect(partly).toContain('open/keep');
    expect(readFileSync(path.join(out, 'b-none.eml')).equals(readFileSync(path.join(dir, 'b-none.eml')))).toBe(true);
    expect(readFileSync(path.join(out, 'c-clean.eml'), 'latin1')).not.toContain('open/gone');
  });

  it('keeps a failure reason to one short line', () => {
    expect(shortReason('a\nb')).toBe('a');
    const long = shortReason(`Invalid regular expression: /${'x'.repeat(3_000_000)}/: Stack overflow`);
    expect(long.length).toBeLessThan(300);
    expect(long).toMatch(/^Invalid regular expression: \/x+\.\.\. \(\d+ more characters\)$/);
  });
});
