import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { coverageOf, coverageTable, loadCoverageLists, REASONS } from '../src/trackers/coverage.js';
import { loadVendors } from '../src/trackers/load.js';

const vendors = loadVendors();
const lists = loadCoverageLists();

describe('coverage of the public tracker lists (rules/coverage)', () => {
  it('records every list the issue names, each with its source, date read and licence', () => {
    expect(lists.map((l) => l.list).sort()).toEqual([
      'AdGuard, mail trackers (CNAME-disguised)',
      'EasyPrivacy, email trackers section',
      "HEY spy-tracker list (DHH's gist)",
      'LeaveMeAlone email-trackers',
      'MailTrackerBlocker',
      'Simplify Gmail tracker list',
      'TRACRA',
      'Trocker',
      'Ugly Email',
      'neomd',
    ]);
    for (const l of lists) {
      expect(l.read, l.list).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(l.licence, l.list).toBeTruthy();
      expect(Object.keys(l.source).length, l.list).toBeGreaterThan(0);
    }
  });

  const rows = lists.map((l) => coverageOf(l, vendors));
  it('covers more than 95% of each list (covered or reasoned), and prints the table', () => {
    console.log(coverageTable(rows));
    for (const r of rows) expect(r.share, `${r.list}: ${r.missing.map((m) => `${m.name} (${m.problem})`).join('; ')}`).toBeGreaterThan(0.95);
  });

  it('every mapping names vendors we have whose domains reach a listed host, every reason is a known code', () => {
    const problems = rows.flatMap((r) => r.missing.map((m) => `${r.list}: ${m.name}: ${m.problem}`));
    expect(problems).toEqual([]);
    for (const l of lists) for (const e of l.vendors) expect(Boolean(e.ours) !== Boolean(e.reason), `${l.list}: ${e.name}`).toBe(true);
  });

  it('judges a wrong mapping as missing: an unknown id, a host no pattern reaches, an unknown reason', () => {
    const list = {
      list: 't',
      source: {},
      read: '2026-12-01',
      licence: 'x',
      vendors: [
        { name: 'a', ours: ['no-such-vendor'] },
        { name: 'b', hosts: ['tracker.example.org'], ours: ['mailchimp'] },
        { name: 'c', reason: 'because' },
        { name: 'd', reason: 'duplicate-of:nobody' },
        { name: 'e', hosts: ['us1.list-manage.com'], ours: ['mailchimp'] },
        { name: 'f', reason: `${REASONS[0]}: gone` },
      ],
    };
    const c = coverageOf(list, vendors);
    expect(c.missing.map((m) => m.name)).toEqual(['a', 'b', 'c', 'd']);
    expect([c.covered, c.reasoned]).toEqual([1, 1]);
    expect(c.how).toEqual({ allHosts: 1, someHosts: 0, anyHostOnly: 0, byId: 0 });
  });

  it('says how each covered entry is reached: all its hosts, some, only by an anyHost pattern, or by id', () => {
    const list = {
      list: 't',
      source: {},
      read: '2026-12-01',
      licence: 'x',
      vendors: [
        { name: 'all', hosts: ['us1.list-manage.com'], ours: ['mailchimp'] },
        { name: 'some', hosts: ['us1.list-manage.com', 'tracker.example.org'], ours: ['mailchimp'] },
        { name: 'id', ours: ['mailchimp'] },
      ],
    };
    const c = coverageOf(list, vendors);
    expect(c.how).toEqual({ allHosts: 1, someHosts: 1, anyHostOnly: 0, byId: 1 });
    for (const r of rows) expect(r.how.allHosts + r.how.someHosts + r.how.anyHostOnly + r.how.byId, r.list).toBe(r.covered);
  });

  it('pixelaudit rules --coverage prints the same table', async () => {
    const out = await run(['rules', '--coverage']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(coverageTable(rows));
  });
});
