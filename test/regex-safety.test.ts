import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { CNAME_HOSTS_FILE, type CnameHostsFile } from '../src/trackers/cname-hosts.js';
import { compileExpression } from '../src/trackers/compile.js';
import { BUILTIN_RULES_DIR, loadVendors } from '../src/trackers/load.js';
import { joinBreakingReason, superLinearReason } from '../src/trackers/regex-safety.js';
import { TrackerMatcher } from '../src/trackers/matcher.js';
import { parseUrl } from '../src/url/url-parts.js';
import type { TrackerFile } from '../src/trackers/schema.js';
import { trackerFile, trackerProblems } from './tracker-file.js';

const userFile = (patch: Record<string, unknown>): unknown => trackerFile({}, patch);
const problems = trackerProblems;

describe('regular expressions that could hang a scan', () => {
  it('the default run does not load the checker (it is for user rule files only)', () => {
    loadVendors();
    const cache = createRequire(import.meta.url).cache;
    expect(Object.keys(cache).filter((k) => k.includes(`${path.sep}recheck${path.sep}`))).toEqual([]);
  });

  it('rejects nested quantifiers, overlapping alternatives and polynomial shapes in a user file, one line each', () => {
    const [nested] = problems(userFile({ domains: undefined, anyHost: true, path: '^/(a+)+$' }));
    expect(nested).toMatch(/^mine\.json: vendors\[0\] \(acme\)\.patterns\[0\] \(acme-open\)\.path: "\^\/\(a\+\)\+\$" can backtrack exponentially /);
    expect(problems(userFile({ path: '^/o/(a|a)*$' }))[0]).toMatch(/\.path: "\^\/o\/\(a\|a\)\*\$" can backtrack exponentially/);
    expect(problems(userFile({ query: '^(x+x+)+y$' }))[0]).toMatch(/\.query: .* can backtrack exponentially/);
    expect(problems(userFile({ query: 'a.*b.*c' }))[0]).toMatch(/\.query: .* can backtrack in polynomial time \(degree 3\)/);
    expect(problems(userFile({}))).toEqual([]);
  });

  it('a scan given such a file stops at load with exit 2 and the one line', async () => {
    const file = path.join(os.tmpdir(), `pixelaudit-redos-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(userFile({ domains: undefined, anyHost: true, path: '^/(a+)+$' })));
    const out = await run(['scan', '--jobs', '1', '--rules', file, path.join('fixtures', 'sample-mailbox', 'shipping-sfmc.eml')]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('(acme-open).path: "^/(a+)+$" can backtrack exponentially');
  });

  it('every built-in expression (rules/trackers and the CNAME grammars) runs in linear time', { timeout: 600_000 }, () => {
    const bad: string[] = [];
    for (const f of readdirSync(BUILTIN_RULES_DIR).filter((n) => n.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(path.join(BUILTIN_RULES_DIR, f), 'utf8')) as TrackerFile;
      for (const p of data.vendors.flatMap((v) => v.patterns)) {
        for (const key of ['host', 'path', 'query'] as const) {
          const re = compileExpression(p, key);
          // No time limit at all: the verdict depends on the expression only, never on the machine's load.
          const reason = re && superLinearReason(re.source, re.flags, null);
          if (reason) bad.push(`${f} ${p.id}.${key} ${p[key] as string}: ${reason}`);
        }
      }
    }
    const cname = JSON.parse(readFileSync(CNAME_HOSTS_FILE, 'utf8')) as CnameHostsFile;
    for (const [name, provider] of Object.entries(cname.providers)) {
      for (const rule of provider.grammar) {
        for (const key of ['host', 'path', 'query'] as const) {
          const source = rule[key];
          const reason = source !== undefined && superLinearReason(source, '', null);
          if (reason) bad.push(`cname-hosts.json ${name} ${rule.id}.${key} ${source}: ${reason}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('expressions the matcher joins into one', () => {
  const anyHost = (id: string, path: string) => ({
    id,
    kind: 'open' as const,
    anyHost: true as const,
    path,
    provenance: [{ type: 'vendor-docs' as const, ref: 'x', read: '2026-12-01' }],
    examples: { match: ['https://x.example/zz/'], noMatch: ['https://x.example/'] },
  });

  it('refuses named groups and back-references in a user file, one line per pattern', () => {
    const named = { vendors: [{ id: 'acme', name: 'Acme', category: 'esp', patterns: [anyHost('a1', '^/(?<t>zz)/'), anyHost('a2', '^/(?<t>yy)/')] }] };
    expect(problems(named)).toEqual([
      'mine.json: vendors[0] (acme).patterns[0] (a1).path: "^/(?<t>zz)/" uses a named group (?<name>...); use (?:...) instead: expressions are joined and two groups of one name would clash',
      'mine.json: vendors[0] (acme).patterns[1] (a2).path: "^/(?<t>yy)/" uses a named group (?<name>...); use (?:...) instead: expressions are joined and two groups of one name would clash',
    ]);
    expect(problems(userFile({ domains: undefined, anyHost: true, path: '^/(qq)\\1/x$' }))[0]).toMatch(/\.path: .* uses a back-reference \(\\1\.\.\.\)/);
    expect(problems(userFile({ query: '(?<v>a)\\k<v>' }))[0]).toMatch(/\.query: .* uses a named group/);
    expect(problems(userFile({ query: 'a\\k<v>' }))[0]).toMatch(/\.query: .* uses a back-reference \(\\k/);
  });

  it('tells lookbehind, escapes and classes apart from groups and back-references', () => {
    for (const ok of ['(?<=/o/)x', '(?<!x)y', '\\\\1', '[\\1]', '[(?<t>)]', '\\(?<t', '^/o/[0-9]{1,3}$', '\\d\\w\\.k']) expect(joinBreakingReason(ok), ok).toBeUndefined();
    for (const bad of ['(a)\\1', '(?<t>a)', 'x(?<name>y)', '\\k<t>', '[x](a)\\2']) expect(joinBreakingReason(bad), bad).toBeDefined();
  });

  it('builds the joined expression when the matcher is made: a bad one fails the load, never a message', () => {
    const vendor = { id: 'acme', name: 'Acme', category: 'esp' as const, patterns: [anyHost('a1', '^/(?<t>zz)/'), anyHost('a2', '^/(?<t>yy)/')] };
    expect(() => new TrackerMatcher([vendor])).toThrow(/pattern a1 \(vendor acme\): path "\^\/\(\?<t>zz\)\/" uses a named group/);
    const full = new TrackerMatcher(loadVendors());
    expect(full.match(parseUrl('https://x.example/zz/'))).toBeUndefined();
  });

  it('no built-in expression uses a named group or a back-reference', () => {
    const bad = loadVendors().flatMap((v) => v.patterns.flatMap((p) => (['host', 'path', 'query'] as const).filter((k) => p[k] !== undefined && joinBreakingReason(p[k])).map((k) => `${p.id}.${k}`)));
    expect(bad).toEqual([]);
  });
});
