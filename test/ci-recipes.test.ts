import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HAS_XMLLINT, junitSchemaErrors, parseAnnotations, parseJunit, sarifErrors } from './ci-format-checkers.js';
import { MAIL_EXTENSIONS, TEMPLATE_EXTENSIONS } from '../src/check/template-syntax.js';
import { FIXTURES, ROOT } from './helpers.js';

// The README's CI recipes, run as far as this machine allows: the YAML parsed, the commands of
// their steps run with the built CLI in a folder laid out like a checkout, the outputs checked
// with the same outside checkers as the formats' own tests, and the pre-commit hook run by the
// real pre-commit.

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-recipes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recipe(name: string): unknown {
  const block = new RegExp(`<!-- recipe:${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!block) throw new Error(`README.md has no recipe:${name} block`);
  return parse(block[1]);
}

/** A folder on PATH with `pixelaudit` running this build, as `npm install -g` would provide. */
function shim(): string {
  const bin = path.join(dir, 'shim');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'pixelaudit'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(path.join(bin, 'pixelaudit'), 0o755);
  return bin;
}

/** A checkout with a templates/ folder holding a template with an open pixel and a clean one. */
function checkout(): string {
  const root = mkdtempSync(path.join(dir, 'checkout-'));
  mkdirSync(path.join(root, 'templates'));
  writeFileSync(path.join(root, 'templates', 'welcome.html'), '<html><body>\n<p>Hi {{ first_name }}</p>\n<img src="https://u1.ct.sendgrid.net/wf/open?upn={{ user.id }}" width="1" height="1" alt="">\n</body></html>\n');
  writeFileSync(path.join(root, 'templates', 'plain.html'), '<html><body><p>No pixel here.</p></body></html>\n');
  return root;
}

/** Runs a step's shell command as CI would, with this build as `pixelaudit`. */
function sh(command: string, cwd: string) {
  return spawnSync('sh', ['-c', command], { cwd, env: { ...process.env, PATH: `${shim()}:${process.env.PATH}`, NO_COLOR: '1' }, encoding: 'utf8' });
}

/** The `-f NAME:FILE` of a command. */
const outputOf = (command: string, format: string): string | undefined => new RegExp(`-f ${format}:(\\S+)`).exec(command)?.[1];

describe('GitHub Actions workflow', () => {
  const workflow = recipe('github-actions') as { permissions: Record<string, string>; jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown>; if?: string }> }> };
  const steps = Object.values(workflow.jobs)[0].steps;
  const commands = steps.map((s) => s.run).filter((r): r is string => r !== undefined);
  const scan = commands.find((c) => c.startsWith('pixelaudit '));

  it('uploads to code scanning the SARIF file its pixelaudit step writes, even when that step fails', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload, 'an upload-sarif step').toBeDefined();
    expect(workflow.permissions['security-events']).toBe('write');
    expect(upload?.if).toBe('always()');
    expect(scan).toBeDefined();
    expect(outputOf(scan ?? '', 'sarif')).toBe(upload?.with?.sarif_file);
    expect(scan).toMatch(/-f github\b/);
  });

  it('its pixelaudit step writes a valid SARIF file and annotations', () => {
    const root = checkout();
    const r = sh(scan ?? '', root);
    expect([0, 1], r.stderr).toContain(r.status);
    const sarif = readFileSync(path.join(root, outputOf(scan ?? '', 'sarif') ?? ''), 'utf8');
    expect(sarifErrors(sarif)).toEqual([]);
    expect(JSON.parse(sarif).runs[0].results.length).toBeGreaterThan(0);
    const annotations = parseAnnotations(r.stdout);
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations[0].properties.file).toBe('templates/welcome.html');
  });
});

describe("the recipes' output flags on scan too", () => {
  it.each([
    ['github-actions', () => Object.values((recipe('github-actions') as { jobs: Record<string, { steps: Array<{ run?: string }> }> }).jobs)[0].steps.map((s) => s.run ?? '')],
    ['gitlab-ci', () => Object.values(recipe('gitlab-ci') as Record<string, { script: string[] }>)[0].script],
  ])('%s', (_name, commands) => {
    const command = commands().find((c) => c.startsWith('pixelaudit ')) ?? '';
    // `pixelaudit check templates/ FLAGS` becomes `pixelaudit scan MAILDIR FLAGS`.
    const flags = command.split(' ').slice(3).join(' ');
    const root = checkout();
    const r = sh(`pixelaudit scan ${JSON.stringify(path.join(FIXTURES, 'sample-mailbox'))} ${flags}`, root);
    expect(r.status, r.stderr).toBe(0);
    const sarif = outputOf(flags, 'sarif');
    if (sarif) expect(sarifErrors(readFileSync(path.join(root, sarif), 'utf8'))).toEqual([]);
    if (/-f github\b/.test(flags)) expect(parseAnnotations(r.stdout).length).toBeGreaterThan(0);
    const junit = outputOf(flags, 'junit');
    if (junit && HAS_XMLLINT) expect(junitSchemaErrors(readFileSync(path.join(root, junit), 'utf8'))).toBe('');
    if (/-f table\b/.test(flags)) expect(r.stdout).toMatch(/Tracked: /);
  });
});

describe('GitLab CI job', () => {
  const job = Object.values(recipe('gitlab-ci') as Record<string, { script: string[]; artifacts: { when: string; reports: { junit: string } } }>)[0];
  const scan = job.script.find((c) => c.startsWith('pixelaudit '));

  it('hands GitLab the JUnit file its pixelaudit line writes, also when it fails', () => {
    expect(job.artifacts.when).toBe('always');
    expect(outputOf(scan ?? '', 'junit')).toBe(job.artifacts.reports.junit);
  });

  it('its pixelaudit line writes JUnit that parses and validates', () => {
    const root = checkout();
    const r = sh(scan ?? '', root);
    expect([0, 1], r.stderr).toContain(r.status);
    const xml = readFileSync(path.join(root, job.artifacts.reports.junit), 'utf8');
    expect(parseJunit(xml).testsuites.testsuite).toBeDefined();
    if (HAS_XMLLINT) expect(junitSchemaErrors(xml)).toBe('');
  });
});

describe('pre-commit hooks', () => {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;
  const config = recipe('pre-commit') as { repos: Array<{ hooks: Array<{ id: string }> }> };
  const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

  it('the README config names hooks that .pre-commit-hooks.yaml defines, each offline (language: system)', () => {
    const ids = hooks.map((h) => h.id);
    for (const h of config.repos[0].hooks) expect(ids).toContain(h.id);
    for (const h of hooks) {
      expect(h.language).toBe('system');
      expect(h.entry).toMatch(/^pixelaudit (check|scan)\b/);
      // pre-commit reads `files:` with Python's re, whose (?i) JavaScript's RegExp spells as a flag.
      expect(h.files.startsWith('(?i)')).toBe(true);
      expect(() => new RegExp(h.files.slice(4), 'i')).not.toThrow();
    }
  });

  it("pixelaudit-check's files: are exactly the extensions check reads, without case (one source: template-syntax.ts)", () => {
    const hook = hooks.find((h) => h.id === 'pixelaudit-check');
    const exts = [...TEMPLATE_EXTENSIONS, ...MAIL_EXTENSIONS].map((e) => e.slice(1).replaceAll('.', '\\.'));
    expect(hook?.files).toBe(`(?i)\\.(${exts.join('|')})$`);
  });

  it('the README pins the hooks by commit SHA or tag, and says so: no rev that names a tag this repository lacks', () => {
    const rev = (config.repos[0] as unknown as { rev: string }).rev;
    const tags = execFileSync('git', ['tag', '--list'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(/^[0-9a-f]{40}$/.test(rev) || tags.includes(rev), `rev ${rev}`).toBe(true);
  });

  /** The real pre-commit running one hook of this repository on files of a fresh git repository. */
  function tryRepo(hook: string, files: Record<string, string>) {
    const repo = mkdtempSync(path.join(dir, 'repo-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    for (const [name, from] of Object.entries(files)) copyFileSync(from, path.join(repo, name));
    execFileSync('git', ['add', '.'], { cwd: repo });
    return spawnSync('pre-commit', ['try-repo', ROOT, hook, '--files', ...Object.keys(files)], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${shim()}:${process.env.PATH}`, PRE_COMMIT_HOME: path.join(repo, '.cache'), NO_COLOR: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  }

  it.skipIf(!hasPreCommit)('pixelaudit-scan fails a commit of a tracked message and passes a clean one', () => {
    const tracked = tryRepo('pixelaudit-scan', { 'campaign.eml': path.join(FIXTURES, 'sample-mailbox', 'campaign-monitor-vml.eml') });
    expect(tracked.status, tracked.stdout + tracked.stderr).toBe(1);
    expect(tracked.stdout).toMatch(/Tracked: 1 of 1/);
    const cleanFile = path.join(dir, 'clean.eml');
    writeFileSync(cleanFile, 'From: a@example.com\r\nTo: b@example.org\r\nSubject: hi\r\nContent-Type: text/html\r\n\r\n<p>No images.</p>\r\n');
    const clean = tryRepo('pixelaudit-scan', { 'clean.eml': cleanFile });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });

  it.skipIf(!hasPreCommit)('pixelaudit-check fails a commit of a template with a pixel', () => {
    const root = checkout();
    const r = tryRepo('pixelaudit-check', { 'welcome.html': path.join(root, 'templates', 'welcome.html') });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/PA001|known-tracker|SendGrid/);
  });

  it.skipIf(!hasPreCommit)('pixelaudit-check runs on an upper-case .HTML and an .ejs, not on a .cshtml check does not read', () => {
    const root = checkout();
    const r = tryRepo('pixelaudit-check', { 'WELCOME.HTML': path.join(root, 'templates', 'welcome.html'), 'a.ejs': path.join(root, 'templates', 'welcome.html'), 'b.cshtml': path.join(root, 'templates', 'welcome.html') });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('WELCOME.HTML');
    expect(r.stdout).toContain('a.ejs');
    expect(r.stdout).not.toContain('b.cshtml');
  });
});
