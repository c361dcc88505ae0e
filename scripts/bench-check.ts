// The `check` rows of npm run bench (also on its own: node dist/scripts/bench-check.js): `check` on
// 1,000 template files against `scan` on the same HTML as 1,000 one-message .eml files (goal:
// check/scan <= 1.2), and `check` of one template against `node -e 0` (goal <= 3). Each run is
// a process of its own, rounds interleave the steps, and the median round is shown.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCorpora } from '../src/eval/evaluate.js';
import { LAUNCH_FLAGS } from '../src/cli/heap.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

const COUNT = 1000;
const BIN = path.join(PACKAGE_ROOT, 'bin', 'pixelaudit.js');

/** The corpus templates (read where they are, copied only into the git-ignored .bench/), or one built-in template. */
function templates(): string[] {
  const corpora = findCorpora(PACKAGE_ROOT, process.env.PIXELAUDIT_CORPORA);
  const dir = corpora ? path.join(corpora, 'templates') : undefined;
  const out: string[] = [];
  if (dir && existsSync(dir)) {
    for (const sub of readdirSync(dir, { withFileTypes: true })) {
      if (!sub.isDirectory()) continue;
      for (const f of readdirSync(path.join(dir, sub.name)).sort()) out.push(readFileSync(path.join(dir, sub.name, f), 'utf8'));
    }
  }
  if (out.length === 0) {
    out.push('<html><body><p>Hi {{ user.name }}</p><img src="https://t.example.com/o.gif?u={{ user.id }}" width="1" height="1"><a href="https://shop.example.com/?utm_source=n&utm_content={{ uuid }}">shop</a>{{ TrackView }}</body></html>');
  }
  return out;
}

function build(root: string): { templatesDir: string; messagesDir: string; single: string } {
  const templatesDir = path.join(root, 'templates');
  const messagesDir = path.join(root, 'messages');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(templatesDir, { recursive: true });
  mkdirSync(messagesDir, { recursive: true });
  const list = templates();
  for (let i = 0; i < COUNT; i++) {
    const html = list[i % list.length];
    const name = String(i).padStart(4, '0');
    writeFileSync(path.join(templatesDir, `${name}.html`), html);
    const headers = `From: News <news@example.com>\r\nTo: reader@example.org\r\nSubject: Issue ${i}\r\nMessage-ID: <${i}@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`;
    writeFileSync(path.join(messagesDir, `${name}.eml`), headers + html);
  }
  return { templatesDir, messagesDir, single: path.join(templatesDir, '0000.html') };
}

/** Wall seconds of one process, its output discarded (exit 1 counts: findings are expected). */
function timed(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 || code === 1 ? resolve(Number(process.hrtime.bigint() - started) / 1e9) : reject(new Error(`${args.join(' ')}: exit ${String(code)}`))));
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCheck(runs: number): Promise<void> {
  const { templatesDir, messagesDir, single } = build(path.join(PACKAGE_ROOT, '.bench', 'check'));
  const steps: Array<[string, string[]]> = [
    [`scan, ${COUNT} one-message .eml files`, [...LAUNCH_FLAGS, BIN, 'scan', messagesDir, '-f', 'jsonl']],
    [`check, ${COUNT} templates (same HTML)`, [...LAUNCH_FLAGS, BIN, 'check', templatesDir, '--fail-on', 'never']],
    ['node -e 0', ['-e', '0']],
    ['check, one template', [...LAUNCH_FLAGS, BIN, 'check', single, '--fail-on', 'never']],
  ];
  const seconds: number[][] = steps.map(() => []);
  for (let r = 0; r < runs; r++) for (const [i, [, args]] of steps.entries()) seconds[i].push(await timed(args));
  console.log(`\ncheck: ${COUNT} files from ${templates().length} distinct templates, ${runs} rounds (median, slowest-fastest)\n\n| step | seconds |\n| --- | --- |`);
  steps.forEach(([name], i) => console.log(`| ${name} | ${median(seconds[i]).toFixed(2)} (${Math.min(...seconds[i]).toFixed(2)}-${Math.max(...seconds[i]).toFixed(2)}) |`));
  // Ratios per round, then the median: both steps of a round saw the same machine load.
  const ratio = (a: number, b: number): string => median(seconds[a].map((s, r) => s / seconds[b][r])).toFixed(2);
  console.log(`check/scan = ${ratio(1, 0)} (goal <= 1.2)`);
  console.log(`one template / node -e 0 = ${ratio(3, 2)} (goal <= 3)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await benchCheck(Math.max(1, Number(process.env.BENCH_RUNS ?? 3)));
}
