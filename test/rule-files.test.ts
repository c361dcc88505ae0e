import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { MAX_RULE_FILE_BYTES } from '../src/trackers/load.js';
import { ROOT } from './helpers.js';
import { trackerFile } from './tracker-file.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pixelaudit-rule-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rules = JSON.stringify(trackerFile());

const mkfifo = (p: string): boolean => spawnSync('mkfifo', [p]).status === 0;
/** The built CLI, stopped after 30 s: a read that blocks forever shows as a signal, not a hung test run. */
const bin = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pixelaudit.js'), 'rules', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('--rules reads only regular files (and folders of them) of a sane size', () => {
  const fifo = path.join(dir, 'rules.fifo');
  it.skipIf(!mkfifo(fifo))('a FIFO is one line and exit 2, never a blocked read', () => {
    const out = bin('--rules', fifo);
    expect(out.signal).toBeNull();
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(`pixelaudit: ${fifo}: cannot read tracker data: not a regular file or a folder\n`);
  });

  it.skipIf(!existsSync('/dev/zero'))('a device such as /dev/zero is one line and exit 2, never read', () => {
    const out = bin('--rules', '/dev/zero');
    expect(out.signal).toBeNull();
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('pixelaudit: /dev/zero: cannot read tracker data: not a regular file or a folder\n');
  });

  it('a FIFO or a folder inside a rules folder is refused by name', async () => {
    const folder = path.join(dir, 'with-fifo');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a.json'), rules);
    mkdirSync(path.join(folder, 'b.json'));
    const out = await run(['rules', '--rules', folder]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe(`pixelaudit: ${path.join(folder, 'b.json')}: cannot read tracker data: not a regular file\n`);
  });

  it('a file over the size limit is refused without being read', async () => {
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_RULE_FILE_BYTES + 1); // sparse: no disk is used
    const out = await run(['rules', '--rules', huge]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe(`pixelaudit: ${huge}: cannot read tracker data: ${MAX_RULE_FILE_BYTES + 1} bytes, over the 16 MB a rule file may have\n`);
  });

  it('a folder with no .json file is a mistake worth one line', async () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const out = await run(['rules', '--rules', empty]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe(`pixelaudit: ${empty}: cannot read tracker data: the folder holds no .json file\n`);
  });

  it('a UTF-8 byte order mark at the start of a rule file is accepted', async () => {
    const bom = path.join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${rules}`);
    const out = await run(['rules', '--format', 'json', '--rules', bom]);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    expect((JSON.parse(out.stdout) as { vendors: Array<{ id: string }> }).vendors.map((v) => v.id)).toContain('acme');
  });
});
