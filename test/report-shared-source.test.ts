// Outside review 3, finding 6: `report` keyed results by `source` alone, so two different
// messages scanned from two folders with the same relative path (`cd 2023 && scan INBOX`,
// `cd 2024 && scan INBOX`) were merged into one: found 1 of 2, and exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { htmlMessage } from './helpers.js';

const PIXEL = '<img src="https://t.shop.example/o.gif?id=8f14e45fceea167a5a36dedd4bea2543" width=1 height=1>';

/** One folder's scan as JSONL, its source rewritten to the relative name a `cd` into it gives. */
async function shard(dir: string, name: string, messageId: string, html: string): Promise<string> {
  const eml = path.join(dir, `${name}.eml`);
  writeFileSync(eml, htmlMessage(html, { 'Message-ID': `<${messageId}@shop.example>` }));
  const out = path.join(dir, `${name}.jsonl`);
  const r = await run(['scan', eml, '-f', 'jsonl', '-o', out]);
  expect(r.exitCode, r.stderr).toBe(0);
  writeFileSync(out, readFileSync(out, 'utf8').split(eml).join('msg.eml'));
  return out;
}

describe('report: results are one message each by source and headers, not by source alone', () => {
  it('two different messages that share a source are both counted (exit 0, a note on stderr)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-report-source-'));
    const a = await shard(dir, 'a', 'one', PIXEL);
    const b = await shard(dir, 'b', 'two', '<p>no pixel</p>');
    const r = await run(['report', a, b, '-f', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ found: 2, scanned: 2, tracked: 1 });
    expect(r.stderr).toMatch(/1 results share their source with a different message and were counted apart/);
    expect(r.stderr).not.toMatch(/overlapping shards/);
  });

  it('the same message in two files is still counted once, with exit 2 (overlapping shards)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-report-source-'));
    const a = await shard(dir, 'a', 'one', PIXEL);
    const r = await run(['report', a, a, '-f', 'json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ found: 1, scanned: 1 });
    expect(r.stderr).toMatch(/1 results appeared in more than one file and were counted once \(overlapping shards\?\)/);
  });
});
