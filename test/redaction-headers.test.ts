import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { ADDRESS_MASK } from '../src/engine/mask-addresses.js';

// The attacker's second round (outside review): header forms of the reader's address.
const READER = 'reader.kiss@example.org';
const FORMATS = ['table', 'json', 'jsonl', 'csv', 'html', 'sarif', 'github', 'junit'];

const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-redact-headers-'));
function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('a read-receipt header written as encoded words', () => {
  const file = write(
    'rr.eml',
    [
      'From: n <n@shop.example>',
      `To: ${READER}`,
      'Subject: rr',
      'Return-Receipt-To: =?utf-8?Q?reader=2Ekiss=40example=2Eorg?=',
      'Disposition-Notification-To: =?iso-8859-1?Q?Reader_<reader=2Ekiss=40example=2Eorg>?=',
      `X-Confirm-Reading-To: =?utf-8?B?${Buffer.from(`Reader <${READER}>`).toString('base64')}?=`,
      'MIME-Version: 1.0',
      'Content-Type: text/html',
      '',
      'x',
      '',
    ].join('\r\n'),
  );

  it.each(FORMATS)('scan -f %s: the finding shows the decoded value, masked', async (format) => {
    const out = (await run(['scan', file, '-f', format])).stdout;
    // The table and CSV list no finding URLs.
    if (!['table', 'csv'].includes(format)) expect(out).toContain(ADDRESS_MASK);
    expect(out).not.toMatch(/reader=2Ekiss|reader\.kiss|=\?utf-8\?B\?UmVh/i);
  });

  it('--no-redact shows the decoded addresses', async () => {
    const finding = JSON.parse((await run(['scan', file, '-f', 'json', '--no-redact'])).stdout).messages[0].findings.find((f: { ruleId: string }) => f.ruleId === 'PA008');
    expect(finding.url).toBe(`${READER}, Reader <${READER}>, Reader <${READER}>`);
  });
});

describe('every header that names the reader, and the address as written', () => {
  const hash = (alg: string, text: string): string => createHash(alg).update(text).digest('hex');
  const headers: Array<[string, string]> = [
    ['Bcc', 'bcc.reader@example.org'],
    ['Resent-To', 'resent.to@example.org'],
    ['Resent-Cc', 'resent.cc@example.org'],
    ['Resent-Bcc', 'resent.bcc@example.org'],
    ['Envelope-To', 'envelope.to@example.org'],
    ['X-Forwarded-To', 'forwarded.to@example.org'],
    ['X-Original-To', 'original.to@example.org'],
    ['Delivered-To', 'delivered.to@example.org'],
  ];

  it.each(headers)('%s: %s is found in a URL and masked', async (name, address) => {
    const file = write(
      `${name}.eml`,
      `From: n <n@shop.example>\r\nTo: list@lists.example\r\n${name}: ${address}\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<img src="https://t.example/o.gif?e=${address}&h=${hash('md5', address)}" width=1 height=1>\r\n`,
    );
    const message = JSON.parse((await run(['scan', file, '-f', 'json'])).stdout).messages[0];
    expect(message.addressLeak).toBe(true);
    expect(message.findings[0].url).toBe(`https://t.example/o.gif?e=${ADDRESS_MASK}&h=${ADDRESS_MASK}`);
  });

  it('the hashes of To as written (mixed case) and a quoted local part are the address too', async () => {
    const written = 'Reader.Kiss@Example.org';
    const forms = ['md5', 'sha1', 'sha256'].map((h) => hash(h, written));
    forms.push(Buffer.from(written).toString('base64').replace(/=+$/, ''), '%22reader.kiss%22%40example.org', '&quot;Reader.Kiss&quot;@example.org');
    const img = forms.map((f, i) => `<img src="https://t.example/o${i}.gif?x=${f}" width=1 height=1>`).join('');
    const file = write('case.eml', `From: n <n@shop.example>\r\nTo: ${written}\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n${img}\r\n`);
    const message = JSON.parse((await run(['scan', file, '-f', 'json'])).stdout).messages[0];
    const urls = message.findings.map((f: { url: string }) => f.url);
    forms.forEach((_, i) => expect(urls).toContain(`https://t.example/o${i}.gif?x=${ADDRESS_MASK}`));
    expect(message.findings.every((f: { ruleId: string; data?: { encoding?: string } }) => f.ruleId !== 'PA003' || !f.data?.encoding?.includes(', '))).toBe(true);
  });
});
