import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR } from '../src/trackers/load.js';
import { PATTERN, trackerFile, trackerProblems, VENDOR } from './tracker-file.js';
import { GENERATED_VALIDATOR_FILE, trackersValidatorCode } from '../src/trackers/validator-code.js';

const pattern = PATTERN;
const vendor = VENDOR;
const file = trackerFile;
const problems = trackerProblems;

describe('the tracker data schema (rules/schema/trackers.schema.json)', () => {
  it('is compiled into the checked-in standalone validator (npm run build:validator)', () => {
    expect(readFileSync(GENERATED_VALIDATOR_FILE, 'utf8')).toBe(trackersValidatorCode());
  });

  // The schema and join checks; regex-safety.test.ts proves the same expressions linear with no time bound.
  it('accepts every built-in file (they are not re-checked at start-up)', () => {
    for (const f of readdirSync(BUILTIN_RULES_DIR).filter((n) => n.endsWith('.json'))) {
      const file = path.join(BUILTIN_RULES_DIR, f);
      expect(problems(JSON.parse(readFileSync(file, 'utf8')), { proveLinear: false }), file).toEqual([]);
    }
  });

  it('accepts a well-formed file', () => {
    expect(problems(file())).toEqual([]);
    expect(problems({ $schema: '../schema/trackers.schema.json', $comment: 'x', ...(file() as object) })).toEqual([]);
  });

  it('rejects an unknown key at every level, naming file, entry and key', () => {
    // A typo'd key must not leave a domain-wide pattern behind: "paht" would otherwise be ignored.
    expect(problems(file({}, { paht: '^/o/' }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open): unknown key "paht"']);
    expect(problems(file({ categroy: 'esp' }))).toEqual(['mine.json: vendors[0] (acme): unknown key "categroy"']);
    expect(problems({ vendor: [] })).toEqual(['mine.json: top level: missing "vendors"', 'mine.json: top level: unknown key "vendor"']);
    expect(problems(file({}, { examples: { ...pattern.examples, nomatch: [] } }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).examples: unknown key "nomatch"']);
    expect(problems(file({}, { provenance: [{ ...pattern.provenance[0], date: '2026-12-01' }] }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).provenance[0]: unknown key "date"']);
  });

  it('rejects a regular expression that does not compile, naming the pattern and the reason', () => {
    expect(problems(file({}, { path: '^/o/([' }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).path: not a valid regular expression: Invalid regular expression: /^/o/([/: Unterminated character class']);
    expect(problems(file({}, { query: '(?<=' }))[0]).toMatch(/^mine\.json: vendors\[0\] \(acme\)\.patterns\[0\] \(acme-open\)\.query: not a valid regular expression: /);
  });

  it('rejects wrong types and values, one line each', () => {
    expect(problems(file({}, { ignoreCase: 'yes' }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).ignoreCase: must be a boolean']);
    expect(problems(file({}, { domains: 'acme-mail.example' }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).domains: must be an array']);
    expect(problems(file({}, { kind: 'pixel' }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).kind: must be one of open, beacon, click, asset']);
    expect(problems(file({ category: 'spyware' }))).toEqual(['mine.json: vendors[0] (acme).category: must be one of esp, marketing-automation, sales-tracker, analytics, ad-tech, email-qa, personalisation, transactional']);
    expect(problems(file({}, { domains: ['https://acme-mail.example/'] }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).domains[0]: must be a lower-case host name such as example.com (no scheme, port, path or wildcard)']);
    expect(problems(file({}, { provenance: [{ type: 'vendor-docs', ref: 'x', read: '1 Dec 2026' }] }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open).provenance[0].read: must be a date YYYY-MM-DD']);
    expect(problems(file({}, { examples: { match: [], noMatch: ['acme-mail.example/x'] } }))).toEqual([
      'mine.json: vendors[0] (acme).patterns[0] (acme-open).examples.match: needs at least 1 entry',
      'mine.json: vendors[0] (acme).patterns[0] (acme-open).examples.noMatch[0]: must be an absolute http(s) URL',
    ]);
    expect(problems(file({ id: 'Acme' }))).toEqual(['mine.json: vendors[0] (Acme).id: must be lower-case letters, digits and dashes, starting with a letter or digit']);
  });

  it('requires provenance on each pattern, and says where a pattern applies', () => {
    const { provenance: _, ...noProvenance } = pattern;
    expect(problems({ vendors: [{ ...vendor, patterns: [noProvenance] }] })).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open): missing "provenance"']);
    expect(problems(file({ provenance: pattern.provenance }))).toEqual(['mine.json: vendors[0] (acme): unknown key "provenance"']);
    const { domains: __, ...nowhere } = pattern;
    expect(problems({ vendors: [{ ...vendor, patterns: [nowhere] }] })).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open): give either domains or anyHost: true']);
    expect(problems(file({}, { anyHost: true }))).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open): an anyHost pattern takes no domains and needs a path or host expression']);
    expect(problems({ vendors: [{ ...vendor, patterns: [{ ...nowhere, anyHost: true, path: undefined }] }] })).toEqual(['mine.json: vendors[0] (acme).patterns[0] (acme-open): an anyHost pattern takes no domains and needs a path or host expression']);
    expect(problems(file({}, { anyHost: false }))[0]).toBe('mine.json: vendors[0] (acme).patterns[0] (acme-open).anyHost: must be true');
  });
});
