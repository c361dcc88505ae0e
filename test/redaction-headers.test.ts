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
