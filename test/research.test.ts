import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { scan } from '../src/engine/scan.js';
import { parseShard, type Shard } from '../src/input/shard.js';
import { Aggregate } from '../src/report/aggregate.js';
import { clusterBootstrap, resampledInterval } from '../src/stats/bootstrap.js';
import { StudyBuilder } from '../src/stats/study.js';
import type { Finding, MessageResult } from '../src/types.js';
import { FIXTURES, detector } from './helpers.js';

const SAMPLE = path.join(FIXTURES, 'sample-mailbox');

async function results(shard?: Shard, jobs = 1): Promise<MessageResult[]> {
  const out: MessageResult[] = [];
  await scan([SAMPLE], { detector: detector(), maxMessageBytes: 1 << 25, shard, jobs, onResult: (r) => void out.push(r) });
  return out;
}

describe('shards', () => {
  it('parses K/N and refuses nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 1, count: 4 });
    expect(() => parseShard('0/4')).toThrow(/1 <= K <= N/);
    expect(() => parseShard('5/4')).toThrow();
    expect(() => parseShard('x')).toThrow();
  });

  it('4 shards cover every message exactly once, large mbox files split by message offset', async () => {
    const single = await results();
    const parts: MessageResult[] = [];
    for (let k = 0; k < 4; k++) parts.push(...(await results({ index: k, count: 4, largeFile: 4096, block: 2048 })));
    expect(parts.map((r) => r.source).sort()).toEqual(single.map((r) => r.source).sort());
    // The mbox really was dealt out across shards, not sent whole to one.
    const mboxShards = new Set<number>();
    for (let k = 0; k < 4; k++) for (const r of await results({ index: k, count: 4, largeFile: 4096, block: 2048 })) if (r.source.includes('.mbox#')) mboxShards.add(k);
    expect(mboxShards.size).toBeGreaterThan(1);
  });

  it('4 shards merged by `report` equal a single run, figure for figure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-shards-'));
    const single = await run(['scan', SAMPLE, '-f', 'jsonl', '-o', path.join(dir, 'all.jsonl')]);
    expect(single.exitCode).toBe(0);
    for (let k = 1; k <= 4; k++) expect((await run(['scan', SAMPLE, '--shard', `${k}/4`, '-f', 'jsonl', '-o', path.join(dir, `results-${k}.jsonl`)])).exitCode).toBe(0);
    const lines = (f: string) =>
      readFileSync(path.join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .filter((l) => l && !l.includes('"pixelaudit":"skipped-files"')).length;
    expect([1, 2, 3, 4].map((k) => lines(`results-${k}.jsonl`)).reduce((a, b) => a + b)).toBe(22);
    const merged = JSON.parse((await run(['report', ...[1, 2, 3, 4].map((k) => path.join(dir, `results-${k}.jsonl`)), '-f', 'json'])).stdout);
    const whole = JSON.parse((await run(['report', path.join(dir, 'all.jsonl'), '-f', 'json'])).stdout);
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.summary.found).toBe(22);
    // The skipped maildir tmp/ is listed by the one shard that owns it, and the merge keeps it.
    expect(merged.summary.skippedFiles).toBe(1);
    expect(merged.summary.study.prevalence.find((c: { definition: string; denominator: string }) => c.definition === 'D3' && c.denominator === 'all')).toMatchObject({ k: 13, n: 22 });
  });

  it('report refuses a file that is not pixelaudit JSONL, and counts a duplicated result once (exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-report-'));
    writeFileSync(path.join(dir, 'bad.jsonl'), 'not json\n');
    const bad = await run(['report', path.join(dir, 'bad.jsonl')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl:1: not a JSON line/);
    await run(['scan', SAMPLE, '-f', 'jsonl', '-o', path.join(dir, 'a.jsonl')]);
    const twice = await run(['report', path.join(dir, 'a.jsonl'), path.join(dir, 'a.jsonl'), '-f', 'json']);
    expect(twice.exitCode).toBe(2);
    expect(JSON.parse(twice.stdout).summary).toMatchObject({ found: 22, skippedFiles: 1 });
    expect(twice.stderr).toMatch(/22 results appeared in more than one file/);
  });
});

describe('worker threads', () => {
  it('give the same results in the same order as one thread', async () => {
    const one = await results(undefined, 1);
    const two = await results(undefined, 2);
    expect(two).toEqual(one);
  });
});

function result(over: Omit<Partial<MessageResult>, 'findings'> & { findings?: Partial<Finding>[] }): MessageResult {
  return {
    source: `m${Math.random()}`,
    messageIdHeader: null,
    from: 'a@one.example',
    date: '2021-08-01T00:00:00.000Z',
    subject: 's',
    tracked: false,
    linkTracked: false,
    addressLeak: false,
    readReceipt: false,
    platform: null,
    senderDomain: 'one.example',
    bulk: false,
    spam: false,
    transactional: false,
    thirdParty: false,
    resources: 1,
    html: true,
    warnings: [],
    error: null,
    ...over,
    findings: (over.findings ?? []) as Finding[],
  };
}

