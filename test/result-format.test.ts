import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { failedResult } from '../src/engine/analyse-message.js';
import { ResultCache } from '../src/imap/cache.js';
import { readResult } from '../src/report/read-result.js';
import { findingMessage } from '../src/rules/finding-message.js';
import { RULES } from '../src/rules/index.js';
import type { MessageResult } from '../src/types.js';
import { FIXTURES, splitJsonl } from './helpers.js';

// Findings are data (issue 13): a rule id, a message key and the values its template names; the
// words are rendered at the edge. These tests hold the model to that, and prove that what older
// versions wrote (format 1: `why` prose, `messageId` on both results and findings) is still read.

const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-result-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sampleResults(): Promise<MessageResult[]> {
  return splitJsonl((await run(['scan', SAMPLE, '-f', 'jsonl', '--no-redact'])).stdout).messages;
}

/** What pixelaudit wrote before issue 13, rebuilt from a current result. */
function formatOne(r: MessageResult): Record<string, unknown> {
  const { messageIdHeader, findings, ...rest } = r;
  return { ...rest, messageId: messageIdHeader, findings: findings.map(({ messageKey, ...f }) => ({ ...f, messageId: messageKey, why: findingMessage({ ...f, messageKey }) })) };
}

describe('findings as data', () => {
  it('hold no prose; every finding renders from its rule template with every placeholder filled', async () => {
    const results = await sampleResults();
    const findings = results.flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(20);
    for (const r of results) {
      expect(r).not.toHaveProperty('messageId');
      expect(r).toHaveProperty('messageIdHeader');
    }
    for (const f of findings) {
      expect(f).not.toHaveProperty('why');
      expect(f).not.toHaveProperty('messageId');
      const template = RULES.find((r) => r.meta.id === f.ruleId)?.meta.messages[f.messageKey];
      expect(template, `${f.ruleId}/${f.messageKey}`).toBeDefined();
      const words = findingMessage(f);
      expect(words, `${f.ruleId}/${f.messageKey}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('an unknown rule or key (a file from another version) shows as ruleId/messageKey, not as a guess', () => {
    expect(findingMessage({ ruleId: 'PA999', messageKey: 'future', data: {} })).toBe('PA999/future');
    expect(findingMessage({ ruleId: 'PA001', messageKey: 'nope', data: {} })).toBe('PA001/nope');
    // A data value that looks like a placeholder is not expanded again.
    expect(findingMessage({ ruleId: 'PA001', messageKey: 'open', data: { vendorName: '{pattern}', pattern: 'p' } })).toBe('{pattern} open-tracking endpoint (p)');
  });

  it('report merges format-1 JSONL (why, messageId) exactly as the current format', async () => {
    const results = await sampleResults();
    const now = path.join(dir, 'now.jsonl');
    const old = path.join(dir, 'old.jsonl');
    writeFileSync(now, results.map((r) => `${JSON.stringify(r)}\n`).join(''));
    writeFileSync(old, results.map((r) => `${JSON.stringify(formatOne(r))}\n`).join(''));
    const a = await run(['report', now, '-f', 'json']);
    const b = await run(['report', old, '-f', 'json']);
    expect(a.exitCode).toBe(0);
    expect(b.stderr).toBe('');
    expect(b.stdout.replaceAll('old.jsonl', 'now.jsonl')).toBe(a.stdout);
    for (const r of results) expect(readResult(formatOne(r))).toEqual(r);
    // A current line is passed through untouched.
    expect(readResult(results[0])).toBe(results[0]);
  });

  it('the JSON report says its format', async () => {
    const json = JSON.parse((await run(['scan', SAMPLE, '-f', 'json'])).stdout);
    expect(json.format).toBe(2);
  });

  it('an IMAP cache file of the previous format is removed and its messages fetched again', () => {
    const cacheDir = path.join(dir, 'cache');
    const settings = '{"VERSION":"test"}';
    const result: MessageResult = { ...failedResult('imap://x/INBOX;UID=1', ''), error: null, messageIdHeader: '<1@example.com>' };
    const a = new ResultCache(cacheDir, 'h:143', 'u', settings, { warn: () => {} });
    a.put('INBOX', '7', 1, result);
    a.close();
    expect(new ResultCache(cacheDir, 'h:143', 'u', settings, { warn: () => {} }).get('INBOX', '7', 1)).toEqual(result);
    const file = path.join(a.folder, readdirSync(a.folder)[0]);
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    expect(JSON.parse(header).format).toBe(3);
    writeFileSync(file, [JSON.stringify({ ...JSON.parse(header), format: 2 }), ...rest].join('\n'));
    const b = new ResultCache(cacheDir, 'h:143', 'u', settings, { warn: () => {} });
    expect(b.get('INBOX', '7', 1)).toBeUndefined();
    b.close();
  });
});
