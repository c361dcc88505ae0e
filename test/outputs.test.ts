import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { writeFileAtomic } from '../src/output/atomic-write.js';
import { AtomicFileSink } from '../src/output/atomic-sink.js';
import { parseAnnotations, parseJunit, sarifErrors } from './ci-format-checkers.js';
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

/** A real 64 KB tmpfs in a fresh folder (a disk that fills up), or undefined where mounting is not allowed; unmount it after. */
function smallTmpfs(): string | undefined {
  const mount = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { stdio: 'ignore' });
    return mount;
  } catch {
    return undefined;
  }
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
  expect(r.stderr).not.toMatch(/internal error|\bat [^(]*\([^)]*:\d+:\d+\)/);
  expect(snapshot(dir)).toEqual(before);
  expect(tempFilesUnder(dir)).toEqual([]);
}

async function bin(args: string[], options: { uid?: number; gid?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
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

  it("a report through a symlink writes the link's target and leaves the link a link (-o, -f FORMAT:FILE, check)", async () => {
    const w = workspace();
    mkdirSync(path.join(w.dir, 'real'));
    const target = path.join(w.dir, 'real', 'report.json');
    writeFileSync(target, 'old\n');
    const link = path.join(w.dir, 'report.json');
    symlinkSync('real/report.json', link);
    const r = await run(['scan', w.eml, '-f', 'json', '-o', link]);
    expect(r.exitCode).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real/report.json');
    expect(JSON.parse(readFileSync(target, 'utf8')).summary.found).toBe(1);
    const sarifTarget = path.join(w.dir, 'real', 'report.sarif');
    writeFileSync(sarifTarget, 'old\n');
    symlinkSync('real/report.sarif', path.join(w.dir, 'ln.sarif'));
    const html = path.join(w.dir, 't.html');
    writeFileSync(html, '<img src="https://t.example/o.gif?u={{ user.id }}" width="1" height="1">\n');
    const c = await run(['check', html, '-f', `sarif:${path.join(w.dir, 'ln.sarif')}`]);
    expect(c.exitCode).toBe(1);
    expect(lstatSync(path.join(w.dir, 'ln.sarif')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(sarifTarget, 'utf8')).version).toBe('2.1.0');
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('a report through a symlink to /proc/self/fd/1 (like /dev/stdout) is written to the descriptor, the link is kept', () => {
    const dir = tempDir();
    const link = path.join(dir, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    // Through `| cat`, so fd 1 is a pipe as in a CI step (node's own child stdout is a socket, which
    // /proc/self/fd/1 cannot be opened on: ENXIO, reported as such).
    const r = spawnSync('sh', ['-c', '"$0" "$1" scan "$2" -f "json:$3" | cat', process.execPath, BIN, path.join(SAMPLE, 'shipping-sfmc.eml'), link], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary.found).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('/proc/self/fd/1');
    expect(readdirSync(dir)).toEqual(['stdout']);
  });

  it('a report onto a dangling symlink is refused, exit 2, the link left as it was', async () => {
    const w = workspace();
    const link = path.join(w.dir, 'report.json');
    symlinkSync('nowhere/report.json', link);
    const r = await run(['scan', w.eml, '-f', 'json', '-o', link]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/dangling/);
    expect(readlinkSync(link)).toBe('nowhere/report.json');
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
    const mount = smallTmpfs();
    if (!mount) {
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

/** The built bin with `stdin` as its standard input (an open file descriptor: a redirect, `< FILE`). */
async function binWithStdin(args: string[], stdin: number): Promise<{ code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: [stdin, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}

function tempFoldersIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.pixelaudit-\d+-[0-9a-f]+\.tmp$/.test(name));
}

describe('outside attacks on the promise (second round)', () => {
  it('scan - -o FILE with standard input redirected from FILE is refused: fd 0 is an input (built bin, `< in.mbox`)', async () => {
    const w = workspace();
    const before = snapshot(w.dir);
    const fd = openSync(w.mbox, 'r');
    const r = await binWithStdin(['scan', '-', '-o', w.mbox], fd).finally(() => closeSync(fd));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pixelaudit: the output file .*in\.mbox is also an input \(standard input\)/)]);
    expect(snapshot(w.dir)).toEqual(before);
    // A hard link of the redirected file is the same file; another file is fine.
    linkSync(w.mbox, path.join(w.dir, 'hard.mbox'));
    const fd2 = openSync(w.mbox, 'r');
    const hard = await binWithStdin(['scan', '-', '-o', path.join(w.dir, 'hard.mbox')], fd2).finally(() => closeSync(fd2));
    expect(hard.code).toBe(2);
    const fd3 = openSync(w.mbox, 'r');
    const ok = await binWithStdin(['scan', '-', '-f', 'json', '-o', path.join(w.dir, 'r.json')], fd3).finally(() => closeSync(fd3));
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(w.dir, 'r.json'), 'utf8')).summary.found).toBeGreaterThan(1);
    expect(readFileSync(w.mbox).equals(MBOX)).toBe(true);
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('`..` after a symlink is resolved as the OS does (L/../x with L -> A/sub is A/x): scan, clean, report, link targets, clean folders', async () => {
    const w = workspace();
    const A = path.join(w.dir, 'A');
    mkdirSync(path.join(A, 'sub'), { recursive: true });
    const box = path.join(A, 'box.mbox');
    writeFileSync(box, MBOX);
    symlinkSync(path.join(A, 'sub'), path.join(w.dir, 'L'));
    const jsonl = path.join(A, 'r.jsonl');
    expect((await run(['scan', box, '-f', 'jsonl', '-o', jsonl])).exitCode).toBe(0);
    const L = path.join(w.dir, 'L');
    await expectRefused(['scan', box, '-o', `${L}/../box.mbox`], w.dir, /box\.mbox is also an input/);
    await expectRefused(['clean', box, '--force', '-o', `${L}/../box.mbox`], w.dir, /the output is the input/);
    await expectRefused(['report', jsonl, '-o', `${L}/../r.jsonl`], w.dir, /r\.jsonl is also an input/);
    // A link whose target holds `..` after a link: out.json -> L/../box.mbox is A/box.mbox.
    symlinkSync('L/../box.mbox', path.join(w.dir, 'out.json'));
    await expectRefused(['scan', box, '-o', path.join(w.dir, 'out.json')], w.dir, /out\.json is also an input/);
    // clean FOLDER -o L2/../copy with L2 -> FOLDER/cur/sub would create FOLDER/cur/copy.
    mkdirSync(path.join(w.folder, 'cur', 'sub'));
    symlinkSync(path.join(w.folder, 'cur', 'sub'), path.join(w.dir, 'L2'));
    await expectRefused(['clean', w.folder, '-o', `${path.join(w.dir, 'L2')}/../copy`], w.dir, /inside the input folder/);
    await expectRefused(['clean', w.folder, '-o', `${path.join(w.dir, 'L2')}/../missing/deeper`], w.dir, /inside the input folder/);
    expect(existsSync(path.join(w.folder, 'cur', 'copy'))).toBe(false);
    // What is allowed goes where the OS puts it, the place that was checked.
    expect((await run(['scan', path.join(w.dir, 'in.eml'), '-f', 'json', '-o', `${L}/../new.json`])).exitCode).toBe(0);
    expect(existsSync(path.join(A, 'new.json'))).toBe(true);
    expect(existsSync(path.join(w.dir, 'new.json'))).toBe(false);
    expect((await run(['clean', w.eml, '-o', `${L}/../clean.eml`])).exitCode).toBe(0);
    expect(existsSync(path.join(A, 'clean.eml'))).toBe(true);
    expect(readFileSync(box).equals(MBOX)).toBe(true);
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('a NEW output inside a folder the input reaches through a link is refused (scan and clean)', async () => {
    const w = workspace();
    const md = path.join(w.dir, 'other', 'md');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(path.join(md, sub), { recursive: true });
    writeFileSync(path.join(md, 'cur', '1.eml'), EML);
    const input = path.join(w.dir, 'in');
    mkdirSync(input);
    symlinkSync('../other/md', path.join(input, 'md'));
    await expectRefused(['scan', input, '-o', path.join(md, 'cur', '2.eml')], w.dir, /2\.eml is inside a folder the input reaches through .*in\/md/);
    await expectRefused(['scan', input, '-o', path.join(md, 'report.json')], w.dir, /inside a folder the input reaches through/);
    await expectRefused(['clean', input, '-o', path.join(md, 'new', 'copy')], w.dir, /inside a folder the input reaches through .*in\/md/);
    expect(existsSync(path.join(md, 'cur', '2.eml'))).toBe(false);
    // Beside the linked folder, outside everything the scan reads: fine.
    const ok = await run(['scan', input, '-f', 'json', '-o', path.join(w.dir, 'other', 'report.json')]);
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(w.dir, 'other', 'report.json'), 'utf8')).summary.found).toBe(1);
  });

  it('an output that is a FIFO, or a link to /dev/null or to /proc/self/fd/1, is written straight to, never replaced', async () => {
    const w = workspace();
    const devNull = path.join(w.dir, 'null-link');
    symlinkSync('/dev/null', devNull);
    expect((await bin(['scan', w.eml, '-f', 'json', '-o', devNull])).code).toBe(0);
    expect((await bin(['clean', w.eml, '--force', '-o', devNull])).code).toBe(0);
    expect(readlinkSync(devNull)).toBe('/dev/null');
    // In a folder of its own: snapshot() reads every file, and reading a FIFO with no writer blocks.
    const fifo = path.join(tempDir(), 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    // The reader is another process, as in `pixelaudit scan x -o fifo & cat fifo`.
    const read = new Promise<string>((resolve) => {
      const cat = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      cat.stdout.on('data', (d: Buffer) => (text += d.toString()));
      cat.on('close', () => resolve(text));
    });
    expect((await bin(['scan', w.eml, '-f', 'json', '-o', fifo])).code).toBe(0);
    expect(JSON.parse(await read).summary.found).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // What /dev/stdout is: a link to /proc/self/fd/1, here a pipe to the test.
    const stdoutLink = path.join(w.dir, 'stdout-link');
    symlinkSync('/proc/self/fd/1', stdoutLink);
    // Through a real pipe (`| cat`), as a shell makes one: spawn's own stdio is a socket pair.
    const piped = await new Promise<string>((resolve) => {
      const sh = spawn('sh', ['-c', 'NO_COLOR=1 "$0" "$1" scan "$2" -f json -o "$3" | cat', process.execPath, BIN, w.eml, stdoutLink], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      sh.stdout.on('data', (d: Buffer) => (text += d.toString()));
      sh.on('close', () => resolve(text));
    });
    expect(JSON.parse(piped).summary.found).toBe(1);
    expect(readlinkSync(stdoutLink)).toBe('/proc/self/fd/1');
    // A folder stays an error.
    await expectRefused(['scan', w.eml, '-o', w.folder], w.dir, /it is a folder/);
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('SIGQUIT (Ctrl-\\) during scan -o removes the temp file and the bin dies of SIGQUIT, not 0', async () => {
    const w = workspace();
    const report = path.join(w.dir, 'report.jsonl');
    writeFileSync(report, 'the old report\n');
    const child = spawn(process.execPath, [BIN, 'scan', '-', '-f', 'jsonl', '-o', report], { stdio: ['pipe', 'ignore', 'pipe'], cwd: w.dir });
    child.stdin.write(MBOX);
    for (let i = 0; i < 200 && tempFilesUnder(w.dir).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(tempFilesUnder(w.dir)).toHaveLength(1);
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    child.kill('SIGQUIT');
    const [code, signal] = await closed;
    expect(signal).toBe('SIGQUIT');
    expect(code).not.toBe(0);
    expect(readFileSync(report, 'utf8')).toBe('the old report\n');
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });

  it('clean FOLDER -o NEWDIR builds the copy beside NEWDIR and renames it in: a stopped run leaves nothing, the next run needs no --force', async () => {
    const w = workspace();
    const big = path.join(w.dir, 'big');
    mkdirSync(path.join(big, 'cur'), { recursive: true });
    for (let i = 0; i < 3000; i++) writeFileSync(path.join(big, 'cur', `${i}.eml`), i % 2 ? EML : EML2);
    const copy = path.join(w.dir, 'copy');
    const child = spawn(process.execPath, [BIN, 'clean', big, '-o', copy], { stdio: ['ignore', 'ignore', 'pipe'], cwd: w.dir });
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    // Wait until some messages are in the temporary folder: the copy is under way.
    for (let i = 0; i < 400; i++) {
      const [building] = tempFoldersIn(w.dir);
      if (building && existsSync(path.join(w.dir, building, 'cur')) && readdirSync(path.join(w.dir, building, 'cur')).length > 10) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(tempFoldersIn(w.dir)).toHaveLength(1);
    expect(existsSync(copy)).toBe(false);
    child.kill('SIGTERM');
    expect(await closed).toBe('SIGTERM');
    expect(tempFoldersIn(w.dir)).toEqual([]);
    expect(existsSync(copy)).toBe(false);
    // The next run, without --force, writes the whole copy.
    const r = await run(['clean', w.folder, '-o', copy]);
    expect(r.exitCode).toBe(0);
    expect(readdirSync(path.join(copy, 'cur')).sort()).toEqual(['1.eml', '2.eml']);
    expect(tempFoldersIn(w.dir)).toEqual([]);
  }, 60_000);

  it('clean FOLDER -o NEWDIR on a full disk (a 64 KB tmpfs): exit 2, nothing left there', async (ctx) => {
    const mount = smallTmpfs();
    if (!mount) {
      ctx.skip('mounting a small tmpfs is not allowed here (needs root and mount rights), so ENOSPC cannot be produced');
      return;
    }
    try {
      const w = workspace();
      for (let i = 3; i < 60; i++) writeFileSync(path.join(w.folder, 'cur', `${i}.eml`), EML);
      const r = await run(['clean', w.folder, '-o', path.join(mount, 'copy')]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/the disk is full \(ENOSPC\)/);
      expect(readdirSync(mount)).toEqual([]);
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});

describe('several outputs at once (-f NAME:FILE), each checked like -o', () => {
  it('writes each format to its own file and at most one to stdout', async () => {
    const w = workspace();
    const sarif = path.join(w.dir, 'out.sarif');
    const junit = path.join(w.dir, 'out.xml');
    const r = await run(['scan', w.mbox, '-f', `sarif:${sarif}`, '-f', `junit:${junit}`, '-f', 'github']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(sarifErrors(readFileSync(sarif, 'utf8'))).toEqual([]);
    expect(parseJunit(readFileSync(junit, 'utf8')).testsuites.testsuite).toBeDefined();
    expect(parseAnnotations(r.stdout).length).toBe(JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results.length);
    // -o takes the one format without a file of its own.
    const json = path.join(w.dir, 'out.json');
    expect((await run(['scan', w.mbox, '-f', 'json', '-o', json, '-f', `sarif:${sarif}`])).stdout).toBe('');
    expect(JSON.parse(readFileSync(json, 'utf8')).tool).toBe('pixelaudit');
    // report merges JSONL into the CI formats too.
    const jsonl = path.join(w.dir, 'out.jsonl');
    await run(['scan', w.mbox, '-f', `jsonl:${jsonl}`]);
    const merged = await run(['report', jsonl, '-f', 'sarif', '-f', `table:${path.join(w.dir, 'report.txt')}`]);
    expect(merged.exitCode).toBe(0);
    expect(sarifErrors(merged.stdout)).toEqual([]);
    expect(JSON.parse(merged.stdout).runs[0].results).toEqual(JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results);
    expect(readFileSync(path.join(w.dir, 'report.txt'), 'utf8')).toMatch(/Tracked: /);
  });

  it('refuses an output file that is an input, inside an input folder, or reached through a link to one', async () => {
    const w = workspace();
    await expectRefused(['scan', w.mbox, '-f', 'github', '-f', `sarif:${w.mbox}`], w.dir, /in\.mbox is also an input/);
    await expectRefused(['scan', w.folder, '-f', `junit:${path.join(w.folder, 'report.xml')}`], w.dir, /inside the input folder/);
    symlinkSync(w.mbox, path.join(w.dir, 'linked.sarif'));
    await expectRefused(['scan', w.mbox, '-f', `sarif:${path.join(w.dir, 'linked.sarif')}`], w.dir, /also an input/);
    const jsonl = path.join(w.dir, 'in.jsonl');
    writeFileSync(jsonl, '');
    await expectRefused(['report', jsonl, '-f', `sarif:${jsonl}`], w.dir, /also an input/);
  });

  it('refuses two outputs on one file (same path, a hard link, a symlink), two on stdout, and -o with no format left for it', async () => {
    const w = workspace();
    const a = path.join(w.dir, 'a.sarif');
    writeFileSync(a, 'old');
    linkSync(a, path.join(w.dir, 'hard.xml'));
    symlinkSync(a, path.join(w.dir, 'soft.xml'));
    await expectRefused(['scan', w.eml, '-f', `sarif:${a}`, '-f', `junit:${a}`], w.dir, /would both write/);
    await expectRefused(['scan', w.eml, '-f', `sarif:${a}`, '-f', `junit:${path.join(w.dir, 'hard.xml')}`], w.dir, /would both write/);
    await expectRefused(['scan', w.eml, '-f', `sarif:${a}`, '-f', `junit:${path.join(w.dir, 'soft.xml')}`], w.dir, /would both write/);
    await expectRefused(['scan', w.eml, '-f', 'json', '-f', 'github'], w.dir, /only one format can go to standard output/);
    await expectRefused(['scan', w.eml, '-o', path.join(w.dir, 'x'), '-f', `sarif:${a}`], w.dir, /every -f names its own file/);
    await expectRefused(['scan', w.eml, '-f', 'xml'], w.dir, /unknown format "xml"/);
    await expectRefused(['scan', w.eml, '-f', 'sarif:'], w.dir, /give a file after the colon/);
  });

  it('a run that fails leaves every existing output as it was and no temporary file', async () => {
    const w = workspace();
    const a = path.join(w.dir, 'a.sarif');
    const b = path.join(w.dir, 'b.xml');
    writeFileSync(a, 'old a');
    writeFileSync(b, 'old b');
    // As above: stderr breaks once the first messages are written, which fails the run.
    async function* twoMboxes(): AsyncGenerator<Buffer> {
      yield Buffer.concat([MBOX, MBOX]);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    let calls = 0;
    const stderr = {
      write(): void {
        if (calls++ === 0) throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
    };
    const r = await run(['scan', '-', '-f', `sarif:${a}`, '-f', `junit:${b}`, '-f', 'github'], { stdin: twoMboxes(), stderr });
    expect(r.exitCode).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe('old a');
    expect(readFileSync(b, 'utf8')).toBe('old b');
    expect(tempFilesUnder(w.dir)).toEqual([]);
  });
});
