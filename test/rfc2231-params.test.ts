import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { readMimeFast } from '../src/mail/fast-mime.js';
import { headerParam } from '../src/mail/mime-headers.js';

const PIXEL = '<img src="https://t.shop.example/o.gif?id=Z9fCAJ81jBg9b4GbfF5kF14f6GbhGC07" width=1 height=1>';

function message(contentType: string): Buffer {
  return Buffer.from(['From: a@shop.example', 'To: reader@example.org', 'Subject: ctparams', 'MIME-Version: 1.0', `Content-Type: ${contentType}`, '', '--bound', 'Content-Type: text/html', '', PIXEL, '--bound--', ''].join('\r\n'));
}

// RFC 2231: continuations and the charset'lang' form. Dovecot's BODYSTRUCTURE, Thunderbird and
// Apple Mail join them; so does mailparser (libmime): the scan and the structure check must too.
const FORMS = [
  'multipart/alternative;\r\n boundary*0="bo";\r\n boundary*1="und"',
  'multipart/alternative; boundary*0=bo; boundary*1=und',
  "multipart/alternative; boundary*=us-ascii'en'bound",
  "multipart/alternative; boundary*0*=us-ascii''bo; boundary*1=und",
];

describe("RFC 2231 parameters (the attacker's hm/g_ct_params.eml)", () => {
  it.each(FORMS)('%s: the boundary is "bound"', async (contentType) => {
    expect(headerParam(contentType.replace(/\r\n/g, ''), 'boundary')).toBe('bound');
    const bytes = message(contentType);
    const fast = readMimeFast(bytes);
    const slow = await simpleParser(bytes);
    expect(fast?.html).toBe(slow.html);
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-2231-'));
    const file = path.join(dir, 'm.eml');
    writeFileSync(file, bytes);
    const r = await run(['scan', file, '-f', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.summary.failed).toBe(0);
    expect(report.messages[0].tracked).toBe(true);
  });
});
