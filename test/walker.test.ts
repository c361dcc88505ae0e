import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { detectFormat } from '../src/input/detect-format.js';
import { totalBytes } from '../src/input/input-size.js';
import { WARN_BOM, WARN_NUL } from '../src/input/read-messages.js';
import { readInputs, type InputItem } from '../src/input/read-inputs.js';
import { SKIP, Walker, type WalkEntry } from '../src/input/walk.js';
import type { Summary } from '../src/report/summary.js';
import type { MessageResult } from '../src/types.js';
import { FIXTURES, htmlMessage, ROOT } from './helpers.js';

const MB = 1024 * 1024;
const PIXEL = '<p>Hello</p><img src="https://t.example.net/open/3UvopB764lyET5oqqjuiaxmh187BLTC.gif" width="1" height="1">';

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'pixelaudit-walk-'));
}

async function collect(paths: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, { maxMessageBytes: 32 * MB })) out.push(item);
  return out;
}

async function walk(root: string): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for await (const e of new Walker().walk(root)) out.push(e);
  return out;
}

async function scanJson(args: string[]): Promise<{ exitCode: number; stderr: string; summary: Summary; messages: MessageResult[] }> {
  const r = await run(['scan', ...args, '-f', 'json', '--no-redact']);
  const report = JSON.parse(r.stdout || '{}');
  return { exitCode: r.exitCode, stderr: r.stderr, summary: report.summary, messages: report.messages };
}

const rel = (dir: string, items: Array<{ source?: string; path?: string }>) => items.map((i) => path.relative(dir, (i.source ?? i.path) as string));

