// With more than one job the scan's own thread analyses too (src/engine/scan.ts): one worker and
// this thread instead of two workers and an idle thread. Real worker threads, a real mbox.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import type { MessageResult } from '../src/types.js';
import { detector, htmlMessage } from './helpers.js';

const MESSAGES = 400;

function mbox(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-share-'));
  const file = path.join(dir, 'in.mbox');
  const parts: string[] = [];
  for (let i = 1; i <= MESSAGES; i++) {
    // Every third message tracked, each with its own recipient: results that differ message by message.
    const html = i % 3 === 0 ? `<p>${i}</p><img src="https://t.example.com/open?id=${String(i).padStart(20, '0')}" width="1" height="1">` : `<p>${i}</p>`;
    const message = htmlMessage(html, { 'Message-ID': `<m${i}@example.com>`, To: `reader${i}@example.org`, Subject: `message ${i}` });
    parts.push(`From sender@example.com Mon Jan  1 00:00:00 2024\n${message.toString('latin1').replace(/\r\n/g, '\n')}\n`);
  }
  writeFileSync(file, parts.join(''), 'latin1');
  return file;
}

async function scanned(file: string, jobs: number): Promise<{ results: MessageResult[]; analysedHere: number }> {
  const results: MessageResult[] = [];
  const d = detector();
  const outcome = await scan([file], { detector: d, detectorOptions: { redact: d.redact }, maxMessageBytes: 1 << 25, jobs, onResult: (r) => void results.push(r) });
  expect(outcome.summary.found).toBe(MESSAGES);
  expect(outcome.summary.scanned + outcome.summary.failed).toBe(MESSAGES);
  return { results, analysedHere: outcome.analysedHere };
}

describe('the scan thread analyses beside the workers', () => {
  it('--jobs 2: one worker and this thread share the messages; results equal --jobs 1, in input order', async () => {
    const file = mbox();
    const one = await scanned(file, 1);
    expect(one.analysedHere).toBe(MESSAGES);
    const two = await scanned(file, 2);
    // The first 96 messages go to the worker (its backlog) before this thread takes any: reading
    // 97 messages is far quicker than a worker's start. Past the backlog this thread analyses.
    expect(two.analysedHere).toBeGreaterThan(0);
    expect(two.analysedHere).toBeLessThanOrEqual(MESSAGES - 96);
    expect(two.results.map((r) => r.source)).toEqual(Array.from({ length: MESSAGES }, (_, i) => `${file}#${i + 1}`));
    expect(two.results).toEqual(one.results);
    expect(two.results.filter((r) => r.tracked)).toHaveLength(Math.floor(MESSAGES / 3));
  }, 60_000);

  it('a message over 1 MiB always goes to a worker: the watchdog keeps its hard stop there', async () => {
    // 100 small messages (96 fill the worker's backlog), then 30 of 1.1 MiB each. Without the
    // bound, this thread takes every message past the backlog while the worker is busy.
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-share-big-'));
    const file = path.join(dir, 'in.mbox');
    const parts: string[] = [];
    const total = 130;
    for (let i = 1; i <= total; i++) {
      const pad = i > 100 ? `<!-- ${'x'.repeat(1.1 * 1024 * 1024)} -->` : '';
      const message = htmlMessage(`<p>${i}</p>${pad}<img src="https://t.example.com/open?id=${String(i).padStart(20, '0')}" width="1" height="1">`, { 'Message-ID': `<b${i}@example.com>` });
      parts.push(`From sender@example.com Mon Jan  1 00:00:00 2024\n${message.toString('latin1').replace(/\r\n/g, '\n')}\n`);
    }
    writeFileSync(file, parts.join(''), 'latin1');
    const results: MessageResult[] = [];
    const d = detector();
    const outcome = await scan([file], { detector: d, detectorOptions: { redact: d.redact }, maxMessageBytes: 1 << 25, jobs: 2, onResult: (r) => void results.push(r) });
    expect(outcome.summary.found).toBe(total);
    expect(results.every((r) => r.error === null && r.tracked)).toBe(true);
    // The first 96 go to the worker whatever happens; of the 4 small ones left, this thread may
    // take some; never one of the 30 large ones.
    expect(outcome.analysedHere).toBeLessThanOrEqual(4);
  }, 120_000);
});
