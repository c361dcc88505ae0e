// The rows of npm run bench beyond the mbox table (issue 12): folders against the same messages in
// one mbox, the spy-pixel-finder peer, one message start to exit against `node -e 0`, and peak RSS
// with the default job count on the benchmark mbox against a larger one. Each figure is printed
// beside its baseline from the same run, as a ratio, with the goal.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { LAUNCH_FLAGS } from '../src/cli/heap.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { SAMPLE_TEMPLATE } from '../src/bundle-loader/sample-template.js';
import { BENCH_DIR, folderCase, type FolderCase } from './bench-inputs.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'pixelaudit.js');
const CHILD = path.join(PACKAGE_ROOT, 'dist', 'scripts', 'bench-child.js');

export interface Measured {
  seconds: number;
  /** CPU time of all the process's threads: steadier than wall time on a loaded machine. */
  cpuSeconds: number;
  maxRssMb: number;
  messages: number;
}

/** A pixelaudit scan in a process of its own (bench-child.ts), started as bin/pixelaudit.js starts (LAUNCH_FLAGS), with the default job count unless given. */
export async function scanStep(input: string, jobs = 'default'): Promise<Measured> {
  const { stdout } = await promisify(execFile)(process.execPath, [...LAUNCH_FLAGS, CHILD, 'scan', input, jobs], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Measured;
}

const TIME = '/usr/bin/time';
const BASH = '/bin/bash';
const haveTime = existsSync(TIME);
const haveBash = existsSync(BASH);

/**
 * How a child's CPU time is taken: bash's `time` keyword reads the same rusage as /usr/bin/time
 * but prints it to the millisecond (TIMEFORMAT %3U), where /usr/bin/time rounds user and system
 * time each to 10 ms: 20-30% of a 64 ms `node -e 0`, which made the start-up ratios jump by 0.5.
 */
function timed(command: string, args: string[]): [string, string[]] {
  if (haveBash) return [BASH, ['-c', 'TIMEFORMAT="pixelaudit-bench-cpu %3U %3S"; time "$@"', 'bash', command, ...args]];
  if (haveTime) return [TIME, ['-f', 'pixelaudit-bench-cpu %U %S', command, ...args]];
  return [command, args];
}

/** Wall time of a whole process, start to exit (output discarded), and its CPU time when bash or /usr/bin/time is there (else NaN). */
export function processTime(command: string, args: string[], cwd = PACKAGE_ROOT): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const [cmd, argv] = timed(command, args);
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const m = /pixelaudit-bench-cpu ([\d.]+) ([\d.]+)\s*$/.exec(err);
      if (code !== 0 && code !== 1) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`));
      else resolve({ wall, cpu: m ? Number(m[1]) + Number(m[2]) : Number.NaN });
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];

/** Runs each step `rounds` times, interleaved (the machine drifts), and gives every round's figure per step. */
async function pairs(rounds: number, run: Array<() => Promise<number>>): Promise<number[][]> {
  const out = run.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) for (let i = 0; i < run.length; i++) out[i].push(await run[i]());
  return out;
}

const fmt = (xs: number[]): string => `${median(xs).toFixed(2)} s${xs.length > 1 ? ` (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})` : ''}`;
const ratioOf = (num: number[], den: number[]): string => {
  const each = num.map((n, i) => n / den[i]);
  return `${(median(num) / median(den)).toFixed(2)}${each.length > 1 ? ` (rounds ${each.map((x) => x.toFixed(2)).join(', ')})` : ''}`;
};

/** Folder rows: each layout against the same messages in one mbox, default jobs, whole scans. */
export async function folderRows(messages: Buffer[], rounds: number): Promise<void> {
  const size = Math.min(messages.length, Number(process.env.BENCH_FOLDER_MESSAGES ?? 1000));
  const many = Number(process.env.BENCH_MAILDIR_FILES ?? 20000);
  const cases: Array<[FolderCase, string]> = [
    [folderCase('eml', size, messages), '1.25'],
    [folderCase('maildir', size, messages), '1.25'],
    [folderCase('emlx', size, messages), '1.25'],
  ];
  if (many > 0) cases.push([folderCase('maildir', many, messages), '1.5']);
  console.log('\n| folder (default jobs) | messages | folder | same messages, one mbox | folder / mbox | in CPU time | goal |\n| --- | --- | --- | --- | --- | --- | --- |');
  for (const [c, goal] of cases) {
    const runs = c.count > 5000 ? Math.min(rounds, 2) : rounds;
    const cpu: number[][] = [[], []];
    const found = [0, 0];
    const step = (input: string, i: number) => async (): Promise<number> => {
      const m = await scanStep(input);
      cpu[i].push(m.cpuSeconds);
      found[i] = m.messages;
      return m.seconds;
    };
    const [folder, mbox] = await pairs(runs, [step(c.folder, 0), step(c.mbox, 1)]);
    const count = found[0] === found[1] ? String(found[0]) : `${found[0]} (mbox ${found[1]})`;
    console.log(`| ${c.layout} | ${count} | ${fmt(folder)} | ${fmt(mbox)} | ${ratioOf(folder, mbox)} | ${ratioOf(cpu[0], cpu[1])} | <= ${goal} |`);
  }
}

/**
 * spy-pixel-finder on its own job: up to 200 `.eml` files of one folder (its loop stops there), so
 * both tools get the same 200 files. Its main.py is not in this project: BENCH_PEER names it, by
 * default .bench/spy-pixel-finder/main.py; the row is skipped, saying why, without it or bs4.
 */
export async function peerRow(messages: Buffer[], rounds: number): Promise<void> {
  const script = process.env.BENCH_PEER ?? path.join(BENCH_DIR, 'spy-pixel-finder', 'main.py');
  const python = process.env.BENCH_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const skip = (why: string): void => console.log(`\npeer: spy-pixel-finder skipped: ${why}`);
  if (!existsSync(script)) {
    skip(`no ${path.relative(PACKAGE_ROOT, script)} (copy martbock/spy-pixel-finder's main.py there, MIT, or set BENCH_PEER)`);
    return;
  }
  try {
    await promisify(execFile)(python, ['-c', 'import bs4, pandas']);
  } catch {
    skip(`${python} has no bs4 or pandas (Debian: apt-get install python3-bs4 python3-pandas)`);
    return;
  }
  const source = folderCase('eml', Math.min(messages.length, 1000), messages);
  const folder = path.join(BENCH_DIR, 'peer-200');
  if (!existsSync(path.join(folder, 'complete'))) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(path.join(folder, 'emails'), { recursive: true });
    for (const name of readdirSync(source.folder).sort().slice(0, 200)) copyFileSync(path.join(source.folder, name), path.join(folder, 'emails', name));
    writeFileSync(path.join(folder, 'complete'), '');
  }
  const emails = path.join(folder, 'emails');
  const peer = path.join(PACKAGE_ROOT, 'scripts', 'bench-peer.py');
  const cpu: number[][] = [[], []];
  const timed = (i: number, command: string, args: string[]) => async () => {
    const t = await processTime(command, args);
    cpu[i].push(t.cpu);
    return t.wall;
  };
  const [ours, theirs] = await pairs(rounds, [timed(0, process.execPath, [...LAUNCH_FLAGS, BIN, 'scan', emails, '-f', 'csv', '-q']), timed(1, python, [peer, script, emails])]);
  console.log('\n| peer, 200 .eml files, start to exit | pixelaudit (-f csv) | spy-pixel-finder (exact 1x1 img only) | peer / pixelaudit | in CPU time | goal |\n| --- | --- | --- | --- | --- | --- |');
  console.log(`| ${path.relative(PACKAGE_ROOT, emails)} | ${fmt(ours)} | ${fmt(theirs)} | ${ratioOf(theirs, ours)} | ${ratioOf(cpu[1], cpu[0])} | >= 4 |`);
}

