import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES, RULES } from '../src/rules/index.js';
import { FIXTURES, analyseFile } from './helpers.js';

interface Expected {
  tracked: boolean;
  findings: Array<{ ruleId: string; url: string; vendor?: string }>;
}

const dir = path.join(FIXTURES, 'rules');
const cases = readdirSync(dir).sort();

describe('rule fixtures (fixtures/rules/<case>: message.eml + expected.json, checked strictly)', () => {
  it('has ok and ng cases', () => {
    expect(cases.filter((c) => c.startsWith('ok-')).length).toBeGreaterThan(5);
    expect(cases.filter((c) => c.startsWith('ng-')).length).toBeGreaterThan(10);
  });

  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as Expected;
      const result = await analyseFile(path.join(dir, name, 'message.eml'));
      expect(result.error).toBeNull();
      const got = result.findings.map((f) => ({ ruleId: f.ruleId, url: f.url, ...(f.vendor ? { vendor: f.vendor } : {}) }));
      const sort = (a: { ruleId: string; url: string }, b: { ruleId: string; url: string }) => (a.ruleId + a.url).localeCompare(b.ruleId + b.url);
      expect(got.sort(sort)).toEqual([...expected.findings].map((f) => ({ ...f })).sort(sort));
      expect(result.tracked).toBe(expected.tracked);
      expect(name.startsWith('ng-')).toBe(expected.tracked);
    });
  }

  it('every rule fires in at least one ng or ok fixture', () => {
    const fired = new Set<string>();
    for (const name of cases) {
      const expected = JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as Expected;
      for (const f of expected.findings) fired.add(f.ruleId);
    }
    // Mail fixtures are for scan's rules; check's PA011-PA016 judge templates and fire in test/check*.test.ts.
    for (const rule of RULES.filter((r) => !CHECK_RULES.includes(r))) expect(fired, rule.meta.id).toContain(rule.meta.id);
  });
});

describe('rule metadata', () => {
  it('has stable unique ids, aliases, docs and messages', () => {
    const ids = new Set<string>();
    for (const { meta } of RULES) {
      expect(meta.id).toMatch(/^PA\d{3}$/);
      expect(meta.alias).toMatch(/^[a-z][a-z-]+$/);
      expect(ids.has(meta.id)).toBe(false);
      ids.add(meta.id);
      expect(meta.description.length).toBeGreaterThan(20);
      expect(meta.docs.length).toBeGreaterThan(80);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    }
  });
});
