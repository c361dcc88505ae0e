// One finding per distinct link URL and rule, and a cap on the findings one message lists: a
// message of 100,000 copies of one link gave 100,000 findings, and 26 such messages made the
// JSON report longer than a string can be (RangeError, exit 2, no report).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { analyseMessage, MAX_FINDINGS } from '../src/engine/analyse-message.js';
import type { MessageResult } from '../src/types.js';
import { detector, htmlMessage } from './helpers.js';

const LINK = '<a href="http://x.example/ls/click?upn=abcdef1234567890abc">x</a>';

describe('findings per distinct link', () => {
  it('100,000 identical links: one link finding, with the count and the first position', async () => {
    const r = await analyseMessage('links.eml', htmlMessage(`<p>hi</p>\n${LINK.repeat(100_000)}`), detector());
    expect(r.error).toBeNull();
    const links = r.findings.filter((f) => f.kind === 'link');
    expect(links).toHaveLength(1);
    expect(links[0].data.links).toBe(100_000);
    expect(links[0].position).toEqual({ line: 2, column: 1 });
    expect(r.linkTracked).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('the same with redaction on: the count survives, the token is cut', async () => {
    const r = await analyseMessage('links.eml', htmlMessage(LINK.repeat(1_000)), detector(true));
    const links = r.findings.filter((f) => f.kind === 'link');
    expect(links).toHaveLength(1);
    expect(links[0].data.links).toBe(1_000);
    expect(links[0].url).toBe('http://x.example/ls/click?upn=abcd…');
  });

  it('distinct links each get their own finding, counted once', async () => {
    const other = '<a href="http://x.example/ls/click?upn=fedcba0987654321cba">y</a>';
    const r = await analyseMessage('links.eml', htmlMessage(LINK + other + LINK + LINK), detector());
    const links = r.findings.filter((f) => f.kind === 'link');
    expect(links.map((f) => f.data.links)).toEqual([3, 1]);
  });
});

describe('a message lists at most MAX_FINDINGS findings', () => {
  it('5,000 pixels: 2,000 listed, a warning with the rest, the verdicts from all', async () => {
    const pixels = Array.from({ length: 5_000 }, (_, i) => `<img src="https://t.example/open?id=abcdef${String(i).padStart(10, '0')}" width="1" height="1">`).join('');
    const leak = '<a href="https://t.example/c?e=reader%40example.org">x</a>';
    const r = await analyseMessage('many.eml', htmlMessage(pixels + leak, { 'Disposition-Notification-To': 'news@example.com' }), detector());
    expect(r.error).toBeNull();
    expect(MAX_FINDINGS).toBe(2_000);
    expect(r.findings.filter((f) => f.kind !== 'header')).toHaveLength(MAX_FINDINGS);
    expect(r.findings.some((f) => f.kind === 'header')).toBe(true);
    expect(r.resources).toBe(5_000);
    expect(r.warnings.some((w) => /^\d+ more findings judged but not listed/.test(w))).toBe(true);
    // The address leak is in a link after the 5,000 pixels: not listed, still counted.
    expect(r).toMatchObject<Partial<MessageResult>>({ tracked: true, addressLeak: true, readReceipt: true });
  });
});

describe('redaction spends the message budget too', () => {
  it('a message whose analysis and redaction run over --message-timeout fails "took too long" (--jobs 1)', async () => {
    // One image whose URL holds 80,000 identifiers (2 MB): parsed well within 0.2 s, but no loop of
    // the analysis ticks 256 times, so only the check after redaction sees the budget spent
    // (before, this message took 44 s and was "scanned").
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-findings-'));
    const file = path.join(dir, 'q.eml');
    const url = `http://x.example/a?${Array.from({ length: 80_000 }, (_, i) => `id=abcdef${String(i).padStart(10, '0')}abcd&`).join('')}`;
    writeFileSync(file, htmlMessage(`<img width=1 height=1 src="${url}">`));
    const r = await run(['scan', file, '-f', 'json', '--jobs', '1', '--message-timeout', '0.2', '-q']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout) as { messages: MessageResult[] };
    expect(report.messages[0].error).toBe('took too long (over 0.2 s)');
  });
});
