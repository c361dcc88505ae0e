// Time and peak memory of a scan of one 5 MB message of deeply nested markup against one of flat
// markup of the same size, each in its own process (its peak RSS is its own). Not a test: the
// figures go in the README and the commit. Usage:
//   npm run build && node dist/scripts/measure-deep-nesting.js [MB]
// Prints one line per shape: status, wall and CPU seconds, peak RSS, resources found.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/run.js';

/** The repeated unit of each shape; `N` becomes a counter (distinct attributes defeat Noah's Ark). */
const SHAPES: Record<string, string> = {
  flat: '<div></div>',
  'nested-div': '<div>',
  'nested-b': '<b>',
  'nested-span': '<span>',
  'nested-table-cells': '<table><tr><td>',
  'unclosed-b-distinct': '<b class=cN>',
};

function message(unit: string, bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const u = unit.replace('N', String(i));
    parts.push(u);
    length += u.length;
  }
  const html = `<img src="https://t.example/first.gif">${parts.join('')}<img src="https://t.example/open.gif?id=8f14e45fceea167a5a36" width="1" height="1">`;
  return `From: a@example.com\r\nTo: b@example.com\r\nSubject: deep\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;
}

async function child(shape: string, mb: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pixelaudit-deep-'));
  try {
    const file = join(dir, 'message.eml');
    writeFileSync(file, message(SHAPES[shape], mb * 1024 * 1024));
    let out = '';
    const started = process.hrtime.bigint();
    await run(['scan', file, '-f', 'jsonl', '-q'], { stdout: { write: (s: string) => void (out += s) }, stderr: { write: () => undefined }, env: {} });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const usage = process.resourceUsage();
    const line = JSON.parse(out.trim().split('\n')[0]) as { error?: unknown; tracked?: boolean; findings?: unknown[] };
    const status = line.error ? 'failed' : line.tracked ? 'tracked' : 'scanned';
    console.log(JSON.stringify({ shape, mb, status, seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024, findings: line.findings?.length ?? 0, error: line.error }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, shape, size] = process.argv.slice(2);
if (mode === 'child') await child(shape, Number(size));
else {
  const mb = Number(mode ?? 5);
  for (const s of Object.keys(SHAPES)) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'child', s, String(mb)], { encoding: 'utf8' });
    const r = JSON.parse(out) as { status: string; seconds: number; cpuSeconds: number; maxRssMb: number; findings: number };
    console.log(`${s.padEnd(22)} ${mb} MB  ${r.status.padEnd(8)} ${r.seconds.toFixed(1)} s wall  ${r.cpuSeconds.toFixed(1)} s CPU  ${Math.round(r.maxRssMb)} MB peak RSS  ${r.findings} findings`);
  }
}
