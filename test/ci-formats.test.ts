import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { fromFileResult, sourceArtifact } from '../src/formatters/ci/ci-item.js';
import { escapeData, escapeFileProperty, escapeProperty, githubAnnotations } from '../src/formatters/ci/github.js';
import { renderJunit } from '../src/formatters/ci/junit.js';
import { renderFileResults } from '../src/formatters/ci/index.js';
import { sarifText } from '../src/formatters/ci/sarif.js';
import { visible } from '../src/formatters/safe-text.js';
import { ruleAnchor } from '../src/rules/docs-url.js';
import { RULES } from '../src/rules/index.js';
import type { FileResult, Finding } from '../src/types.js';
import { HAS_XMLLINT, junitSchemaErrors, parseAnnotations, parseJunit, parseWorkflowCommand, sarifErrors } from './ci-format-checkers.js';
import { FIXTURES, ROOT, htmlMessage, splitJsonl } from './helpers.js';

const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-ci-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

// Strings a message or a file name can carry to break out of a format: line breaks, the
// workflow-command syntax, percent escapes, property separators, SARIF placeholders and
// embedded links, XML markup and CDATA ends, ESC, bidi overrides and a lone surrogate.
const HOSTILE = 'a\nb\r::error file=x::owned,c:d%0A%25{0}[link](1)]]><&"\'\u001b[2J\u202eevil\u2066\ud800';

const ADDRESS = 'reader.one@example.org';

/** A message whose tracking URLs carry what survives URL serialisation: `%`, `:`, `,`, `{}`, `[]`, `::`; and the reader's address. */
function hostileMessage(): Buffer {
  return htmlMessage(
    [
      '<p>Hello</p>',
      `<img src="https://open.tracker.example/o.gif?uid=Zk3v9QpL2mXw8RtY&x={0}[link](1)::error::,a:b%25" width="1" height="1">`,
      `<img src="https://pixel.example/p.gif?e=${ADDRESS}&id=Hq7Lm2Vx9Kp4Wz1N" width="1" height="1">`,
      `<a href="https://click.example/r?u=https%3A%2F%2Fshop.example%2F&t=Mn5Bv8Cx2Zl7Kj4H">shop</a>`,
    ].join('\n'),
    { To: `Reader <${ADDRESS}>`, Subject: HOSTILE.replace(/[\r\n]/g, ' ') },
  );
}

/** A hostile file holding the hostile message, in its own folder. */
function hostileFile(): string {
  const folder = path.join(dir, `hostile-${Math.random().toString(36).slice(2)}`);
  mkdirSync(folder);
  // A file name can hold anything but `/` and NUL: this one holds the hostile string.
  const file = path.join(folder, `${HOSTILE.replace(/\ud800/, '')}.eml`);
  writeFileSync(file, hostileMessage());
  return file;
}

