// npm run build && node dist/scripts/bench-cache.js: start-up time and peak RSS of the IMAP result cache with many entries.
// Usage: node dist/scripts/bench-cache.js [entries] (default 200000). The parent writes a synthetic
// cache once, then a fresh child process opens it and answers every UID, so the child's peak RSS is
// what a rerun of `pixelaudit imap` pays for the cache alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResultCache as Current } from '../src/imap/cache.js';
import type { MessageResult } from '../src/types.js';

// BENCH_CACHE_MODULE=/path/to/other/build/cache.js measures another build of the cache (e.g. the one before the index).
const ResultCache: typeof Current = process.env.BENCH_CACHE_MODULE ? ((await import(process.env.BENCH_CACHE_MODULE)) as { ResultCache: typeof Current }).ResultCache : Current;

const SERVER = 'imap.example.org:993';
const USER = 'bench@example.org';
const SETTINGS = 'bench-settings';
const MAILBOX = 'INBOX';
const UIDVALIDITY = '1700000000';

/** A result shaped like a tracked newsletter: three findings, about 1.5 KB of JSON. */
function result(uid: number): MessageResult {
  const finding = (i: number) => ({
    ruleId: 'PA001',
    rule: 'known-tracker',
    messageKey: 'open',
    category: 'open-tracking' as const,
    tracking: true,
    confidence: 'high' as const,
    vendor: 'sendgrid',
    vendorName: 'SendGrid',
    pattern: 'sendgrid-open',
    url: `https://u${uid}.ct.sendgrid.net/wf/open?upn=u001.abcd…&n=${i}`,
    kind: 'img' as const,
    position: { line: 10 + i, column: 4 },
    host: `u${uid}.ct.sendgrid.net`,
    party: 'third-party' as const,
    data: { vendorName: 'SendGrid', pattern: 'sendgrid-open' },
  });
  return {
    source: `imap://${SERVER}/INBOX;UIDVALIDITY=${UIDVALIDITY}/;UID=${uid}`,
    messageIdHeader: `<m${uid}@example.com>`,
    from: 'News <news@example.com>',
    date: '2024-05-01T10:00:00.000Z',
    subject: `Weekly digest number ${uid}`,
    tracked: true,
    linkTracked: true,
    addressLeak: false,
    readReceipt: false,
    platform: 'sendgrid',
    senderDomain: 'example.com',
    bulk: true,
    spam: false,
    transactional: false,
    thirdParty: true,
    resources: 3,
    html: true,
    findings: [finding(0), finding(1), finding(2)],
    warnings: [],
    error: null,
  };
}

function child(dir: string, count: number): void {
  const t0 = performance.now();
  const cache = new ResultCache(dir, SERVER, USER, SETTINGS);
  let hits = 0;
  const first = cache.get(MAILBOX, UIDVALIDITY, 1);
  if (first) hits++;
  const startup = performance.now() - t0;
  for (let uid = 2; uid <= count; uid++) if (cache.get(MAILBOX, UIDVALIDITY, uid)) hits++;
  const all = performance.now() - t0;
  cache.close();
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ startupMs: Math.round(startup), allMs: Math.round(all), hits, peakRssMb: Math.round(rss) }));
}

function parent(count: number): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-bench-cache-'));
  try {
    const t0 = performance.now();
    const cache = new ResultCache(dir, SERVER, USER, SETTINGS);
    for (let uid = 1; uid <= count; uid++) cache.put(MAILBOX, UIDVALIDITY, uid, result(uid));
    cache.close();
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk : (f: string) => files.push(f))(path.join(d, e.name));
    };
    walk(dir);
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    console.log(`wrote ${count} entries, ${(bytes / 1048576).toFixed(1)} MB in ${files.length} file(s), ${Math.round(performance.now() - t0)} ms`);
    const baseline = execFileSync(process.execPath, ['-e', 'console.log(Math.round(process.resourceUsage().maxRSS/1024))'], { encoding: 'utf8' }).trim();
    console.log(`bare node peak RSS: ${baseline} MB`);
    for (let i = 0; i < 3; i++) {
      process.stdout.write(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, String(count)], { encoding: 'utf8' }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') child(process.argv[3], Number(process.argv[4]));
else parent(Number(process.argv[2] ?? 200_000));