describe('the folder walker', () => {
  it('follows symlinks to files and folders once; a second name of the same file or folder is skipped with the first', async () => {
    const base = tmp();
    const root = path.join(base, 'root');
    mkdirSync(path.join(root, 'links'), { recursive: true });
    mkdirSync(path.join(root, 'real'));
    mkdirSync(path.join(base, 'elsewhere'));
    writeFileSync(path.join(root, 'real', 'a.eml'), htmlMessage(PIXEL, { 'Message-ID': '<a@example.com>' }));
    writeFileSync(path.join(root, 'real', 'b.eml'), htmlMessage('<p>b</p>', { 'Message-ID': '<b@example.com>' }));
    writeFileSync(path.join(base, 'elsewhere', 'o.eml'), htmlMessage(PIXEL, { 'Message-ID': '<o@example.com>' }));
    symlinkSync(path.join('..', '..', 'elsewhere', 'o.eml'), path.join(root, 'links', 'outside.eml'));
    symlinkSync(path.join('..', 'real'), path.join(root, 'links', 'to-real'));
    symlinkSync(path.join('real', 'a.eml'), path.join(root, 'z-a.eml'));
    linkSync(path.join(root, 'real', 'b.eml'), path.join(root, 'z-hard-b.eml'));

    const items = await collect([root]);
    expect(items.map((i) => [i.type, path.relative(root, i.source)])).toEqual([
      ['message', 'links/outside.eml'],
      ['message', 'links/to-real/a.eml'],
      ['message', 'links/to-real/b.eml'],
      ['skipped', 'real'],
      ['skipped', 'z-a.eml'],
      ['skipped', 'z-hard-b.eml'],
    ]);
    expect(items[3]).toMatchObject({ reason: SKIP.duplicate, detail: path.join(root, 'links', 'to-real') });
    expect(items[4]).toMatchObject({ reason: SKIP.duplicate });
    // A hard link names the same inode: the name first read is given.
    expect(items[5]).toMatchObject({ reason: SKIP.duplicate, detail: path.join(root, 'links', 'to-real', 'b.eml') });

    const { summary, exitCode } = await scanJson([root]);
    expect(exitCode).toBe(0);
    expect(summary).toMatchObject({ found: 3, scanned: 3, tracked: 2, skippedFiles: 3 });
    expect(summary.skippedReasons).toEqual([{ reason: SKIP.duplicate, files: 3 }]);
  });

  it('ends quickly on symlink loops: a->b, b->a, and a folder link to its ancestor (scan and the size pass)', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'm.eml'), htmlMessage(PIXEL));
    symlinkSync('b', path.join(dir, 'a'));
    symlinkSync('a', path.join(dir, 'b'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync(dir, path.join(dir, 'sub', 'root-abs'));
    const started = Date.now();
    expect(await totalBytes([dir])).toBe(htmlMessage(PIXEL).length);
    const items = await collect([dir]);
    expect(items.map((i) => [i.type, path.relative(dir, i.source), (i as { reason?: string }).reason])).toEqual([
      ['skipped', 'a', SKIP.loop],
      ['skipped', 'b', SKIP.loop],
      ['message', 'sub/m.eml', undefined],
      ['skipped', 'sub/root-abs', SKIP.loop],
      ['skipped', 'sub/up', SKIP.loop],
    ]);
    // Without -j the scan runs the size pass first: this is where two looping links hung forever.
    const { summary, exitCode } = await scanJson([dir]);
    expect(exitCode).toBe(0);
    expect(summary).toMatchObject({ found: 1, scanned: 1, skippedFiles: 4 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reads an input named twice once: dir dir, a file and its folder, a symlink and its target', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.eml'), htmlMessage(PIXEL));
    writeFileSync(path.join(dir, 'b.eml'), htmlMessage('<p>b</p>'));
    const link = path.join(tmp(), 'link-to-a.eml');
    symlinkSync(path.join(dir, 'a.eml'), link);
    const twice = await scanJson([dir, dir]);
    expect(twice.exitCode).toBe(0);
    expect(twice.summary).toMatchObject({ found: 2, scanned: 2, skippedFiles: 1 });
    expect(twice.summary.skipped).toEqual([{ source: dir, reason: SKIP.duplicate, detail: dir }]);
    const fileAndFolder = await scanJson([path.join(dir, 'a.eml'), dir]);
    expect(fileAndFolder.summary).toMatchObject({ found: 2, skippedFiles: 1 });
    expect(fileAndFolder.messages.map((m) => path.basename(m.source))).toEqual(['a.eml', 'b.eml']);
    const linkAndTarget = await scanJson([link, path.join(dir, 'a.eml'), `${dir}/./`]);
    expect(linkAndTarget.summary).toMatchObject({ found: 2, skippedFiles: 2 });
    expect(linkAndTarget.summary.skipped).toEqual([
      { source: path.join(dir, 'a.eml'), reason: SKIP.duplicate, detail: link },
      { source: path.join(dir, 'a.eml'), reason: SKIP.duplicate, detail: link },
    ]);
  });

  it('reads mail with a UTF-8 BOM or a NUL byte early on, with a warning; a binary file stays skipped with its reason', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'bom.eml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), htmlMessage(PIXEL)]));
    const nul = htmlMessage(`${PIXEL}<p>a\u0000b</p>`);
    writeFileSync(path.join(dir, 'nul.eml'), nul);
    writeFileSync(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    writeFileSync(path.join(dir, 'notes.txt'), 'Shopping: milk\u0000\n');
    const bomMbox = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('From a@example.com Tue May 14 09:12:33 2024\n'), htmlMessage(PIXEL)]);
    writeFileSync(path.join(dir, 'z-bom.mbox'), bomMbox);
    const { summary, messages, exitCode } = await scanJson([dir]);
    expect(exitCode).toBe(0);
    expect(messages.map((m) => [path.basename(m.source), m.tracked, m.warnings.filter((w) => w === WARN_BOM || w === WARN_NUL)])).toEqual([
      ['bom.eml', true, [WARN_BOM]],
      ['nul.eml', true, [WARN_NUL]],
      ['z-bom.mbox#1', true, [WARN_BOM]],
    ]);
    expect(summary.skipped.map((s) => [path.basename(s.source), s.reason])).toEqual([
      ['notes.txt', 'binary file, not a mail message'],
      ['photo.jpg', 'binary file, not a mail message'],
    ]);
    // NUL: the same reading as mailparser's, which keeps the NUL in the HTML.
    const ours = (file: string) => messages.find((m) => path.basename(m.source) === file) as MessageResult;
    const reference = await simpleParser(nul);
    expect([ours('nul.eml').subject, ours('nul.eml').from]).toEqual([reference.subject, reference.from?.text]);
    expect(reference.html).toContain('a\u0000b');
    // BOM: mailparser reads it into the first field name ("\uFEFFFrom") and so loses that field;
    // the BOM is dropped here instead, so the first field is read too.
    const bomReference = await simpleParser(readFileSync(path.join(dir, 'bom.eml')));
    expect(bomReference.from).toBeUndefined();
    expect([ours('bom.eml').subject, ours('bom.eml').from]).toEqual([bomReference.subject, (await simpleParser(htmlMessage(PIXEL))).from?.text]);
  });

  it('detects mail behind a BOM or with a NUL only when a complete header block starts the file', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(detectFormat(Buffer.concat([bom, Buffer.from('From: a@example.com\r\nSubject: x\r\n\r\nhi')]))).toBe('eml');
    expect(detectFormat(Buffer.concat([bom, Buffer.from('From a@example.com Tue May 14 09:12:33 2024\nFrom: a@example.com\n\nhi')]))).toBe('mbox');
    expect(detectFormat(Buffer.from('From: a@example.com\nSubject: x\n folded\n\nbody \u0000 more'))).toBe('eml');
    expect(detectFormat(Buffer.from('12\nFrom: a@example.com\n\nbody\u0000'))).toBe('emlx');
    expect(detectFormat(Buffer.from('From a@example.com Tue May 14 09:12:33 2024\nSubject: x\n\n\u0000'))).toBe('mbox');
    // No end to the header block, a line that is no field, or no header at all: binary.
    expect(detectFormat(Buffer.from('From: a@example.com\u0000\u0000\u0001garbage'))).toBe('binary');
    expect(detectFormat(Buffer.from('Subject: x\nnot a field\n\n\u0000'))).toBe('binary');
    expect(detectFormat(Buffer.from('From a@example.com Tue May 14 09:12:33 2024\n\u0000\u0000'))).toBe('binary');
    expect(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toBe('binary');
  });

  it('passes over dot-files, non-empty maildir tmp/, broken links and FIFOs, each listed with its reason (table and JSON)', async () => {
    const dir = tmp();
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(path.join(dir, sub));
    writeFileSync(path.join(dir, 'cur', '1.x:2,S'), htmlMessage(PIXEL));
    writeFileSync(path.join(dir, 'tmp', '2.x'), htmlMessage(PIXEL));
    writeFileSync(path.join(dir, '.hidden.eml'), htmlMessage(PIXEL));
    symlinkSync('nowhere.eml', path.join(dir, 'broken.eml'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe')]).status === 0;
    const { summary } = await scanJson([dir]);
    expect(summary.found).toBe(1);
    expect(summary.skipped.map((s) => [path.basename(s.source), s.reason])).toEqual([['.hidden.eml', SKIP.hidden], ['broken.eml', SKIP.brokenLink], ...(fifo ? [['pipe', SKIP.special]] : []), ['tmp', SKIP.maildirTmp]]);
    const table = (await run(['scan', dir, '--no-color'])).stdout;
    expect(table).toMatch(/files skipped \(see below\)\s*│\s*\d/);
    expect(table).toContain('Skipped files');
    for (const reason of [SKIP.hidden, SKIP.brokenLink, SKIP.maildirTmp]) expect(table).toContain(reason.slice(0, 30));
  });

  it('lists each skipped file in one shard only', async () => {
    const dir = tmp();
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `${i}.eml`), htmlMessage(PIXEL));
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `.${i}`), 'x');
    const shards = await Promise.all([1, 2, 3].map((k) => scanJson([dir, '--shard', `${k}/3`])));
    expect(shards.reduce((n, s) => n + s.summary.skippedFiles, 0)).toBe(6);
    expect(shards.reduce((n, s) => n + s.summary.found, 0)).toBe(6);
  });

  it('walks in a stable sorted order, the same for scan, the size pass and clean', async () => {
    const sample = path.join(FIXTURES, 'sample-mailbox');
    const a = await walk(sample);
    const b = await walk(sample);
    expect(rel(sample, a)).toEqual(rel(sample, b));
    const files = a.filter((e) => e.type === 'file').map((e) => e.path);
    expect(files).toEqual([...files].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(await totalBytes([sample])).toBe(a.reduce((n, e) => n + (e.type === 'file' ? e.size : 0), 0));
  });
});