/**
 * Start to exit against a bare Node start (median of BENCH_STARTUP_RUNS, interleaved): one message
 * scanned (issue 12) and one template checked (issue 13), wall and CPU time.
 */
export async function startupRow(): Promise<void> {
  const message = path.join(PACKAGE_ROOT, 'fixtures', 'sample-mailbox', 'webinar-hubspot.eml');
  const template = path.join(BENCH_DIR, 'startup', 'newsletter.html');
  mkdirSync(path.dirname(template), { recursive: true });
  writeFileSync(template, SAMPLE_TEMPLATE);
  const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 10);
  const rows: Array<[string, string[]]> = [
    ['node -e 0', ['-e', '0']],
    ['scan one .eml -f json', [...LAUNCH_FLAGS, BIN, 'scan', message, '-f', 'json']],
    ['scan one .eml (table)', [...LAUNCH_FLAGS, BIN, 'scan', message]],
    ['check one template', [...LAUNCH_FLAGS, BIN, 'check', template, '--fail-on', 'never']],
  ];
  const cpu: number[][] = rows.map(() => []);
  const timed = (i: number, args: string[]) => async () => {
    const t = await processTime(process.execPath, args);
    cpu[i].push(t.cpu);
    return t.wall;
  };
  const wall = await pairs(
    runs,
    rows.map(([, args], i) => timed(i, args)),
  );
  const cpuOf = (i: number): string => `${median(cpu[i]).toFixed(3)} s`;
  console.log(`\n| start to exit (median of ${runs}) | time | / node -e 0 | CPU time | / node -e 0 | goal |\n| --- | --- | --- | --- | --- | --- |`);
  console.log(`| node -e 0 | ${fmt(wall[0])} | 1 | ${cpuOf(0)} | 1 | |`);
  for (let i = 1; i < rows.length; i++) console.log(`| ${rows[i][0]} | ${fmt(wall[i])} | ${ratioOf(wall[i], wall[0])} | ${cpuOf(i)} | ${(median(cpu[i]) / median(cpu[0])).toFixed(2)} | <= 3 |`);
}

/** Peak RSS with the default job count: the benchmark mbox against a larger one (BENCH_LARGE_MB, 0 to skip). */
export async function memoryRow(small: string, buildLarge: (mb: number) => string): Promise<void> {
  const largeMb = Number(process.env.BENCH_LARGE_MB ?? 1000);
  const a = await scanStep(small);
  // CPU time beside the peak: a lower peak bought with more collection work shows here.
  console.log('\n| peak RSS, default jobs | messages | peak RSS | / benchmark mbox | CPU time | goal |\n| --- | --- | --- | --- | --- | --- |');
  console.log(`| ${path.relative(PACKAGE_ROOT, small)} | ${a.messages} | ${a.maxRssMb.toFixed(0)} MB | 1 | ${a.cpuSeconds.toFixed(1)} s | < 300 MB |`);
  if (largeMb <= 0) {
    console.log('(larger mbox skipped: BENCH_LARGE_MB=0)');
    return;
  }
  const large = buildLarge(largeMb);
  const b = await scanStep(large);
  console.log(`| ${path.relative(PACKAGE_ROOT, large)} | ${b.messages} | ${b.maxRssMb.toFixed(0)} MB | ${(b.maxRssMb / a.maxRssMb).toFixed(2)} | ${b.cpuSeconds.toFixed(1)} s | < 300 MB, <= 1.15 |`);
}
