import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { GOOD_MESSAGES } from './corpus.js';
import { checkScan, fail } from './contract.js';
import { checkProperty, scratchDir, TIMEOUT } from './harness.js';

/**
 * Promise: no message is lost silently in a folder walk. A folder of real files and links: every
 * file is found or counted as skipped, and mail a client shows (a plain message, one behind a
 * UTF-8 BOM, one reached through a symlink) is scanned.
 */

type Entry = 'message' | 'bom message' | 'symlink to a message' | 'nul early' | 'not mail' | 'crlf-less message';

const entryArb = fc.record({
  kind: fc.constantFrom<Entry>('message', 'bom message', 'symlink to a message', 'nul early', 'not mail', 'crlf-less message'),
  depth: fc.integer({ min: 0, max: 3 }),
});

async function checkWalk(entries: Array<{ kind: Entry; depth: number }>): Promise<void> {
  const root = scratchDir('pixelaudit-fuzz-walk-');
  const folder = path.join(root, 'mail');
  const outside = path.join(root, 'elsewhere');
  mkdirSync(folder);
  mkdirSync(outside);
  const mustScan: string[] = [];
  entries.forEach(({ kind, depth }, i) => {
    const dir = path.join(folder, ...Array.from({ length: depth }, (_, d) => `sub${d}`));
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `m${i}.eml`);
    const good = GOOD_MESSAGES[i % GOOD_MESSAGES.length];
    switch (kind) {
      case 'message':
        writeFileSync(file, good);
        mustScan.push(file);
        break;
      case 'bom message':
        writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]));
        mustScan.push(file);
        break;
      case 'symlink to a message': {
        const target = path.join(outside, `t${i}.eml`);
        writeFileSync(target, good);
        symlinkSync(target, file);
        mustScan.push(file);
        break;
      }
      case 'nul early': {
        const b = Buffer.from(good);
        b[Math.min(200, b.length - 1)] = 0;
        writeFileSync(file, b);
        break;
      }
      case 'not mail':
        writeFileSync(path.join(dir, `README${i}.txt`), 'shopping list\n');
        break;
      case 'crlf-less message':
        writeFileSync(file, good.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
        mustScan.push(file);
        break;
    }
  });
  const { report } = await checkScan([folder]);
  const summary = report.summary as typeof report.summary & { skippedFiles: number };
  // A folder without mail is itself a failed entry ("no mail found"): not one of its files.
  const files = report.messages.filter((m) => m.source !== folder).length;
  if (files + summary.skippedFiles !== entries.length) {
    fail('totals', `the folder holds ${entries.length} files, the scan found ${files} and skipped ${summary.skippedFiles} (kinds ${JSON.stringify([...new Set(entries.map((e) => e.kind))].sort())})`);
  }
  const bySource = new Map(report.messages.map((m) => [m.source, m]));
  for (const file of mustScan) {
    const kind = entries[Number(/m(\d+)\.eml$/.exec(file)?.[1])].kind;
    const m = bySource.get(file);
    if (!m) fail('totals', `a ${kind} (${path.relative(folder, file)}) was not scanned: it is not in the report`);
    if (m.error !== null) fail('bucket', `a ${kind} failed: ${m.error}`);
  }
}

describe('fuzz: folder walks lose nothing silently', () => {
  it(
    'every file of a folder (messages, BOM, symlinks, NUL, not mail, nested) is found or counted as skipped; mail a client shows is scanned',
    async () => {
      await checkProperty('folder walk loses nothing', [fc.array(entryArb, { minLength: 1, maxLength: 8 })], checkWalk, 15);
    },
    TIMEOUT,
  );
});
