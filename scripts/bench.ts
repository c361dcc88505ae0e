// npm run bench: builds a large mbox from ../shared/corpora (or the bundled sample mailbox) and
// measures, in one run and each step in its own process: (a) raw read, (b) MIME parse alone with
// mailparser, (b') pixelaudit's own MIME stage alone, (c) pixelaudit with 1 job, (d) with all
// cores (the scan thread and a worker per other core), (e) as many separate one-job processes on
// one shard each (the machine's ceiling for d).
// Prints messages/s, MB/s and peak RSS; then the check rows (scripts/bench-check.ts).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { LAUNCH_FLAGS } from '../src/cli/heap.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { benchCheck } from './bench-check.js';
import { BENCH_DIR, mboxEntry, sourceMessages } from './bench-inputs.js';
import { folderRows, memoryRow, peerRow, startupRow } from './bench-rows.js';

const sizeMb = Number(process.env.BENCH_SIZE_MB ?? 300);
// Which parts to run (all by default): mbox (the table below), folders, peer, startup, memory, check.
const parts = new Set((process.env.BENCH_STEPS ?? 'mbox,folders,peer,startup,memory,check').split(','));
let messagesCache: Buffer[] | undefined;
const messages = (): Buffer[] => (messagesCache ??= sourceMessages());

/** The benchmark mbox of at least `mb` MB: the corpus messages cycled. */
function build(mb: number): string {
  const file = path.join(BENCH_DIR, `bench-${mb}.mbox`);
  if (existsSync(file) && statSync(file).size >= mb * 1024 * 1024) return file;
  mkdirSync(BENCH_DIR, { recursive: true });
  const all = messages();
  const fd = openSync(file, 'w');
  let written = 0;
  let i = 0;
  while (written < mb * 1024 * 1024) written += writeSync(fd, mboxEntry(all[i++ % all.length]), null, 'latin1');
  closeSync(fd);
  return file;
}
const file = build(sizeMb);

interface Step {
  messages: number;
  bytes: number;
  seconds: number;
  /** CPU time of all threads; summed over processes for (e). */
  cpuSeconds: number;
  maxRssMb: number;
}

