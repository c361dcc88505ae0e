import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { writeFileAtomic } from '../src/output/atomic-write.js';
import { AtomicFileSink } from '../src/output/atomic-sink.js';
import { FIXTURES, ROOT } from './helpers.js';

// Every case uses real files, real symlinks and real hard links in a fresh temporary folder; after
// each refused or failed run the inputs are compared byte for byte and no temporary file may remain.

const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
const MBOX = readFileSync(path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox'));
const EML = readFileSync(path.join(SAMPLE, 'shipping-sfmc.eml'));
const EML2 = readFileSync(path.join(SAMPLE, 'webinar-hubspot.eml'));
const IS_ROOT = process.getuid?.() === 0;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-outputs-'));
  made.push(dir);
  return dir;
}

/** A folder with an mbox, a loose message and a maildir, returned with their paths. */
function workspace() {
  const dir = tempDir();
  const mbox = path.join(dir, 'in.mbox');
  const eml = path.join(dir, 'in.eml');
  const folder = path.join(dir, 'Maildir');
  writeFileSync(mbox, MBOX);
  writeFileSync(eml, EML);
  mkdirSync(path.join(folder, 'cur'), { recursive: true });
  writeFileSync(path.join(folder, 'cur', '1.eml'), EML);
  writeFileSync(path.join(folder, 'cur', '2.eml'), EML2);
  return { dir, mbox, eml, folder };
}

/** Every file under `dir` (links not followed) with its bytes or link target: what "unchanged" means. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const s = lstatSync(p);
      if (s.isSymbolicLink()) out[p] = `-> ${readlinkSync(p)}`;
      else if (s.isDirectory()) walk(p);
      else out[p] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

function tempFilesUnder(dir: string): string[] {
  return Object.keys(snapshot(dir)).filter((p) => /\.pixelaudit-\d+-[0-9a-f]+\.tmp$/.test(p));
}

/** A refused run: exit 2, exactly one line on stderr (no stack), nothing on stdout, nothing changed, no temp file. */
async function expectRefused(args: string[], dir: string, message: RegExp): Promise<void> {
  const before = snapshot(dir);
  const r = await run(args);
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\bat .*\(.*:\d+:\d+\)/);
  expect(snapshot(dir)).toEqual(before);
  expect(tempFilesUnder(dir)).toEqual([]);
}

