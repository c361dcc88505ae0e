import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckFinding } from '../src/check/check-finding.js';
import type { CheckReport } from '../src/check/check-report.js';
import { run } from '../src/cli/run.js';
import { HAS_XMLLINT, junitSchemaErrors, parseAnnotations, parseJunit, sarifErrors } from './ci-format-checkers.js';
import { FIXTURES } from './helpers.js';

// `check` through the shared output machinery (-f NAME[:FILE], -o, the guards against writing
// over an input), its CI formats checked by the outside checkers of ci-format-checkers.ts (the
// official SARIF schema, GitHub's runner parsing, a real XML parser and the JUnit schema), and
// the positions and fingerprints in them compared with check's own JSON.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A pixel at line 3, column 3 (error); a utm-only link at line 4, column 1 (info); a
// per-recipient link at line 5 (warning); and a clean template.
const WELCOME = [
  '<html><body>',
  '<p>Hi {{ first_name }}</p>',
  '  <img src="https://u1.ct.sendgrid.net/wf/open?upn={{ user.id }}" width="1" height="1" alt="">',
  '<a href="https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=dec">shop</a>',
  '<a href="https://shop.example/?utm_source=news&utm_content={{ message.uuid }}">mine</a>',
  '</body></html>',
  '',
].join('\n');

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-check-out-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'templates'));
  writeFileSync(path.join(dir, 'templates', 'welcome.html'), WELCOME);
  writeFileSync(path.join(dir, 'templates', 'plain.html'), '<p>No pixel here.</p>\n');
  return dir;
}

const read = (dir: string, name: string): string => readFileSync(path.join(dir, name), 'utf8');

