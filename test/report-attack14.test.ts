import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { capText, DISPLAY_CAP } from '../src/formatters/html/escape.js';
import { MessageSampler } from '../src/formatters/html/message-sample.js';
import { renderPage } from '../src/formatters/html/render-page.js';
import { textWidth } from '../src/formatters/html/text-width.js';
import { headerDate } from '../src/mail/header-date.js';
import { Aggregate } from '../src/report/aggregate.js';
import { resultShapeProblem } from '../src/report/result-shape.js';
import { SAMPLE, synthetic } from './html-report-fixtures.js';
import { detector, splitJsonl } from './helpers.js';

// What an outside attacker found in `report` and the HTML page (issue 14, second round).

const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-attack14-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sampleJsonl: string | undefined;
async function sampleLines(): Promise<string> {
  sampleJsonl ??= (await run(['scan', SAMPLE, '-f', 'jsonl'])).stdout;
  return sampleJsonl;
}

describe('report validates each JSONL line where it is read', () => {
  it('a line with a wrong type is one readable error naming file and line (exit 2), not an internal error', async () => {
    const lines = (await sampleLines()).trim().split('\n');
    const bad = JSON.parse(lines[1]);
    bad.from = {};
    lines[1] = JSON.stringify(bad);
    const file = path.join(dir, 'wrong-type.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    for (const format of ['table', 'html', 'json']) {
      const out = await run(['report', file, '-f', format]);
      expect(out.exitCode).toBe(2);
      expect(out.stderr).toMatch(/wrong-type\.jsonl:2: not a pixelaudit message result: "from" must be a string or null, not an object/);
      expect(out.stderr).not.toMatch(/toLowerCase|internal error|at senderOf/i);
      expect(out.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  it('names the field of a bad finding, and accepts every line scan writes', async () => {
    const { messages } = splitJsonl(await sampleLines());
    for (const m of messages) expect(resultShapeProblem(m)).toBeUndefined();
    const withFinding = messages.find((m) => m.findings.length) as unknown as Record<string, unknown> & { findings: Array<Record<string, unknown>> };
    expect(resultShapeProblem({ ...withFinding, findings: [{ ...withFinding.findings[0], url: 7 }] })).toBe('findings[0].url must be a string, not a number');
    expect(resultShapeProblem({ ...withFinding, subject: ['x'] })).toBe('"subject" must be a string or null, not an array');
    expect(resultShapeProblem({ ...withFinding, findings: [null] })).toBe('findings[0] must be an object, not null');
    expect(resultShapeProblem([])).toBe('not a JSON object');
  });
});

describe('results written with --no-redact say so in every report output', () => {
  it('the JSONL records it, and report -f html, table and json say so; a redacted scan says nothing', async () => {
    const open = path.join(dir, 'open.jsonl');
    const hidden = path.join(dir, 'hidden.jsonl');
    await run(['scan', SAMPLE, '-f', 'jsonl', '--no-redact', '-o', open]);
    await run(['scan', SAMPLE, '-f', 'jsonl', '-o', hidden]);
    const { skipped } = splitJsonl(readFileSync(open, 'utf8'));
    expect(skipped).toMatchObject({ redacted: false });
    expect(splitJsonl(readFileSync(hidden, 'utf8')).skipped).toMatchObject({ redacted: true });
    const html = (await run(['report', open, '-f', 'html'])).stdout;
    expect(html).toMatch(/<header>[\s\S]*class="unredacted"[\s\S]*Not redacted[\s\S]*<\/header>/);
    expect((await run(['report', open])).stdout).toMatch(/Not redacted: results written with --no-redact/);
    expect(JSON.parse((await run(['report', open, '-f', 'json'])).stdout).summary.unredacted).toBe(true);
    // One unredacted shard among redacted ones is enough.
    expect((await run(['report', hidden, open, '-f', 'html'])).stdout).toMatch(/class="unredacted"/);
    expect((await run(['report', hidden, '-f', 'html'])).stdout).not.toMatch(/class="unredacted"/);
    expect((await run(['report', hidden])).stdout).not.toMatch(/Not redacted/);
    // A file written before the flag (no closing line at all) is still read.
    const old = path.join(dir, 'old.jsonl');
    writeFileSync(
      old,
      splitJsonl(readFileSync(hidden, 'utf8'))
        .messages.map((m) => JSON.stringify(m))
        .join('\n') + '\n',
    );
    expect((await run(['report', old, '-f', 'json'])).exitCode).toBe(0);
  });

  it('scan --no-redact -f html says so in the page header', async () => {
    expect((await run(['scan', SAMPLE, '-f', 'html', '--no-redact'])).stdout).toMatch(/<header>[\s\S]*class="unredacted"/);
    expect((await run(['scan', SAMPLE, '-f', 'html'])).stdout).not.toMatch(/class="unredacted"/);
  });
});

describe('the page caps what one message can make it hold', () => {
  it('20 messages with 200 KB subjects and From make a page under 1 MB, each string cut with the count left out', () => {
    const aggregate = new Aggregate(detector().vendors);
    const sampler = new MessageSampler();
    for (let i = 0; i < 20; i++) {
      const r = { ...synthetic(i * 3), subject: `S${i}${'x'.repeat(200_000)}`, from: `${'N'.repeat(200_000)} <a${i}@big.example>` };
      aggregate.add(r);
      sampler.add(r);
    }
    const html = renderPage({ summary: aggregate.build(), sample: sampler.build(), inputs: ['big.mbox'], top: 20 });
    expect(html.length).toBeLessThan(1_000_000);
    expect(html).toContain(`S0${'x'.repeat(DISPLAY_CAP - 2)}… (199,502 more characters)`);
    expect(html).not.toContain('x'.repeat(DISPLAY_CAP + 1));
  });

  it('capText counts code points, never cuts a surrogate pair, and leaves short strings alone', () => {
    expect(capText('short')).toBe('short');
    expect(capText('😀'.repeat(600), 500)).toBe(`${'😀'.repeat(500)}… (100 more characters)`);
    expect(capText('😀'.repeat(400), 500)).toBe('😀'.repeat(400));
  });
});

describe('accessibility of the charts and tables', () => {
  const html = (): string => {
    const aggregate = new Aggregate(detector().vendors);
    for (let i = 0; i < 30; i++) aggregate.add({ ...synthetic(i * 3), from: `${'w'.repeat(44)}${i}@wide.example` });
    return renderPage({ summary: aggregate.build(), sample: new MessageSampler().build(), inputs: [], top: 20 });
  };

  it('every table beside a chart can be scrolled from the keyboard: focusable, a region with a name', () => {
    const wraps = [...html().matchAll(/<div id="[^"]+-table" class="tablewrap"([^>]*)>/g)];
    expect(wraps.length).toBeGreaterThan(3);
    for (const [, attrs] of wraps) expect(attrs).toMatch(/tabindex="0" role="region" aria-label="[^"]+: table"/);
  });

  it('a long label is cut to the room left of its bar with an ellipsis, whole in the row’s <title>', () => {
    const page = html();
    const row = /<g class="row" data-label="(w{44}0@wide\.example)" data-value="[^"]*"><title>([^<]*)<\/title><text class="lbl"[^>]*>([^<]*)<\/text>/.exec(page);
    expect(row).not.toBeNull();
    const [, , title, label] = row as RegExpExecArray;
    expect(title.startsWith(`${'w'.repeat(44)}0@wide.example: `)).toBe(true);
    expect(label.endsWith('…')).toBe(true);
    // The sender chart's labels have 200 - 12 units at 12 px: w is about 1 em, so at most 15 of them.
    expect(label.length).toBeLessThanOrEqual(16);
    expect(textWidth(label, 12)).toBeLessThanOrEqual(188);
  });
});

describe('the month chart is a time axis', () => {
  const NOW = new Date('2026-12-01T00:00:00Z');
  const page = (dates: Array<string | null>): string => {
    const aggregate = new Aggregate(detector().vendors);
    dates.forEach((date, i) => aggregate.add({ ...synthetic(i * 3), date }));
    return renderPage({ summary: aggregate.build(), sample: new MessageSampler().build(), inputs: [], top: 20, now: NOW });
  };
  const chart = (html: string): string => /<svg id="chart-months"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  const xOf = (svg: string, month: string): number => Number(new RegExp(`data-label="${month}"[^>]*><rect class="bar" x="([\\d.]+)"`).exec(svg)?.[1]);

  it('every month between the first and the last, empty ones as gaps with 0 in the table; MPP where 2021-09-20 is', () => {
    const html = page(['2021-02-10T00:00:00.000Z', '2024-01-10T00:00:00.000Z', '2024-01-11T00:00:00.000Z']);
    const svg = chart(html);
    expect([...svg.matchAll(/<g class="(row|gap)" data-label="(\d{4}-\d{2})"/g)].map((m) => m[2])).toHaveLength(36);
    expect([...svg.matchAll(/<g class="gap"/g)]).toHaveLength(34);
    const mpp = Number(/class="mpp" x1="([\d.]+)"/.exec(svg)?.[1]);
    const step = (xOf(svg, '2024-01') - xOf(svg, '2021-02')) / 35;
    // Seven months after 2021-02, two-thirds into September.
    expect(mpp).toBeGreaterThan(xOf(svg, '2021-02') + step * 7);
    expect(mpp).toBeLessThan(xOf(svg, '2021-02') + step * 8);
    const table = /<table id="months-data"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toMatch(/<td>2022-06<\/td><td class="num" data-sort="0">0<\/td>/);
  });

  it('a date before 1990, after now + 1 year, or not a plain year (+275760) is counted in a note, not stretched into the chart', () => {
    const html = page(['0001-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '2029-01-01T00:00:00.000Z', '2024-01-10T00:00:00.000Z', null]);
    const svg = chart(html);
    expect([...svg.matchAll(/data-label="(\d{4}-\d{2})"/g)].map((m) => m[1])).toEqual(['2024-01']);
    expect(html).toMatch(/data-out-of-range="3">3 messages have a date out of range/);
    expect(html).toMatch(/1 without a date/);
  });

  it('a Date header with a four-digit year keeps it as written (year 0001 is not 2001)', () => {
    expect(headerDate('Mon, 01 Jan 0001 00:00:00 +0000')).toBe('0001-01-01T00:00:00.000Z');
    expect(headerDate('Sat, 01 Jan 0050 12:00:00 +0000')).toBe('0050-01-01T12:00:00.000Z');
    expect(headerDate('Thu, 31 Dec 2020 23:00:00 -0500')).toBe('2021-01-01T04:00:00.000Z');
    expect(headerDate('Tue, 20 Sep 2021 10:00:00 +0200')).toBe('2021-09-20T08:00:00.000Z');
    // The obsolete two-digit year keeps its RFC 5322 reading.
    expect(headerDate('01 Jan 99 00:00 GMT')).toBe('1999-01-01T00:00:00.000Z');
    expect(headerDate('not a date')).toBeNull();
  });
});