describe('study statistics against hand-computed values', () => {
  const vendorInfo = (id: string) => ({ sendgrid: { name: 'SendGrid', organisation: 'Twilio', category: 'esp' }, segment: { name: 'Segment', organisation: 'Twilio', category: 'analytics' } })[id];
  const b = new StudyBuilder(vendorInfo);
  const sg = { tracking: true, vendor: 'sendgrid', ruleId: 'PA001', party: 'third-party' as const };
  // Sender a: 3 bulk messages, all tracked by SendGrid (one in Sept 2021, after MPP).
  b.add(result({ from: 'a@one.example', bulk: true, tracked: true, thirdParty: true, findings: [sg] }));
  b.add(result({ from: 'a@one.example', bulk: true, tracked: true, thirdParty: true, findings: [sg, { tracking: true, vendor: 'segment', ruleId: 'PA001', party: 'third-party' }] }));
  b.add(result({ from: 'a@one.example', bulk: true, tracked: true, date: '2021-09-25T00:00:00.000Z', findings: [sg, { category: 'address-leak', tracking: true, ruleId: 'PA003', party: 'third-party' }] }));
  // Sender b: 1 spam message with a spacer only; sender c: 1 person-to-person message, clean.
  b.add(result({ from: 'b@two.example', senderDomain: 'two.example', spam: true, findings: [{ tracking: false, ruleId: 'PA005', category: 'spacer' }] }));
  b.add(result({ from: 'c@three.example', senderDomain: 'three.example' }));
  b.add(result({ error: 'broken base64 in a text/html part' }));
  const t = b.build();
  const cell = (d: string, den: string) => t.prevalence.find((c) => c.definition === d && c.denominator === den);

  it('prevalence under each definition and denominator', () => {
    expect(cell('D3', 'all')).toMatchObject({ k: 3, n: 5, share: 0.6 });
    expect(cell('D2', 'all')).toMatchObject({ k: 4, n: 5 }); // the spacer counts for "anything 1x1"
    expect(cell('D3', 'non-spam')).toMatchObject({ k: 3, n: 4 });
    expect(cell('D3', 'bulk')).toMatchObject({ k: 3, n: 3 });
    expect(cell('D3', 'person-to-person')).toMatchObject({ k: 0, n: 2 });
    expect(cell('D4', 'all')).toMatchObject({ k: 2, n: 5 });
    expect(cell('D5', 'bulk')).toMatchObject({ k: 1, n: 3 });
    // Wilson for 3/5, computed by hand: centre (0.6 + 1.92/5) / (1 + 3.84/5) ...
    expect(cell('D3', 'all')?.wilson.low).toBeCloseTo(0.2307, 3);
    expect(cell('D3', 'all')?.wilson.high).toBeCloseTo(0.8824, 3);
  });

  it('senders, vendors with organisations, parties and months', () => {
    expect(t.senderSummary).toEqual({ senders: 3, sendersTracking: 1, sendersTrackingEvery: 1, domains: 3, domainsTracking: 1, domainsTrackingEvery: 1 });
    expect(t.vendors.map((v) => [v.vendor, v.messages, v.senders])).toEqual([
      ['sendgrid', 3, 1],
      ['segment', 1, 1],
    ]);
    expect(t.vendors[0].messageShare).toBeCloseTo(3 / 5);
    expect(t.vendors[0].senderShare).toBeCloseTo(1 / 3);
    expect(t.organisations).toEqual([{ organisation: 'Twilio', messages: 3, messageShare: 0.6, senders: 1, senderShare: 1 / 3 }]);
    expect(t.parties.find((p) => p.party === 'third-party')).toMatchObject({ findings: 5, messages: 3 });
    expect(t.months).toEqual([
      { month: '2021-08', messages: 4, tracked: 2, share: 0.5, note: '' },
      { month: '2021-09', messages: 1, tracked: 1, share: 1, note: 'Apple Mail Privacy Protection from 2021-09-20' },
    ]);
  });

  it('the sender bootstrap is reproducible and wider than Wilson when one sender dominates', () => {
    const clusters: Array<[number, number]> = [
      [50, 50],
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0],
    ];
    expect(clusterBootstrap(clusters)).toEqual(clusterBootstrap(clusters));
    const boot = clusterBootstrap(clusters);
    expect(boot.high - boot.low).toBeGreaterThan(0.3);
  });

  it('senders that all share one share give that share exactly, as the resamples do (no resampling run)', () => {
    for (const clusters of [
      [[1, 1]],
      [[1, 0]],
      [[3, 1]],
      [
        [3, 1],
        [6, 2],
        [9, 3],
      ],
      [
        [2, 0],
        [5, 0],
      ],
      [
        [7, 7],
        [1, 1],
        [40, 40],
      ],
    ] as Array<Array<[number, number]>>) {
      const { low, high } = resampledInterval(clusters);
      expect(low, JSON.stringify(clusters)).toBe(high);
      expect(clusterBootstrap(clusters)).toEqual({ low, high });
    }
    // One sender of another share, and the resampling runs: an interval, not a point.
    const mixed: Array<[number, number]> = [
      [3, 1],
      [6, 2],
      [9, 4],
    ];
    expect(clusterBootstrap(mixed)).toEqual(resampledInterval(mixed));
    expect(clusterBootstrap(mixed).high).toBeGreaterThan(clusterBootstrap(mixed).low);
  });

  it('the scan summary carries the same study tables as report', async () => {
    const agg = new Aggregate(detector().vendors);
    for (const r of await results()) agg.add(r);
    const s = agg.build();
    expect(s.study?.prevalence).toHaveLength(30);
    expect(s.study?.comparison.map((c) => c.study)).toContain('HEY for the BBC, 2021');
  });
});