async function scanTo(format: string, args: string[]): Promise<string> {
  const r = await run(['scan', ...args, '-f', format]);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe('SARIF', () => {
  it('the sample mailbox gives a log valid against the official SARIF 2.1.0 schema, one result per finding', async () => {
    const text = await scanTo('sarif', [SAMPLE]);
    expect(sarifErrors(text)).toEqual([]);
    const log = JSON.parse(text);
    const findings = splitJsonl(await scanTo('jsonl', [SAMPLE])).messages.flatMap((m) => m.findings);
    const runObject = log.runs[0];
    expect(runObject.results).toHaveLength(findings.length);
    expect(runObject.columnKind).toBe('utf16CodeUnits');
    expect(runObject.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
    expect(runObject.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const rule of runObject.tool.driver.rules) {
      // Each help URI points at a heading the README has.
      const anchor = new URL(rule.helpUri).hash.slice(1);
      expect(anchor).toBe(ruleAnchor({ id: rule.id, alias: rule.name }));
      expect(readme).toContain(`#### ${rule.id} ${rule.name}\n`);
    }
    for (const result of runObject.results) {
      const loc = result.locations[0];
      // Scan positions count lines of the decoded HTML, not of the file: no region is claimed.
      expect(loc.physicalLocation.region).toBeUndefined();
      expect(loc.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(result.partialFingerprints['pixelaudit/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(runObject.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      // Scan findings have no severity of their own: each takes its rule's default level.
      expect(result.level).toBe(runObject.tool.driver.rules[result.ruleIndex].defaultConfiguration.level);
    }
    const mbox = runObject.results.find((r: { locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }> }) => /#\d+$/.test(r.locations[0].logicalLocations[0].fullyQualifiedName));
    expect(mbox, 'a message inside an mbox').toBeDefined();
    expect(mbox.locations[0].physicalLocation.artifactLocation.uri).not.toContain('#');
  });

  it('check results: regions at line and column, paths relative to the base (encoded), outside it an absolute file URI', () => {
    const finding = (line: number, column: number, url: string): Finding => ({
      ruleId: 'PA001',
      rule: 'known-tracker',
      messageKey: 'open',
      category: 'open-tracking',
      tracking: true,
      confidence: 'high',
      url,
      kind: 'img',
      file: 'x',
      position: { line, column },
      data: { vendorName: 'SendGrid', pattern: 'sendgrid-open' },
    });
    const files: FileResult[] = [
      { file: 'templates/welcome mail #1.html', findings: [finding(3, 7, 'https://u1.ct.sendgrid.net/wf/open?upn={{ user.id }}')], error: null },
      { file: '/elsewhere/outside.html', findings: [finding(1, 1, 'https://x.example/o')], error: null },
      { file: 'templates/broken.html', findings: [], error: `cannot read: ${HOSTILE}` },
    ];
    const text = renderFileResults('sarif', files, { baseDir: '/repo' });
    expect(sarifErrors(text)).toEqual([]);
    const log = JSON.parse(text);
    const [inside, outside] = log.runs[0].results;
    expect(inside.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'templates/welcome%20mail%20%231.html', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 7 } });
    expect(outside.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/outside.html' });
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
    // Template braces are doubled in message text (SARIF §3.11.5) and kept exact in the properties.
    expect(inside.message.text).toBe('SendGrid open-tracking endpoint (sendgrid-open): https://u1.ct.sendgrid.net/wf/open?upn={{{{ user.id }}}}');
    expect(inside.properties.url).toBe('https://u1.ct.sendgrid.net/wf/open?upn={{ user.id }}');
    expect(inside.message).toMatchObject({ id: 'open', arguments: ['SendGrid', 'sendgrid-open'] });
    expect(log.runs[0].tool.driver.rules[0].messageStrings.open.text).toBe('{0} open-tracking endpoint ({1})');
    const failure = log.runs[0].invocations[0].toolExecutionNotifications[0];
    expect(failure.level).toBe('error');
    expect(failure.message.text).toBe(sarifText(`templates/broken.html: cannot read: ${HOSTILE}`));
  });

  it('message text is inert: controls and bidi visible, placeholders and links escaped', () => {
    const text = sarifText(HOSTILE);
    expect(text).not.toMatch(/[\n\r\u001b\u202e\u2066]/);
    expect(text).toContain('{{0}}');
    expect(text).toContain('\\[link\\](1)');
    expect(text).toContain('\\u202e');
  });
});

describe('GitHub annotations', () => {
  it('escape exactly as GitHub documents: the runner reads back the visible text, property by property', () => {
    for (const s of [HOSTILE, '%', '%25', '%0A', '::', ',,', 'a=b', ' leading', '%%0A%3A', '\u202e\u2066\u200f']) {
      const line = `::error file=${escapeProperty(s)},title=${escapeProperty(s)}::${escapeData(s)}`;
      expect(line).not.toMatch(/[\r\n]/);
      const parsed = parseWorkflowCommand(line);
      expect(parsed?.command).toBe('error');
      expect(parsed?.data).toBe(visible(s));
      expect(parsed?.properties.title).toBe(visible(s).trimEnd());
      expect(parsed?.properties.file).toBe(visible(s));
    }
  });

  it("a line break in a file name is written with GitHub's escape (%0A), so the file property names the real file (issue 13 second attack, finding 6)", () => {
    for (const name of ['a\nb.html', 'a\r\nb,c:d%.html']) {
      const parsed = parseWorkflowCommand(`::error file=${escapeFileProperty(name)}::x`);
      expect(parsed?.properties.file).toBe(name);
    }
    // Controls GitHub has no escape for stay visible, never raw.
    expect(escapeFileProperty('a\u001bb')).not.toMatch(/\u001b/);
  });

  it('a hostile file name and hostile URLs give one command per finding, on the file, with the words intact', async () => {
    const file = hostileFile();
    const text = await scanTo('github', [file]);
    const findings = splitJsonl(await scanTo('jsonl', [file])).messages[0].findings;
    expect(findings.some((f) => f.url.includes('{0}[link](1)::error::,a:b'))).toBe(true);
    const commands = parseAnnotations(text);
    expect(commands).toHaveLength(findings.length);
    expect(text.split('\n').filter(Boolean)).toHaveLength(findings.length);
    for (const [i, c] of commands.entries()) {
      // Outside the working directory (the checkout), the path is given as it was.
      expect(c.properties.file).toBe(
        file
          .split(/(\r|\n)/)
          .map((p) => (p === '\r' || p === '\n' ? p : visible(p)))
          .join(''),
      );
      expect(c.properties.title).toBe(`pixelaudit ${findings[i].ruleId} ${findings[i].rule}`);
      expect(c.properties.line).toBeUndefined();
      expect(c.data).toContain(visible(findings[i].url));
      expect(c.data).not.toMatch(/[\u001b\u202e\u2066]/);
    }
  });

  it('check results carry line and column; a file that cannot be read is an error annotation', () => {
    const f: Finding = {
      ruleId: 'PA006',
      rule: 'click-tracking',
      messageKey: 'redirect',
      category: 'link-tracking',
      tracking: false,
      confidence: 'medium',
      url: 'https://click.example/r',
      kind: 'link',
      file: 'a,b:c.html',
      position: { line: 12, column: 4 },
      data: { host: 'click.example' },
    };
    const text = [
      githubAnnotations(fromFileResult({ file: 'a,b:c.html', findings: [f], error: null }), { baseDir: process.cwd() }),
      githubAnnotations(fromFileResult({ file: 'gone.html', findings: [], error: 'no such file' }), { baseDir: process.cwd() }),
    ].join('');
    const [warning, error] = parseAnnotations(text);
    expect(warning).toEqual({ command: 'warning', properties: { file: 'a,b:c.html', line: '12', col: '4', title: 'pixelaudit PA006 click-tracking' }, data: 'redirect through click.example before the destination: https://click.example/r' });
    expect(error).toMatchObject({ command: 'error', properties: { file: 'gone.html' }, data: 'gone.html: no such file' });
  });
});

describe('JUnit', () => {
  it('parses back with a real XML parser to exactly what was meant, one suite per message and one case per finding', async () => {
    const file = hostileFile();
    const text = await scanTo('junit', [file, SAMPLE]);
    const doc = parseJunit(text);
    const suites = doc.testsuites.testsuite as Array<Record<string, unknown>>;
    const messages = splitJsonl(await scanTo('jsonl', [file, SAMPLE])).messages;
    expect(suites).toHaveLength(messages.length);
    const hostile = suites.find((s) => s.name === visible(file));
    expect(hostile, 'the hostile file by its visible name').toBeDefined();
    const cases = hostile?.testcase as Array<Record<string, unknown>>;
    const findings = messages.find((m) => m.source === file)?.findings ?? [];
    expect(cases).toHaveLength(findings.length);
    for (const c of cases) expect(String(c.classname)).toBe(visible(file));
    expect(Number(doc.testsuites.tests)).toBe(suites.reduce((n, s) => n + (s.testcase as unknown[]).length, 0));
    // Nothing from the message is left raw: no control, bidi override or lone surrogate.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e\u2066]|[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it.skipIf(!HAS_XMLLINT)('is valid against Jenkins junit-10.xsd (xmllint), for scan and check results and a failure', async () => {
    expect(junitSchemaErrors(await scanTo('junit', [hostileFile(), SAMPLE]))).toBe('');
    const checked = renderJunit([fromFileResult({ file: 'x.html', findings: [], error: HOSTILE }), fromFileResult({ file: 'y.html', findings: [], error: null })]);
    expect(junitSchemaErrors(checked)).toBe('');
    // The checker can fail: a suite without its required counts is refused.
    expect(junitSchemaErrors('<testsuites><testsuite name="a"/></testsuites>')).not.toBe('');
  });

  it('attribute values keep line breaks as references; a check finding is named with its place', () => {
    const f: Finding = {
      ruleId: 'PA001',
      rule: 'known-tracker',
      messageKey: 'open',
      category: 'open-tracking',
      tracking: true,
      confidence: 'high',
      url: 'https://x.example/o?a=1&b=<2>',
      kind: 'img',
      file: 't.html',
      position: { line: 2, column: 9 },
      data: { vendorName: 'V"&<', pattern: 'p' },
    };
    const doc = parseJunit(renderJunit([fromFileResult({ file: 't.html', findings: [f], error: null })]));
    const c = (doc.testsuites.testsuite as Array<Record<string, unknown>>)[0].testcase as Array<Record<string, Record<string, string>>>;
    expect(c[0].name).toBe('PA001 known-tracker at 2:9');
    expect(c[0].failure.message).toBe('V"&< open-tracking endpoint (p)');
    expect(c[0].failure['#text']).toBe('V"&< open-tracking endpoint (p): https://x.example/o?a=1&b=<2>\nrule: PA001 known-tracker (open)');
  });
});

describe('every CI format masks the reader', () => {
  it.each(['sarif', 'github', 'junit'])('%s: no form of the address unless --no-redact', async (format) => {
    const file = hostileFile();
    const masked = await scanTo(format, [file]);
    expect(masked).not.toContain(ADDRESS);
    expect(masked).toContain('[address]');
    // The same run without redaction shows it: the check above can fail.
    expect(await scanTo(format, [file, '--no-redact'])).toContain(ADDRESS);
  });
});

describe('scan sources as artifacts', () => {
  it('a message of an mbox lives in the mbox; standard input in no file; an IMAP URL is its own location', () => {
    expect(sourceArtifact('mail/box.mbox#12')).toBe('mail/box.mbox');
    expect(sourceArtifact('mail/a.eml')).toBe('mail/a.eml');
    expect(sourceArtifact('-#3')).toBeUndefined();
    expect(sourceArtifact('-')).toBeUndefined();
    expect(sourceArtifact('imap://h:993/INBOX;UIDVALIDITY=1/;UID=5')).toBe('imap://h:993/INBOX;UIDVALIDITY=1/;UID=5');
  });

  it('a failed message is an error in all three formats', async () => {
    const broken = path.join(dir, 'broken.mbox');
    writeFileSync(broken, `From a@b Thu Mar  3 10:00:00 2005\nFrom: a@b\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n${'!'.repeat(10)}\n--x--\n`);
    const big = ['--max-message-size', '0.0001'];
    const sarif = JSON.parse((await run(['scan', broken, '-f', 'sarif', '-q', ...big])).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/broken\.mbox#1: /);
    expect(sarifErrors(JSON.stringify(sarif))).toEqual([]);
    expect(parseAnnotations((await run(['scan', broken, '-f', 'github', '-q', ...big])).stdout)[0]).toMatchObject({ command: 'error', properties: { title: 'pixelaudit: could not read' } });
    const junit = parseJunit((await run(['scan', broken, '-f', 'junit', '-q', ...big])).stdout);
    expect(junit.testsuites.errors).toBe('1');
  });
});