describe('check -f NAME[:FILE]', () => {
  it('writes several formats at once, each to its own file, one to standard output, with the exit code of the findings', async () => {
    const dir = project();
    const r = await run(['check', 'templates', '-f', 'sarif:out.sarif', '-f', 'github', '-f', 'junit:junit.xml', '-f', 'json:check.json', '-f', 'table:table.txt'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(1);
    const report = JSON.parse(read(dir, 'check.json')) as CheckReport;
    const findings: CheckFinding[] = report.files.flatMap((f) => f.findings);
    expect(findings.map((f) => `${f.file}:${f.position.line}:${f.position.column} ${f.ruleId} ${f.severity}`)).toEqual(['templates/welcome.html:3:3 PA001 error', 'templates/welcome.html:4:1 PA014 info', 'templates/welcome.html:5:1 PA013 warning']);

    // SARIF: valid against the official schema; a region at check's line and column in the
    // template; partialFingerprints from check's fingerprint; info shown as SARIF's `note`.
    const sarif = read(dir, 'out.sarif');
    expect(sarifErrors(sarif)).toEqual([]);
    const results = JSON.parse(sarif).runs[0].results as Array<{
      ruleId: string;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
      partialFingerprints: Record<string, string>;
    }>;
    expect(results.map((x) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine, x.locations[0].physicalLocation.region.startColumn])).toEqual(
      findings.map((f) => [f.ruleId, f.severity === 'info' ? 'note' : f.severity, f.file, f.position.line, f.position.column]),
    );
    expect(results.map((x) => Object.values(x.partialFingerprints)[0])).toEqual(findings.map((f) => f.fingerprint));

    // GitHub: one annotation per finding, on file, line and column, as the runner parses them.
    const annotations = parseAnnotations(r.stdout);
    expect(annotations.map((a) => [a.command, a.properties.file, a.properties.line, a.properties.col])).toEqual([
      ['error', 'templates/welcome.html', '3', '3'],
      ['notice', 'templates/welcome.html', '4', '1'],
      ['warning', 'templates/welcome.html', '5', '1'],
    ]);

    // JUnit: parses, validates where xmllint is installed; info is shown, not failed.
    const junit = read(dir, 'junit.xml');
    expect(parseJunit(junit).testsuites.testsuite).toBeDefined();
    expect(junit).toMatch(/failures="2"/);
    if (HAS_XMLLINT) expect(junitSchemaErrors(junit)).toBe('');

    expect(read(dir, 'table.txt')).toMatch(/templates\/welcome\.html:3:3\s+error\s+SendGrid/);
    expect(read(dir, 'table.txt')).toMatch(/3 findings \(1 error, 1 warning, 1 info\) in 2 files/);
  });

  it('-o takes the one -f without a file; the default format is the table', async () => {
    const dir = project();
    const r = await run(['check', 'templates/welcome.html', '-o', 'report.txt'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(read(dir, 'report.txt')).toMatch(/PA001 known-tracker/);
    const j = await run(['check', 'templates/plain.html', '-f', 'sarif', '-o', 'clean.sarif'], { cwd: dir });
    expect(j.exitCode).toBe(0);
    expect(sarifErrors(read(dir, 'clean.sarif'))).toEqual([]);
  });

  it("writes its HTML page with -f html:FILE, and refuses scan's per-message formats with a clear line, exit 2", async () => {
    const dir = project();
    const html = await run(['check', 'templates', '-f', 'html:report.html'], { cwd: dir });
    expect(html.exitCode, html.stderr).toBe(1);
    const page = read(dir, 'report.html');
    expect(page).toContain('Content-Security-Policy');
    expect(page).toContain('templates/welcome.html:3:3');
    const csv = await run(['check', 'templates', '-f', 'csv'], { cwd: dir });
    expect(csv.exitCode).toBe(2);
    expect(csv.stderr).toMatch(/-f csv: a format of scan's per-message results/);
  });

  it('never writes over an input, into a checked folder, over the configuration or the baseline, or two outputs to one file', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'pixelaudit.config.json'), '{"failOn":"warning"}');
    writeFileSync(path.join(dir, 'base.json'), '{}');
    const before = read(dir, 'templates/welcome.html');
    const cases: Array<[string[], RegExp]> = [
      [['templates/welcome.html', '-o', 'templates/welcome.html'], /is also an input/],
      [['templates', '-f', 'sarif:templates/out.sarif'], /inside the input folder/],
      [['templates/welcome.html', '-f', 'json:pixelaudit.config.json'], /is also an input/],
      [['templates/welcome.html', '--baseline', 'base.json', '-f', 'json:base.json'], /is also an input/],
      [['templates/welcome.html', '-f', 'sarif:a.out', '-f', 'junit:a.out'], /would both write \S*a\.out/],
      [['templates/welcome.html', '-f', 'json', '-f', 'table'], /only one format can go to standard output/],
      [['templates/welcome.html', '-f', 'sarif:no-such-folder/x.sarif'], /does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['check', ...args], { cwd: dir });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect(read(dir, 'templates/welcome.html')).toBe(before);
    expect(read(dir, 'pixelaudit.config.json')).toBe('{"failOn":"warning"}');
    expect(read(dir, 'base.json')).toBe('{}');
    expect(existsSync(path.join(dir, 'a.out'))).toBe(false);
  });

  it('an .eml checked gives no file region (its positions are in the decoded HTML), yet is valid SARIF and annotated on the file', async () => {
    const dir = project();
    copyFileSync(path.join(FIXTURES, 'sample-mailbox', 'campaign-monitor-vml.eml'), path.join(dir, 'sent.eml'));
    const r = await run(['check', 'sent.eml', '-f', 'sarif:out.sarif', '-f', 'github'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(1);
    const sarif = read(dir, 'out.sarif');
    expect(sarifErrors(sarif)).toEqual([]);
    const results = JSON.parse(sarif).runs[0].results as Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }> }>;
    expect(results.length).toBeGreaterThan(0);
    for (const x of results) {
      expect(x.locations[0].physicalLocation.artifactLocation.uri).toBe('sent.eml');
      expect(x.locations[0].physicalLocation.region).toBeUndefined();
    }
    const annotations = parseAnnotations(r.stdout);
    expect(annotations.length).toBe(results.length);
    for (const a of annotations) expect([a.properties.file, a.properties.line]).toEqual(['sent.eml', undefined]);
  });

  it('writes each file name as a relative reference that reads back as its path: a colon in the first segment is not a scheme', async () => {
    const dir = project();
    const names = ['a:b.html', 'c:foo.html', 'sub:dir/x:y.html', 'sp ace#1?%25é.html'];
    for (const name of names) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), WELCOME);
    }
    const r = await run(['check', ...names, '-f', 'sarif:out.sarif'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(1);
    const sarif = read(dir, 'out.sarif');
    expect(sarifErrors(sarif)).toEqual([]);
    const run0 = JSON.parse(sarif).runs[0] as { originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }> };
    const base = run0.originalUriBaseIds['%SRCROOT%'].uri;
    const read_back = new Set(
      run0.results.map((x) => {
        const { uri, uriBaseId } = x.locations[0].physicalLocation.artifactLocation;
        expect(uriBaseId).toBe('%SRCROOT%');
        // RFC 3986 4.2: a relative reference's first segment holds no colon.
        expect(uri.split('/')[0]).not.toContain(':');
        return path.relative(dir, fileURLToPath(new URL(uri, base)));
      }),
    );
    expect([...read_back].sort()).toEqual([...names].sort());
  });
});