async function step(mode: string, jobs = '1', shard?: string): Promise<Step> {
  // A scan starts as bin/pixelaudit.js starts it (its flags); the baselines in a plain Node.
  const args = [...(mode === 'scan' ? LAUNCH_FLAGS : []), path.join(PACKAGE_ROOT, 'dist', 'scripts', 'bench-child.js'), mode, file, jobs, ...(shard ? [shard] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Step;
}

/** n processes at once, one shard each: what this machine gives for n independent scans (its ceiling for d). */
async function processes(n: number): Promise<Step> {
  const started = process.hrtime.bigint();
  const parts = await Promise.all(Array.from({ length: n }, (_, i) => step('scan', '1', `${i + 1}/${n}`)));
  return {
    messages: parts.reduce((sum, p) => sum + p.messages, 0),
    bytes: statSync(file).size,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: parts.reduce((sum, p) => sum + p.cpuSeconds, 0),
    maxRssMb: parts.reduce((sum, p) => sum + p.maxRssMb, 0),
  };
}

const cores = availableParallelism();
// This machine's speed drifts by 10-30% over minutes (shared host): every step runs once per
// round, rounds interleave the steps, and the table shows the median round with the range.
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
console.log(
  `bench: ${path.relative(PACKAGE_ROOT, file)} ${(statSync(file).size / 1e6).toFixed(0)} MB, ${cores} cores, node ${process.version}, ${runs} rounds, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
/** The mbox table: (a) to (e), interleaved rounds. */
async function mboxTable(): Promise<void> {
  const steps: Array<[string, () => Promise<Step>]> = [
    ['(a) raw read', () => step('read')],
    ['(b) MIME parse alone (mailparser, same options)', () => step('parse')],
    ["(b') pixelaudit's MIME stage alone (fast path, mailparser for the rest)", () => step('parse-own')],
    ['(c) pixelaudit scan, 1 worker', () => step('scan', '1')],
    // --jobs N is the scan's own thread and N-1 workers (src/engine/scan.ts).
    [`(d) pixelaudit scan, --jobs ${cores} (the scan thread and ${cores - 1} worker${cores === 2 ? '' : 's'})`, () => step('scan', String(cores))],
    [`(e) ${cores} separate processes, 1 worker and 1/${cores} of the mbox each (RSS summed)`, () => processes(cores)],
  ];
  const rounds: Step[][] = [];
  for (let r = 0; r < runs; r++) {
    const round: Step[] = [];
    for (const [, run] of steps) round.push(await run());
    rounds.push(round);
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
  const seconds = steps.map((_, i) => median(rounds.map((round) => round[i].seconds)));
  const count = rounds[0][1].messages;
  console.log('\n| step | messages/s | MB/s | cores busy | peak RSS |\n| --- | --- | --- | --- | --- |');
  steps.forEach(([name], i) => {
    const s = rounds[0][i];
    const rates = rounds.map((round) => round[i].messages / round[i].seconds);
    const rate = s.messages ? `${(s.messages / seconds[i]).toFixed(0)}${runs > 1 ? ` (${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)})` : ''}` : '–';
    const rss = Math.max(...rounds.map((round) => round[i].maxRssMb));
    // CPU seconds over wall seconds: how many cores the step kept busy, helper threads included.
    const busy = median(rounds.map((round) => round[i].cpuSeconds / round[i].seconds));
    // A step shorter than a few seconds is mostly Node's start, which the CPU time includes.
    const shown = seconds[i] < 3 ? '–' : busy.toFixed(2);
    console.log(`| ${name} | ${rate} | ${(s.bytes / 1e6 / seconds[i]).toFixed(1)} | ${shown} | ${rss.toFixed(0)} MB |`);
  });
  const ratio = (num: number, den: number): string => {
    const each = rounds.map((round) => round[num].seconds / round[den].seconds);
    return `${(seconds[num] / seconds[den]).toFixed(2)}${runs > 1 ? ` (rounds: ${each.map((x) => x.toFixed(2)).join(', ')})` : ''}`;
  };
  // The same ratio in CPU time (all threads): on a machine shared by several people, wall time
  // measures the load as much as the code.
  const cpuRatio = (num: number, den: number): string => {
    const each = rounds.map((round) => round[num].cpuSeconds / round[den].cpuSeconds);
    const mid = median(each);
    return `${mid.toFixed(2)}${runs > 1 ? ` (rounds: ${each.map((x) => x.toFixed(2)).join(', ')})` : ''}, CPU s ${median(rounds.map((round) => round[num].cpuSeconds)).toFixed(1)} / ${median(rounds.map((round) => round[den].cpuSeconds)).toFixed(1)}`;
  };
  console.log(`\n${count} messages; rates are the median round (slowest-fastest round); peak RSS the highest.`);
  console.log(`c/b  = ${ratio(1, 3)} (goal >= 0.85): pixelaudit against parsing alone with mailparser`);
  console.log(`c/b in CPU time = ${cpuRatio(1, 3)}`);
  console.log(`c/b' = ${ratio(2, 3)}: against pixelaudit's own MIME stage (what detection costs on top of it)`);
  console.log(`d/c  = ${ratio(3, 4)} (goal >= 1.8 on 2 cores)`);
  console.log(`e/c  = ${ratio(3, 5)}: what ${cores} independent processes get on this machine, the ceiling for d/c`);
}

if (parts.has('mbox')) await mboxTable();
if (parts.has('folders')) await folderRows(messages(), runs);
if (parts.has('peer')) await peerRow(messages(), runs);
if (parts.has('startup')) await startupRow();
if (parts.has('memory')) await memoryRow(file, build);
if (parts.has('check')) await benchCheck(runs);
console.log(
  `\nload average at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
