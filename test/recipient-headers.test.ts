// The reader's address behind each delivery header and Received's `for` clause: masked in every
// output and counted as a leak (outside review 5, finding 3: seven of these were not read).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { headerFields } from '../src/mail/header-fields.js';
import { splitHeaderLines } from '../src/mail/header-lines.js';

const READER = 'reader.kiss@example.org';
const PIXEL = `<img src="https://t.example/o.gif?e=${READER}&amp;t=Qk7xZp93LmRt2VbN" width=1 height=1>`;

function message(header: string): string {
  return ['From: News <news@shop.example>', 'To: list@lists.example', header, 'Subject: hello', 'Message-ID: <m1@shop.example>', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', `<p>hi</p>${PIXEL}`, ''].join('\r\n');
}

function recipientsOf(header: string): string[] {
  const lines = splitHeaderLines(message(header).split('\r\n\r\n')[0]);
  if (!lines) throw new Error('not a header block');
  return headerFields(lines).recipients;
}

const HEADERS = [
  'X-Apparently-To: reader.kiss@example.org; Mon, 1 Jan 2024 00:00:00 +0000',
  'Apparently-To: <reader.kiss@example.org>',
  'X-Envelope-To: reader.kiss@example.org',
  'X-Delivered-To: reader.kiss@example.org',
  'X-Original-Delivered-To: reader.kiss@example.org',
  'X-Rcpt-To: <reader.kiss@example.org>',
  'X-Envelope-Recipient: reader.kiss@example.org',
  'X-Resolved-To: reader.kiss@example.org',
  'X-Gm-Original-To: reader.kiss@example.org',
  'X-Original-Recipient: rfc822;reader.kiss@example.org',
  'Original-Recipient: rfc822;reader.kiss@example.org',
  'Received: from mx.shop.example (mx.shop.example [192.0.2.1])\r\n\tby mx.example.org with ESMTPS id 4Abc\r\n\tfor <reader.kiss@example.org>; Mon, 1 Jan 2024 00:00:00 +0000',
  'Received: by mx.example.org id 4Abc for reader.kiss@example.org; Mon, 1 Jan 2024 00:00:00 +0000',
  // The sixth outside review: a clause of several, no blank after for, in parentheses, an
  // encoded word, Gmail's X-Forwarded-For and three rarer delivery headers.
  'Received: by mx.example.org id 4Abc for other@example.net, reader.kiss@example.org; Mon, 1 Jan 2024 00:00:00 +0000',
  'Received: by mx.example.org id 4Abc for<reader.kiss@example.org>; Mon, 1 Jan 2024 00:00:00 +0000',
  'Received: by mx.example.org (for <reader.kiss@example.org>) id 4Abc; Mon, 1 Jan 2024 00:00:00 +0000',
  'X-Envelope-To: =?utf-8?q?reader=2Ekiss=40example=2Eorg?=',
  'X-Forwarded-For: reader.kiss@example.org other@example.net',
  'X-Original-Rcpt-To: reader.kiss@example.org',
  'X-Receiver: reader.kiss@example.org',
  'X-Sieve-Redirected-From: reader.kiss@example.org',
  // Non-ASCII before the clause: `İ` lower-cases to two units, which shifted toLowerCase positions.
  'Received: from İİİİ.example by mx.example.org for <reader.kiss@example.org>; Mon, 1 Jan 2024 00:00:00 +0000',
];

describe('recipient headers beyond To and Delivered-To', () => {
  it.each(HEADERS)('%s: the address is a recipient', (header) => {
    expect(recipientsOf(header)).toContain(READER);
  });

  it("Received's other clauses name no recipient: only the for clause counts", () => {
    const header = 'Received: from a.example (envelope-from <bounce@shop.example>) by b.example id <q1@b.example> transfor x@y.example; Mon, 1 Jan 2024 00:00:00 +0000';
    expect(recipientsOf(header)).toEqual(['list@lists.example']);
  });

  it('through the CLI: masked in every format, and PA003 fires, for each header', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-rcpt-'));
    HEADERS.forEach((h, i) => writeFileSync(path.join(dir, `m${i}.eml`), message(h)));
    for (const format of ['json', 'jsonl', 'csv', 'sarif', 'github', 'junit', 'html', 'table']) {
      const r = await run(['scan', dir, '-f', format, '--jobs', '1', '-q']);
      expect(r.exitCode, format).toBe(0);
      expect(r.stdout.toLowerCase(), format).not.toContain('reader.kiss');
    }
    const r = await run(['scan', dir, '-f', 'jsonl', '--jobs', '1', '-q']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { findings: Array<{ ruleId: string }> });
    expect(lines).toHaveLength(HEADERS.length);
    for (const m of lines) expect(m.findings.map((f) => f.ruleId)).toContain('PA003');
  });
});
