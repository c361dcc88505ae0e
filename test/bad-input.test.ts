import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { FIXTURES, htmlMessage } from './helpers.js';

const GOOD = path.join(FIXTURES, 'sample-mailbox', 'shipping-sfmc.eml');

interface JsonReport {
  summary: { found: number; scanned: number; failed: number };
  messages: Array<{ source: string; error: string | null; tracked: boolean }>;
}

/** Scans the bad input next to a good message and checks the contract: one stderr line, a failed entry, the scan goes on, totals add up. */
async function scanBad(bad: string, expectedError: RegExp, extraArgs: string[] = []) {
  const result = await run(['scan', bad, GOOD, '--format', 'json', ...extraArgs]);
  const report = JSON.parse(result.stdout) as JsonReport;
  const failed = report.messages.filter((m) => m.error !== null);
  expect(failed).toHaveLength(1);
  expect(failed[0].error).toMatch(expectedError);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(failed[0].source);
  expect(lines[0]).toMatch(expectedError);
  expect(report.messages.find((m) => m.source === GOOD)).toMatchObject({ error: null, tracked: true });
  expect(report.summary.scanned + report.summary.failed).toBe(report.summary.found);
  expect(report.summary.found).toBe(2);
  return result;
}

function tmpFile(name: string, content: Buffer | string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pixelaudit-bad-')), name);
  writeFileSync(file, content);
  return file;
}

describe('bad input: one clear line, a failed entry, the scan goes on', () => {
  it('a missing path (exit 2)', async () => {
    const r = await scanBad('/no/such/mailbox.mbox', /no such file or folder/);
    expect(r.exitCode).toBe(2);
  });

  it('a folder without mail (exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-empty-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'shopping list\n');
    const r = await scanBad(dir, /no mail found in this folder/);
    expect(r.exitCode).toBe(2);
  });

  it('a binary file', async () => {
    await scanBad(tmpFile('photo.eml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), /binary file/);
  });

  it('a truncated message (cut in the middle of a multipart)', async () => {
    const whole = readFileSync(path.join(FIXTURES, 'sample-mailbox', 'forwarded-newsletter.eml'));
    let cut = Math.floor(whole.length * 0.6);
    while (whole[cut - 1] === 0x0a || whole[cut - 1] === 0x0d) cut--; // a download cut mid-line
    await scanBad(tmpFile('cut.eml', whole.subarray(0, cut)), /truncated message/);
  });

  it('a malformed message (no header block)', async () => {
    await scanBad(tmpFile('noheaders.eml', '<html>no headers here</html>\n'), /not a mail message/);
  });

  it('a malformed message inside an mbox (no header block after the separator)', async () => {
    const mbox = `From x@y Mon Jun  3 12:50:27 2024\n<html>not a header</html>\n\n`;
    await scanBad(tmpFile('broken.mbox', mbox), /malformed message: no header block/);
  });

  it('broken base64 in the HTML part', async () => {
    const msg = htmlMessage('PGh0bWw+PGJvZHk+aGVsbG8gd29ybGQ8L2J##*!!not base64 at all', { 'Content-Transfer-Encoding': 'base64' });
    await scanBad(tmpFile('b64.eml', msg), /broken base64/);
  });

  it('an unknown charset', async () => {
    const msg = htmlMessage('<p>hello</p>', { 'Content-Type': 'text/html; charset="x-klingon-42"' });
    await scanBad(tmpFile('charset.eml', msg), /unknown charset "x-klingon-42"/);
  });

  it('a message over the size limit (--max-message-size), counted and skipped', async () => {
    const big = htmlMessage(`<p>${'a'.repeat(3 * 1024 * 1024)}</p>`);
    await scanBad(tmpFile('big.eml', big), /message is 3\.0 MB, over the 2\.0 MB limit/, ['--max-message-size', '2']);
  });
});

describe('pathological input that must still scan', () => {
  it('100,000 nested elements', async () => {
    const html = `${'<div>'.repeat(100_000)}<img src="https://t.example.net/p.gif?u=8a7b6c5d4e3f2a1b" width="1" height="1">${'</div>'.repeat(100_000)}`;
    const r = await run(['scan', tmpFile('deep.eml', htmlMessage(html)), '--format', 'jsonl']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: null, tracked: true });
  });

  it('a 10 MB attribute', async () => {
    const html = `<div title="${'x'.repeat(10 * 1024 * 1024)}"><img src="https://cdn.example.com/logo.png" width="100"></div>`;
    const r = await run(['scan', tmpFile('attr.eml', htmlMessage(html)), '--format', 'jsonl']);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: null, tracked: false, resources: 1 });
  });

  it('a 50 MB message with a large attachment scans under the default limit raised to 64 MB', async () => {
    const attachment = Buffer.alloc(37 * 1024 * 1024, 7)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const msg = Buffer.from(
      'From: a@example.com\r\nTo: b@example.org\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n' +
        '--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>see attached</p><img src="https://u1.ct.sendgrid.net/wf/open?upn=u001.abcdefgh12345" width="1" height="1">\r\n' +
        `--b1\r\nContent-Type: application/octet-stream; name="data.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--b1--\r\n`,
    );
    expect(msg.length).toBeGreaterThan(50 * 1000 * 1000);
    const r = await run(['scan', tmpFile('fifty.eml', msg), '--format', 'jsonl', '--max-message-size', '64']);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: null, tracked: true });
  });
});