// Root reads everything: only an unprivileged user meets EACCES. The built bin runs as nobody.
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const canDropPrivileges = Boolean(SETPRIV) && process.getuid?.() === 0;
const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');

describe('unreadable entries', () => {
  it('an unreadable subfolder and file are failures with their reason; the scan goes on (as nobody, via setpriv)', (ctx) => {
    if (!canDropPrivileges) ctx.skip(SETPRIV ? 'not root: cannot switch to nobody' : 'setpriv is not installed: cannot run as an unprivileged user');
    const dir = tmp();
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'inside.eml'), htmlMessage(PIXEL));
    writeFileSync(path.join(dir, 'ok.eml'), htmlMessage(PIXEL));
    writeFileSync(path.join(dir, 'secret.eml'), htmlMessage(PIXEL));
    chmodSync(path.join(dir, 'ok.eml'), 0o644);
    chmodSync(path.join(dir, 'secret.eml'), 0o000);
    chmodSync(path.join(dir, 'locked'), 0o000);
    const r = spawnSync(SETPRIV as string, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'scan', dir, '-f', 'json', '--no-redact'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/bug/);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ found: 3, scanned: 1, failed: 2, tracked: 1 });
    expect(report.messages.map((m: MessageResult) => [path.basename(m.source), m.error])).toEqual([
      ['locked', 'folder not readable: permission denied'],
      ['ok.eml', null],
      ['secret.eml', 'permission denied'],
    ]);
    expect(r.stderr).toContain(`${path.join(dir, 'locked')}: folder not readable: permission denied`);

    // clean walks the same way: the readable message is cleaned, the others listed and not faked.
    const outDir = tmp();
    chmodSync(outDir, 0o777);
    const out = path.join(outDir, 'clean');
    const c = spawnSync(SETPRIV as string, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'clean', dir, '-o', out], { encoding: 'utf8', timeout: 60_000 });
    expect(c.stderr).not.toMatch(/bug/);
    expect(c.status, c.stderr).toBe(2);
    expect(c.stderr).toContain(`${path.join(dir, 'locked')}: folder not readable: permission denied (not copied)`);
    expect(c.stderr).toContain(`${path.join(dir, 'secret.eml')}: permission denied (not copied)`);
    expect(c.stderr).toMatch(/cleaned 1 of 3 messages .* 0 unchanged, 2 unreadable/);
    expect(readdirSync(out)).toEqual(['ok.eml']);
  });
});

describe('a path through a file', () => {
  it('is a failure with a readable reason, never the raw ENOTDIR message', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.eml'), htmlMessage(PIXEL));
    const entries: WalkEntry[] = [];
    for await (const entry of new Walker().walk(path.join(dir, 'a.eml', 'inside'))) entries.push(entry);
    expect(entries).toMatchObject([{ type: 'failed', reason: 'not a folder (it, or a folder on its path, is a file)' }]);
  });
});
