import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { parseAnnotations, parseJunit, sarifErrors } from './ci-format-checkers.js';
import { check, project } from './check-project.js';

const PIXEL = '<img src="https://u1.ct.sendgrid.net/wf/open?upn=abc123" width="1" height="1">';

/** multipart/mixed ( multipart/alternative ( text/plain, text/html ), an attached .html ): the HTML body is part 1.2. */
const EML = [
  'From: News <news@example.com>',
  'To: reader@example.org',
  'Subject: Hello',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary="inner"',
  '',
  '--inner',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello',
  '--inner',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<p>Hello</p>',
  PIXEL.replace(/=/g, '=3D'),
  '--inner--',
  '--outer',
  'Content-Type: text/html; name="terms.html"',
  'Content-Disposition: attachment; filename="terms.html"',
  '',
  '<p>Terms</p>',
  '--outer--',
  '',
].join('\r\n');

describe('check on an .eml: a position in its decoded HTML part is labelled as one, never as a line of the file', () => {
  it('names the IMAP part number in the table, GitHub, JUnit and SARIF (properties, no region)', async () => {
    const dir = project({ 'sent.eml': EML });
    const { findings } = await check(dir, 'sent.eml');
    expect(findings.map((f) => `${f.htmlPart} ${f.position.line}:${f.position.column} ${f.ruleId}`)).toEqual(['part 1.2 (text/html) 2:1 PA001']);
    const table = await run(['check', 'sent.eml'], { cwd: dir });
    expect(table.stdout).toContain('sent.eml part 1.2 (text/html) 2:1  error');
    expect(table.stdout).not.toMatch(/sent\.eml:\d/);
    const r = await run(['check', 'sent.eml', '-f', 'github', '-f', 'sarif:out.sarif', '-f', 'junit:out.xml'], { cwd: dir });
    const [annotation] = parseAnnotations(r.stdout);
    expect(annotation.properties).toMatchObject({ file: 'sent.eml' });
    expect(annotation.properties.line).toBeUndefined();
    expect(annotation.data).toContain('in sent.eml (line 2, column 1 of part 1.2 (text/html), decoded)');
    const { readFileSync } = await import('node:fs');
    const sarif = readFileSync(`${dir}/out.sarif`, 'utf8');
    expect(sarifErrors(sarif)).toEqual([]);
    const result = JSON.parse(sarif).runs[0].results[0];
    expect(result.locations[0].physicalLocation.region).toBeUndefined();
    expect(result.properties).toMatchObject({ htmlPart: 'part 1.2 (text/html)', htmlPosition: { line: 2, column: 1 } });
    expect(JSON.stringify(parseJunit(readFileSync(`${dir}/out.xml`, 'utf8')))).toContain('part 1.2 (text/html)');
  });

  it('a single-part message is part 1', async () => {
    const dir = project({ 'one.eml': `From: a@example.com\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n${PIXEL}\r\n` });
    expect((await check(dir, 'one.eml')).findings.map((f) => f.htmlPart)).toEqual(['part 1 (text/html)']);
  });
});