async function bin(args: string[], options: { uid?: number; gid?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

describe('an output never lands on an input (identity, not path strings)', () => {
  it('scan -o: a symlink to the input mbox is refused', async () => {
    const w = workspace();
    symlinkSync('in.mbox', path.join(w.dir, 'out.json'));
    await expectRefused(['scan', w.mbox, '-f', 'json', '-o', path.join(w.dir, 'out.json')], w.dir, /out\.json is also an input/);
  });

  it('scan -o: a hard link to the input mbox is refused', async () => {
    const w = workspace();
    linkSync(w.mbox, path.join(w.dir, 'out.json'));
    await expectRefused(['scan', w.mbox, '-o', path.join(w.dir, 'out.json')], w.dir, /also an input/);
  });

  it('scan FOLDER -o FILE, where FILE is a hard link of a message inside FOLDER, is refused (found by the fuzz suite)', async () => {
    const w = workspace();
    linkSync(path.join(w.folder, 'cur', '1.eml'), path.join(w.dir, 'out.json'));
    await expectRefused(['scan', w.folder, '-f', 'json', '-o', path.join(w.dir, 'out.json')], w.dir, /also an input/);
  });

  it('scan -o: the input itself, named another way (./, ..), is refused', async () => {
    const w = workspace();
    await expectRefused(['scan', w.eml, '-o', path.join(w.folder, '..', '.', 'in.eml')], w.dir, /also an input/);
  });

  it('scan FOLDER -o FOLDER/existing.eml and FOLDER/new.json are refused', async () => {
    const w = workspace();
    await expectRefused(['scan', w.folder, '-o', path.join(w.folder, 'cur', '1.eml')], w.dir, /inside the input folder/);
    await expectRefused(['scan', w.folder, '-o', path.join(w.folder, 'new.json')], w.dir, /inside the input folder/);
    expect(existsSync(path.join(w.folder, 'new.json'))).toBe(false);
  });

  it('scan -o through a symlinked folder into an input folder is refused', async () => {
    const w = workspace();
    symlinkSync(w.folder, path.join(w.dir, 'elsewhere'));
    await expectRefused(['scan', w.folder, '-o', path.join(w.dir, 'elsewhere', 'report.json')], w.dir, /inside the input folder/);
  });

  it('scan -o: a dangling symlink whose target is inside an input folder is refused', async () => {
    const w = workspace();
    symlinkSync(path.join(w.folder, 'cur', 'new.json'), path.join(w.dir, 'report.json'));
    await expectRefused(['scan', w.folder, '-o', path.join(w.dir, 'report.json')], w.dir, /inside the input folder/);
    expect(existsSync(path.join(w.folder, 'cur', 'new.json'))).toBe(false);
  });

  it('scan -o: the input folder named through a link is refused too, and the tracker data file is an input', async () => {
    const w = workspace();
    symlinkSync('Maildir', path.join(w.dir, 'mail'));
    await expectRefused(['scan', path.join(w.dir, 'mail'), '-o', path.join(w.folder, 'r.json')], w.dir, /inside the input folder/);
    const rules = path.join(w.dir, 'mine.json');
    writeFileSync(rules, JSON.stringify({ vendors: [] }));
    await expectRefused(['scan', w.eml, '--rules', rules, '-o', rules], w.dir, /also an input/);
  });

  it('scan FOLDER -o FILE, where a symlink inside FOLDER leads to FILE, is refused: the scan reads FILE as an input', async () => {
    const w = workspace();
    symlinkSync(w.mbox, path.join(w.folder, 'cur', 'linked.mbox'));
    await expectRefused(['scan', w.folder, '-o', w.mbox], w.dir, /in\.mbox is also an input \(the input reaches it through .*linked\.mbox\)/);
    // The same through a linked folder: FOLDER/new -> a folder that holds the existing report.
    const other = path.join(w.dir, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'old.mbox'), MBOX);
    symlinkSync(other, path.join(w.folder, 'new'));
    await expectRefused(['scan', w.folder, '-o', path.join(other, 'old.mbox')], w.dir, /old\.mbox is also an input \(the input reaches it through .*Maildir\/new\)/);
  });

  it('standard input has no identity: scan - -o FILE writes the report', async () => {
    const w = workspace();
    const out = path.join(w.dir, 'stdin.json');
    async function* stdin(): AsyncGenerator<Buffer> {
      yield MBOX;
    }
    const r = await run(['scan', '-', '-f', 'json', '-o', out], { stdin: stdin() });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.scanned).toBeGreaterThan(0);
  });

  it('a report over a symlink to some other file replaces the link, never writes through it', async () => {
    const w = workspace();
    const other = path.join(w.dir, 'other.txt');
    writeFileSync(other, 'keep me\n');
    symlinkSync('other.txt', path.join(w.dir, 'report.json'));
    const r = await run(['scan', w.eml, '-f', 'json', '-o', path.join(w.dir, 'report.json')]);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(other, 'utf8')).toBe('keep me\n');
    expect(lstatSync(path.join(w.dir, 'report.json')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(w.dir, 'report.json'), 'utf8')).summary.found).toBe(1);
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('report X.jsonl -o X.jsonl, a hard link to it, and --tables-dir over an input are refused', async () => {
    const w = workspace();
    const jsonl = path.join(w.dir, 'results.jsonl');
    expect((await run(['scan', w.mbox, '-f', 'jsonl', '-o', jsonl])).exitCode).toBe(0);
    await expectRefused(['report', jsonl, '-o', jsonl], w.dir, /also an input/);
    linkSync(jsonl, path.join(w.dir, 'copy.txt'));
    await expectRefused(['report', jsonl, '-o', path.join(w.dir, 'copy.txt')], w.dir, /also an input/);
    // A JSONL input that happens to carry a table's name, in the tables folder.
    const tables = path.join(w.dir, 'tables');
    mkdirSync(tables);
    writeFileSync(path.join(tables, 'vendors.json'), readFileSync(jsonl));
    await expectRefused(['report', path.join(tables, 'vendors.json'), '--tables-dir', tables], w.dir, /vendors\.json is also an input/);
    await expectRefused(['report', jsonl, '--tables-dir', w.eml], w.dir, /it is a file, not a folder/);
    const ok = await run(['report', jsonl, '--tables-dir', path.join(w.dir, 'new-tables'), '-o', path.join(w.dir, 'report.txt')]);
    expect(ok.exitCode).toBe(0);
    expect(readdirSync(path.join(w.dir, 'new-tables'))).toHaveLength(16);
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('imap -o is checked before connecting: a secret file or a missing folder is refused', async () => {
    const w = workspace();
    const secret = path.join(w.dir, 'password');
    writeFileSync(secret, 'hunter2\n', { mode: 0o600 });
    const args = ['imap', '--host', '127.0.0.1', '--port', '1', '--tls', 'none', '--user', 'u', '--password-file', secret, '--no-cache'];
    await expectRefused([...args, '-o', secret], w.dir, /also an input/);
    await expectRefused([...args, '-o', path.join(w.dir, 'missing', 'r.json')], w.dir, /folder .*missing does not exist/);
  });
});

describe('report files: clear errors up front, temp + rename, never half a report', () => {
  it('-o into a missing folder or onto a folder: one line, exit 2, in-process and through the built bin', async () => {
    const w = workspace();
    await expectRefused(['scan', w.eml, '-o', path.join(w.dir, 'no', 'such', 'r.json')], w.dir, /cannot write .*r\.json: the folder .* does not exist/);
    await expectRefused(['scan', w.eml, '-o', w.dir], w.dir, /cannot write .*: it is a folder/);
    await expectRefused(['scan', w.eml, '-o', path.join(w.eml, 'r.json')], w.dir, /is not a folder/);
    const viaBin = await bin(['scan', w.eml, '-o', path.join(w.dir, 'no', 'r.json')]);
    expect(viaBin.code).toBe(2);
    expect(viaBin.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pixelaudit: cannot write .*does not exist/)]);
    const linkViaBin = await bin(['clean', w.mbox, '--force', '-o', path.join(w.dir, 'l.mbox')]);
    expect(linkViaBin.code).toBe(0); // not a link yet: a plain new file
    rmSync(path.join(w.dir, 'l.mbox'));
    symlinkSync('in.mbox', path.join(w.dir, 'l.mbox'));
    const before = snapshot(w.dir);
    const refusedViaBin = await bin(['clean', w.mbox, '--force', '-o', path.join(w.dir, 'l.mbox')]);
    expect(refusedViaBin.code).toBe(2);
    expect(refusedViaBin.stderr).toMatch(/^pixelaudit: the output is the input/);
    expect(snapshot(w.dir)).toEqual(before);
  });

  it('a folder that cannot be written to: one line, exit 2, before any scanning', async (ctx) => {
    const w = workspace();
    const locked = path.join(w.dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const out = path.join(locked, 'r.json');
    if (!IS_ROOT) {
      await expectRefused(['scan', w.eml, '-o', out], w.dir, /cannot write .*permission denied \(EACCES\)/);
      return;
    }
    // Root ignores permissions: run the built bin as nobody, with the workspace readable to it.
    chmodSync(w.dir, 0o755);
    const probe = await bin(['--version'], { uid: 65534, gid: 65534 });
    if (probe.code !== 0) {
      ctx.skip(`cannot run the built CLI as nobody here (the checkout is not readable to it, or no setuid): ${probe.stderr.split('\n')[0]}`);
      return;
    }
    const r = await bin(['scan', w.eml, '-o', out], { uid: 65534, gid: 65534 });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pixelaudit: cannot write .*r\.json: permission denied \(EACCES\)/)]);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('a full disk (ENOSPC, a 64 KB tmpfs): one line, exit 2, the old report survives, no temp file', async (ctx) => {
    const mount = tempDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      ctx.skip('mounting a small tmpfs is not allowed here (needs root and mount rights), so ENOSPC cannot be produced');
      return;
    }
    try {
      const w = workspace();
      const big = path.join(w.dir, 'big.mbox');
      writeFileSync(big, Buffer.concat(Array.from({ length: 20 }, () => MBOX)));
      const report = path.join(mount, 'report.jsonl');
      writeFileSync(report, 'the old report\n');
      const r = await run(['scan', big, '-f', 'jsonl', '-o', report]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pixelaudit: cannot write .*report\.jsonl: the disk is full \(ENOSPC\)/)]);
      expect(readFileSync(report, 'utf8')).toBe('the old report\n');
      expect(readdirSync(mount)).toEqual(['report.jsonl']);
      // clean into the full disk: the same line, nothing left behind.
      const c = await run(['clean', big, '-o', path.join(mount, 'clean.mbox')]);
      expect(c.exitCode).toBe(2);
      expect(c.stderr).toMatch(/cannot write .*clean\.mbox: the disk is full \(ENOSPC\)/);
      expect(readdirSync(mount)).toEqual(['report.jsonl']);
    } finally {
      execFileSync('umount', [mount]);
    }
  });

  it('an existing report survives a run that fails midway (stderr breaks after the first messages were written)', async () => {
    const w = workspace();
    const report = path.join(w.dir, 'report.jsonl');
    writeFileSync(report, 'the old report\n');
    // The input breaks after a full mbox: a failed entry, whose stderr line then fails once (a closed pipe).
    async function* breakingStdin(): AsyncGenerator<Buffer> {
      yield Buffer.concat([MBOX, MBOX]);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    let calls = 0;
    let lines = '';
    const stderr = {
      write(text: string): void {
        if (calls++ === 0) throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        lines += text;
      },
    };
    const r = await run(['scan', '-', '-f', 'jsonl', '-o', report], { stdin: breakingStdin(), stderr });
    expect(r.exitCode).toBe(2);
    expect(lines).toMatch(/EPIPE/);
    expect(readFileSync(report, 'utf8')).toBe('the old report\n');
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('an existing report survives the built bin being stopped midway (SIGTERM), and the temp file is removed', async () => {
    const w = workspace();
    const report = path.join(w.dir, 'report.jsonl');
    writeFileSync(report, 'the old report\n');
    const child = spawn(process.execPath, [BIN, 'scan', '-', '-f', 'jsonl', '-o', report], { stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.write(MBOX);
    // Wait until the report's temporary file exists: the run is under way.
    for (let i = 0; i < 200 && tempFilesUnder(w.dir).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(tempFilesUnder(w.dir)).toHaveLength(1);
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await closed).toBe('SIGTERM');
    expect(readFileSync(report, 'utf8')).toBe('the old report\n');
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('a successful run replaces an existing report whole, keeping its mode', async () => {
    const w = workspace();
    const report = path.join(w.dir, 'report.json');
    writeFileSync(report, 'old', { mode: 0o600 });
    chmodSync(report, 0o600);
    expect((await run(['scan', w.mbox, '-f', 'json', '-o', report])).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).summary.found).toBeGreaterThan(1);
    expect(statSync(report).mode & 0o777).toBe(0o600);
  });
});

describe('clean: the target is judged by identity, and --force writes by temp + rename', () => {
  it('refuses the input, a symlink or hard link to it (with --force), inside it, containing it, and existing without --force', async () => {
    const w = workspace();
    symlinkSync('in.mbox', path.join(w.dir, 'sym.mbox'));
    linkSync(w.mbox, path.join(w.dir, 'hard.mbox'));
    symlinkSync('Maildir', path.join(w.dir, 'maildir-link'));
    await expectRefused(['clean', w.mbox, '-o', w.mbox], w.dir, /the output is the input/);
    await expectRefused(['clean', w.mbox, '--force', '-o', path.join(w.dir, 'sym.mbox')], w.dir, /the output is the input/);
    await expectRefused(['clean', w.mbox, '--force', '-o', path.join(w.dir, 'hard.mbox')], w.dir, /the output is the input/);
    await expectRefused(['clean', w.folder, '--force', '-o', path.join(w.dir, 'maildir-link')], w.dir, /the output is the input/);
    await expectRefused(['clean', w.folder, '-o', path.join(w.folder, 'clean')], w.dir, /inside the input folder/);
    await expectRefused(['clean', w.folder, '-o', path.join(w.dir, 'maildir-link', 'new', 'clean')], w.dir, /inside the input folder/);
    await expectRefused(['clean', path.join(w.folder, 'cur'), '--force', '-o', w.folder], w.dir, /the input is inside the output folder/);
    const old = path.join(w.dir, 'old-clean');
    mkdirSync(path.join(old, 'cur'), { recursive: true });
    writeFileSync(path.join(old, 'cur', 'kept.eml'), EML);
    symlinkSync(path.join(old, 'cur', 'kept.eml'), path.join(w.folder, 'cur', 'kept.eml'));
    await expectRefused(['clean', w.folder, '--force', '-o', old], w.dir, /the input links into the output folder \(.*kept\.eml\)/);
    rmSync(path.join(w.folder, 'cur', 'kept.eml'));
    await expectRefused(['clean', w.eml, '-o', w.mbox], w.dir, /exists; remove it or pass --force/);
    symlinkSync('nowhere', path.join(w.dir, 'dangling.eml'));
    await expectRefused(['clean', w.eml, '-o', path.join(w.dir, 'dangling.eml')], w.dir, /exists; remove it or pass --force/);
    await expectRefused(['clean', w.eml, '-o', path.join(w.dir, 'missing', 'x.eml')], w.dir, /folder .*missing does not exist/);
    await expectRefused(['clean', w.eml, '--force', '-o', w.folder], w.dir, /it is a folder and the input is a file/);
    await expectRefused(['clean', w.folder, '--force', '-o', w.eml], w.dir, /it is a file and the input is a folder/);
  });

  it('--force over an old output tree that links into the input replaces the links, the input stays byte-identical', async () => {
    const w = workspace();
    const out = path.join(w.dir, 'clean');
    mkdirSync(path.join(out, 'cur'), { recursive: true });
    // A file link and a hard link to input messages, and a folder link into the input.
    symlinkSync(path.join(w.folder, 'cur', '1.eml'), path.join(out, 'cur', '1.eml'));
    linkSync(path.join(w.folder, 'cur', '2.eml'), path.join(out, 'cur', '2.eml'));
    mkdirSync(path.join(w.folder, 'new'));
    writeFileSync(path.join(w.folder, 'new', '3.eml'), EML);
    symlinkSync(path.join(w.folder, 'new'), path.join(out, 'new'));
    const input = snapshot(w.folder);
    const r = await run(['clean', w.folder, '--force', '-o', out]);
    expect(r.exitCode).toBe(0);
    expect(snapshot(w.folder)).toEqual(input);
    for (const file of ['cur/1.eml', 'cur/2.eml', 'new/3.eml']) {
      const copy = path.join(out, file);
      expect(lstatSync(copy).isFile()).toBe(true);
      expect(lstatSync(copy).nlink).toBe(1);
      expect(readFileSync(copy).toString('latin1')).toContain('X-Pixelaudit-Cleaned');
    }
    expect(lstatSync(path.join(out, 'new')).isDirectory()).toBe(true);
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('--force onto a symlink to some other mbox replaces the link and leaves that mbox whole', async () => {
    const w = workspace();
    const other = path.join(w.dir, 'other.mbox');
    writeFileSync(other, MBOX);
    symlinkSync('other.mbox', path.join(w.dir, 'out.mbox'));
    expect((await run(['clean', w.mbox, '--force', '-o', path.join(w.dir, 'out.mbox')])).exitCode).toBe(0);
    expect(readFileSync(other).equals(MBOX)).toBe(true);
    expect(readFileSync(w.mbox).equals(MBOX)).toBe(true);
    expect(lstatSync(path.join(w.dir, 'out.mbox')).isFile()).toBe(true);
  });
});

describe('writeFileAtomic and AtomicFileSink', () => {
  it('replace a link instead of writing through it, and leave no temp file when the rename fails', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'target.txt'), 'original');
    symlinkSync('target.txt', path.join(dir, 'link.txt'));
    writeFileAtomic(path.join(dir, 'link.txt'), 'new');
    expect(readFileSync(path.join(dir, 'target.txt'), 'utf8')).toBe('original');
    expect(readFileSync(path.join(dir, 'link.txt'), 'utf8')).toBe('new');
    const long = path.join(dir, `${'é'.repeat(120)}.json`);
    writeFileAtomic(long, 'a name of 245 bytes');
    expect(readFileSync(long, 'utf8')).toBe('a name of 245 bytes');
    mkdirSync(path.join(dir, 'a-folder'));
    writeFileSync(path.join(dir, 'a-folder', 'x'), 'x');
    expect(() => writeFileAtomic(path.join(dir, 'a-folder'), 'bytes')).toThrow(/cannot write .*a-folder: it is a folder/);
    const sink = await AtomicFileSink.open(path.join(dir, 'target.txt'));
    await sink.write('half of a report');
    await sink.close();
    expect(readFileSync(path.join(dir, 'target.txt'), 'utf8')).toBe('original');
    expect(tempFilesUnder(dir)).toEqual([]);
  });
});
