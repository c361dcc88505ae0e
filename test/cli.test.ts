import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { RULES } from '../src/rules/index.js';
import { FIXTURES, htmlMessage } from './helpers.js';

const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
const CLEAN = path.join(SAMPLE, 'inbox', 'cur');
const LIVEINTENT = `${path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox')}#5`;

describe('pixelaudit CLI, in-process', () => {
  it('prints help with the exit codes, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/scan.*explain.*rules/s);
  });

  it('exits 2 on usage errors with one readable line', async () => {
    const r = await run(['scan', CLEAN, '--format', 'xml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--format.*xml/);
    expect((await run(['scan'])).exitCode).toBe(2);
    expect((await run(['frobnicate'])).exitCode).toBe(2);
    const bad = await run(['scan', CLEAN, '--max-message-size', 'lots']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('pixelaudit: --max-message-size takes a positive number, not "lots"\n');
  });

  it('scans the sample mailbox: table report with counts, share, interval and the published figures', async () => {
    const r = await run(['scan', SAMPLE]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Tracked: 13 of 22 scanned messages (59.1%, 95% CI 38.7%–76.7%)');
    expect(r.stdout).toContain('HEY for the BBC, 2021');
    expect(r.stdout).toContain('Englehardt et al., PETS 2018');
    expect(r.stdout).toMatch(/SendGrid\s+│ esp\s+│ 2/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour when not a TTY
  });

  it('colours only on a TTY, and never with NO_COLOR or --no-color', async () => {
    expect((await run(['scan', CLEAN], { stdoutIsTTY: true, env: {} })).stdout).toMatch(/\u001b\[/);
    expect((await run(['scan', CLEAN], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['scan', CLEAN, '--no-color'], { stdoutIsTTY: true, env: {} })).stdout).not.toMatch(/\u001b\[/);
  });

  it('--format json: summary plus every message, totals adding up', async () => {
    const r = await run(['scan', SAMPLE, '-f', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ found: 22, scanned: 22, failed: 0, tracked: 13 });
    expect(report.messages).toHaveLength(22);
    const mailchimp = report.messages.find((m: { subject: string }) => m.subject === 'May at the garden: seed swap and work day');
    expect(mailchimp).toMatchObject({ tracked: true, error: null, from: expect.stringContaining('news@riversidegarden.example') });
    expect(mailchimp.findings[0]).toMatchObject({ ruleId: 'PA001', rule: 'known-tracker', vendor: 'mailchimp', vendorCategory: 'esp', category: 'open-tracking', kind: 'img' });
    expect(mailchimp.findings[0].position.line).toBeGreaterThan(1);
  });

  it('--format jsonl: one object per message, sources as path#N inside an mbox', async () => {
    const r = await run(['scan', SAMPLE, '-f', 'jsonl']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // 22 messages, then the closing line of the files passed over (the sample's empty maildir tmp/).
    expect(lines).toHaveLength(23);
    expect(lines[22]).toMatchObject({ pixelaudit: 'skipped-files', skippedFiles: 1, skippedReasons: [{ files: 1 }] });
    expect(lines.filter((l) => /\.mbox#[1-8]$/.test(l.source))).toHaveLength(8);
  });

  it('--format csv: a header and one quoted row per message', async () => {
    const r = await run(['scan', SAMPLE, '-f', 'csv']);
    const rows = r.stdout.trim().split('\r\n');
    expect(rows[0]).toBe('source,messageIdHeader,from,date,subject,tracked,linkTracked,addressLeak,readReceipt,platform,resources,findings,vendors,rules,error');
    expect(rows).toHaveLength(23);
    expect(rows.some((row) => row.includes('"Re: [example/toolkit] Flaky test on Windows (Issue #412)"') || row.includes('Re: [example/toolkit]'))).toBe(true);
  });

  it('--fail-on tracked exits 1 when tracking is found and 0 when not', async () => {
    expect((await run(['scan', SAMPLE, '--fail-on', 'tracked'])).exitCode).toBe(1);
    const clean = await run(['scan', path.join(SAMPLE, 'inbox', 'cur', '1718000000.M0P4242.laptop:2,S'), '--fail-on', 'tracked']);
    expect(clean.exitCode).toBe(0);
  });

  it('-o writes the report to a file and refuses to write over an input', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pixelaudit-out-')), 'report.json');
    const r = await run(['scan', SAMPLE, '-f', 'json', '-o', out]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.found).toBe(22);
    const input = path.join(mkdtempSync(path.join(tmpdir(), 'pixelaudit-in-')), 'mail.eml');
    writeFileSync(input, readFileSync(path.join(SAMPLE, 'shipping-sfmc.eml')));
    const refused = await run(['scan', input, '-o', input]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/also an input/);
    expect(readFileSync(input).equals(readFileSync(path.join(SAMPLE, 'shipping-sfmc.eml')))).toBe(true);
  });

  it('masks recipient addresses and per-recipient tokens by default; --no-redact shows them', async () => {
    const md5 = createHash('md5').update('sam.rivera@example.org').digest('hex');
    const masked = await run(['scan', LIVEINTENT.replace(/#5$/, ''), '-f', 'json']);
    expect(masked.stdout).not.toContain(md5);
    expect(masked.stdout).toContain('[address]');
    const shown = await run(['scan', LIVEINTENT.replace(/#5$/, ''), '-f', 'json', '--no-redact']);
    expect(shown.stdout).toContain(md5);
  });

  it('finds --me addresses that are not in the headers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-me-'));
    const file = path.join(dir, 'alias.eml');
    writeFileSync(file, htmlMessage('<img src="https://img.example.net/banner.png?r=alias%40example.net" width="300">'));
    const without = JSON.parse((await run(['scan', file, '-f', 'jsonl'])).stdout);
    const withMe = JSON.parse((await run(['scan', file, '-f', 'jsonl', '--me', 'Alias@Example.net'])).stdout);
    expect(without.tracked).toBe(false);
    expect(withMe.tracked).toBe(true);
    expect(withMe.findings[0]).toMatchObject({ ruleId: 'PA003', data: { encoding: 'url-encoded' } });
  });

  it('explain shows every resource and every rule for one message of an mbox', async () => {
    const r = await run(['explain', LIVEINTENT, '--no-redact']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('verdict:  TRACKED');
    expect(r.stdout).toMatch(/\+PA001 known-tracker/);
    expect(r.stdout).toMatch(/-PA002 hidden-image-with-id/);
    expect(r.stdout).toContain('address: md5');
    const json = JSON.parse((await run(['explain', LIVEINTENT, '-f', 'json'])).stdout);
    expect(json.resources[0].rules.map((x: { id: string }) => x.id)).toEqual(['PA001', 'PA003', 'PA002', 'PA004', 'PA009', 'PA010', 'PA005']);
    expect(json.links[0].findings[0].ruleId).toBe('PA006');
    const missing = await run(['explain', `${LIVEINTENT.replace(/#5$/, '')}#99`]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/holds 8 messages; there is no message #99/);
  });

  it('rules lists the rules and the vendor counts', async () => {
    const r = await run(['rules']);
    expect(r.stdout).toMatch(/PA001\s+known-tracker/);
    expect(r.stdout).toMatch(/Tracker data: \d{3} vendors, \d{3} patterns/);
    const json = JSON.parse((await run(['rules', '-f', 'json'])).stdout);
    // Every rule, scan's PA001-PA010 and check's PA011-PA016, listed by id.
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id).sort());
    expect(json.rules.map((r: { id: string }) => r.id)).toContain('PA016');
    expect(json.vendors.length).toBeGreaterThan(150);
  });

  it('--disable leaves out a vendor; an unknown id is a usage error', async () => {
    const file = path.join(SAMPLE, 'shipping-sfmc.eml');
    const r = JSON.parse((await run(['scan', file, '-f', 'jsonl', '--disable', 'salesforce-marketing-cloud'])).stdout);
    expect(r.findings.every((f: { vendor?: string }) => f.vendor !== 'salesforce-marketing-cloud')).toBe(true);
    const bad = await run(['scan', file, '--disable', 'no-such-vendor']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('pixelaudit: --disable no-such-vendor: no vendor or pattern has that id\n');
  });

  it('--rules adds user tracker data, validated', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-rules-'));
    const file = path.join(dir, 'mine.json');
    writeFileSync(
      file,
      JSON.stringify({
        vendors: [
          {
            id: 'house-tracker',
            name: 'House tracker',
            category: 'analytics',
            patterns: [
              {
                id: 'house-open',
                kind: 'open',
                domains: ['citylibrary.example'],
                path: '^/email/logo\\.gif$',
                provenance: [{ type: 'observed-mail', ref: 'our own mail', read: '2026-12-01' }],
                examples: { match: ['https://citylibrary.example/email/logo.gif'], noMatch: ['https://citylibrary.example/'] },
              },
            ],
          },
        ],
      }),
    );
    const r = await run(['scan', path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox'), '-f', 'jsonl', '--rules', file]);
    const library = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((m) => m.subject === 'Your hold is ready for pickup');
    expect(library.findings.some((f: { vendor?: string }) => f.vendor === 'house-tracker')).toBe(true);
    writeFileSync(file, JSON.stringify({ vendors: [{ id: 'Bad Id' }] }));
    const bad = await run(['scan', SAMPLE, '--rules', file]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/mine\.json: vendors\[0\] \(Bad Id\)\.id: must be lower-case letters/);
    expect(existsSync(file)).toBe(true);
  });
});

describe('progress', () => {
  it('shows messages, rates and an ETA on stderr when it is a terminal, and nothing otherwise', async () => {
    const big = path.join(FIXTURES, 'sample-mailbox');
    const quiet = await run(['scan', big, '-f', 'jsonl'], { stderrIsTTY: false });
    expect(quiet.stderr).toBe('');
    const { scanProgress } = await import('../src/cli/progress.js');
    let text = '';
    const p = scanProgress({ stdout: { write: () => undefined }, stderr: { write: (s: string) => void (text += s) }, env: {}, stdoutIsTTY: false, stderrIsTTY: true }, 2_000_000);
    p.update(10, 1_000_000);
    p.done();
    expect(text).toMatch(/^\r10 messages, \d+ msg\/s, [\d.]+ MB\/s, ETA \d+:\d\d/);
  });
});
