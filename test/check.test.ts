import { readFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { htmlMessage, ROOT } from './helpers.js';
import { brief, check, project } from './check-project.js';

describe('check: what a template is judged to do', () => {
  it('reports analytics beacons (GA /collect, Meta pixel) whose ids are template expressions, at the element in the source', async () => {
    const dir = project({
      'a.hbs':
        '<p>Hi {{ user.name }}</p>\n  <img src="https://www.google-analytics.com/collect?v=1&tid=UA-1-1&cid={{ user.id }}&t=event&ea=open" width="1" height="1">\n<img src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1" width="1" height="1" style="display:none">\n',
    });
    const { findings, exitCode } = await check(dir, 'a.hbs');
    expect(findings.map(brief)).toEqual(['2:3 PA001 error', '3:1 PA001 error']);
    expect(findings[0].url).toBe('https://www.google-analytics.com/collect?v=1&tid=UA-1-1&cid={{ user.id }}&t=event&ea=open');
    expect(exitCode).toBe(1);
  });

  it('takes an expression inside a resource URL as a per-recipient id, in every ESP syntax', async () => {
    const cases = ['{{ user.id }}', '{% uid %}', '*|UNIQID|*', '%%subscriber_uuid%%', '{contactfield=id}', '[[SUBSCRIBER_ID]]', '{{.Subscriber.UUID}}', '<%= @user.id %>'];
    const html = cases.map((c) => `<img src="https://news.example.com/logo.png?u=${c}">`).join('\n');
    const { findings } = await check(project({ 't.html': html }), 't.html');
    expect(findings.map((f) => `${f.position.line} ${f.ruleId} ${f.severity} ${String(f.data.expression)}`)).toEqual(cases.map((c, i) => `${i + 1} PA012 error ${c}`));
  });

  it('takes other expressions in a visible image URL as content (info), and in a link as nothing', async () => {
    const dir = project({
      't.html': '<img src="https://cdn.example/resize?w={{ width }}&src={{ product.image }}">\n<img src="https://cdn.example/o.gif?c={{ campaign }}" width="1" height="1">\n<a href="https://shop.example/p?lang={{ locale }}">p</a>',
    });
    expect((await check(dir, 't.html')).findings.map(brief)).toEqual(['1:1 PA012 info', '2:1 PA002 error']);
  });

  it('does not judge a visible image or link whose URL is an expression as a whole, nor a hidden literal asset (its host is decided outside the template)', async () => {
    const dir = project({ 't.liquid': `<img src='{{ 'notifications/spacer.png' | shopify_asset_url }}' class='spacer' height='1'>\n<a href="{{ UnsubscribeURL }}">u</a><img src="{{ logo_url }}">` });
    expect((await check(dir, 't.liquid')).findings).toEqual([]);
  });

  it('judges a hidden image whose URL is an expression as a whole as open tracking of an unknown host', async () => {
    const dir = project({ 't.hbs': '<p>x</p>\n<img src="{{ open_url }}" width="1" height="1" style="display:none">\n<img src="{{ base }}/o.gif" style="display:none">' });
    const { findings } = await check(dir, 't.hbs');
    expect(findings.map(brief)).toEqual(['2:1 PA012 error', '3:1 PA012 error']);
    expect(findings[0]).toMatchObject({ url: '{{ open_url }}', data: { where: 'host' }, tracking: true });
  });

  it('judges a URL behind a block tag: the tag writes nothing, the URL is what the engine writes', async () => {
    const dir = project({
      'c1.hbs': '<img src="{{#if track}}https://img.example.org/o.gif?u={{ user.id }}{{/if}}" width="1" height="1">',
      'c2.hbs': '<img src="{{#if x}}{{/if}}https://img.example.org/o.gif?u={{ user.id }}" width="1" height="1">',
      'c3.liquid': '<img src="https://img.example.org/p.png?{% if a %}u={{ user.id }}{% endif %}">',
    });
    expect((await check(dir, 'c1.hbs')).findings.map((f) => `${brief(f)} ${f.url}`)).toEqual(['1:1 PA002 error https://img.example.org/o.gif?u={{ user.id }}']);
    expect((await check(dir, 'c2.hbs')).findings.map(brief)).toEqual(['1:1 PA002 error']);
    expect((await check(dir, 'c3.liquid')).findings.map((f) => `${brief(f)} ${f.url}`)).toEqual(['1:1 PA012 error https://img.example.org/p.png?u={{ user.id }}']);
  });

  it('reads a template host as an expression, not as a parse failure, and still reports the pixel', async () => {
    const { findings } = await check(project({ 't.html': '<img src="https://{{ host }}/o/{{ id }}.gif" width="1" height="1">' }), 't.html');
    expect(findings).toHaveLength(1);
    expect(findings[0].url).toBe('https://{{ host }}/o/{{ id }}.gif');
    expect(findings[0].category).toBe('open-tracking');
  });

  it('keeps quotes inside an expression from ending the attribute (Go html/template)', async () => {
    const dir = project({ 't.tmpl': '<a href="https://x.example/c?id={{ index . "ID" }}">x</a><img src="https://x.example/p.gif?c={{ index . "ID" }}">' });
    const { findings } = await check(dir, 't.tmpl');
    expect(findings.map((f) => `${f.ruleId} ${f.url}`)).toEqual(['PA013 https://x.example/c?id={{ index . "ID" }}', 'PA012 https://x.example/p.gif?c={{ index . "ID" }}']);
  });

  it('counts columns in UTF-16 code units past an expression holding astral characters (SARIF columnKind utf16CodeUnits)', async () => {
    const line = '<p>{{ "\u{1F600}\u{1F600}" }}</p><img src="https://u1.ct.sendgrid.net/wf/open?upn={{ user.id }}" width="1" height="1">';
    const { findings } = await check(project({ 't.html': `${line}\n` }), 't.html');
    expect(findings.map(brief)).toEqual([`1:${line.indexOf('<img') + 1} PA001 error`]);
  });

  it('reports utm-only links as campaign tagging (info, not tracking); a per-recipient utm value as link tracking', async () => {
    const dir = project({
      't.html':
        '<a href="https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=dec">a</a>\n<a href="https://shop.example/?utm_source=news&utm_content={{ message.uuid }}">b</a>\n<a href="https://shop.example/unsubscribe?t={{ token }}">c</a>',
    });
    const { findings, exitCode } = await check(dir, 't.html');
    expect(findings.map((f) => `${brief(f)} ${f.category} ${String(f.tracking)}`)).toEqual(['1:1 PA014 info campaign-tagging false', '2:1 PA013 warning link-tracking false']);
    expect(exitCode).toBe(0);
  });

  it('reports a merge field of the recipient address in a URL as an address leak', async () => {
    const { findings } = await check(project({ 't.html': '<a href="https://x.example/r?e=*|EMAIL|*">m</a>' }), 't.html');
    expect(findings.map((f) => `${f.ruleId} ${f.category} ${f.severity}`)).toEqual(['PA013 address-leak error']);
  });

  it('reports the tags of rules/templates where they stand: expression, token, comment, text and URL suffix', async () => {
    const dir = project({
      't.tpl': '<a href="https://listmonk.app@TrackLink">l</a>\n{{ TrackView }}\n<img src="{tracking_pixel}" width="1" height="1">\n<!-- email open check -->\n<p>[USERTRACK]</p>\n<a href="https:/\u200c/listmonk.app@TrackLink">no</a>',
    });
    const { findings } = await check(dir, 't.tpl');
    expect(findings.map((f) => `${brief(f)} ${String(f.data.tag)}`)).toEqual([
      // A tag in a URL points at the tag (the URL) itself, not at its element: href=" is 9 characters in.
      '1:10 PA011 warning listmonk-tracklink-suffix',
      '2:1 PA011 error listmonk-trackview',
      '3:11 PA011 error mautic-tracking-pixel',
      '4:1 PA011 error frappe-email-open-check',
      '5:4 PA011 error phplist-usertrack',
    ]);
  });

  it('does not report a tag inside a template comment, which renders nothing', async () => {
    const dir = project({ 't.hbs': '{{! TrackView }}\n{{!-- TrackView --}}\n{{/* TrackView */}}\n{{ TrackView }}', 't.j2': '{# {{ TrackView }} #}\n{{ TrackView }}' });
    expect((await check(dir, 't.hbs')).findings.map(brief)).toEqual(['4:1 PA011 error']);
    expect((await check(dir, 't.j2')).findings.map(brief)).toEqual(['2:1 PA011 error']);
  });

  it('does not take CSS blocks or JSON for Mautic tokens, nor an unclosed {{ for an expression', async () => {
    const dir = project({ 't.html': '<style>a{color:red} .x{display:none}</style><img src="https://cdn.example/a.png?v={{ unclosed">\n<p>{{{{{{{{</p>' });
    expect((await check(dir, 't.html')).findings).toEqual([]);
  });

  it("checks an .eml with the scan's MIME path, positions in its decoded HTML", async () => {
    const eml = htmlMessage('<p>hi</p>\n<img src="https://www.google-analytics.com/collect?v=1&tid=UA-1-1&cid=555&t=event" width="1" height="1">');
    const { findings, report } = await check(project({ 'sent.eml': eml }), 'sent.eml');
    expect(report?.files[0].syntax).toBe('eml');
    expect(findings.map(brief)).toEqual(['2:1 PA001 error']);
    // Named without an extension, a message is known by its content; an mbox is sent to scan.
    const dir = project({ campaign: eml, box: Buffer.concat([Buffer.from('From a@b Thu Mar  3 10:00:00 2005\n'), eml]) });
    const named = await check(dir, 'campaign', 'box');
    expect(named.report?.files.map((f) => `${f.file} ${f.syntax} ${f.findings.length} ${f.error ?? ''}`)).toEqual(['campaign eml 1 ', 'box mbox 0 an mbox: check reads one message per file; use pixelaudit scan for a mailbox']);
  });
});

describe('check: suppressions, baseline, configuration, exit codes', () => {
  const pixel = (n: number): string => `<img src="https://stats.example.org/px${n}.gif?r={{ subscriber.id }}">`;

  it('suppresses the next element for the named rule when a reason is given; without one, it is a finding itself', async () => {
    const dir = project({
      't.html': `<!-- pixelaudit-disable-next-element PA012 -- our own counter, approved in #12 -->\n${pixel(1)}\n<!-- pixelaudit-disable-next-element template-id-in-resource -->\n${pixel(2)}\n<!-- pixelaudit-disable-next-element PA001 -- wrong rule -->\n${pixel(3)}`,
    });
    const { findings, report } = await check(dir, 't.html');
    expect(findings.map(brief)).toEqual(['3:1 PA015 error', '4:1 PA012 error', '6:1 PA012 error']);
    expect(report?.summary.suppressed).toBe(1);
  });

  it('--write-baseline never writes over the config, a package.json, the --config file, a checked file or another output', async () => {
    const config = '{ "failOn": "error" }\n';
    const pkg = '{ "name": "site", "pixelaudit": { "failOn": "error" } }\n';
    const dir = project({ 't.html': pixel(1), 'pixelaudit.config.json': config, 'x.json': config, 'sub/package.json': pkg, 'sub/t.html': pixel(1), 'other/package.json': '{ "name": "o" }\n', 'out.sarif': 'old\n' });
    const cases: Array<[string[], string]> = [
      [['check', 't.html', '--write-baseline', '--baseline', 'pixelaudit.config.json'], 'pixelaudit.config.json'],
      [['check', 't.html', '--config', 'x.json', '--baseline', 'x.json', '--write-baseline'], 'x.json'],
      [['check', 't.html', '--write-baseline', '--baseline', 'other/package.json'], 'other/package.json'],
      [['check', 't.html', '--write-baseline', '--baseline', 'out.sarif', '-f', 'sarif:out.sarif'], 'out.sarif'],
      [['check', 't.html', '--write-baseline', '--baseline', 't.html'], 't.html'],
    ];
    for (const [args, file] of cases) {
      const before = readFileSync(path.join(dir, file), 'utf8');
      const r = await run(args, { cwd: dir });
      expect([r.exitCode, r.stderr.trim().split('\n').length], args.join(' ')).toEqual([2, 1]);
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(before);
    }
    const inSub = await run(['check', 't.html', '--write-baseline', '--baseline', 'package.json'], { cwd: path.join(dir, 'sub') });
    expect(inSub.exitCode).toBe(2);
    expect(readFileSync(path.join(dir, 'sub', 'package.json'), 'utf8')).toBe(pkg);
  });

  it('a baselined pixel whose expression changes is new: {{ width }} -> {{ subscriber.uuid }}, {{ user.id }} -> {{ user.email }}; old or unknown baselines are refused', async () => {
    const a = '<img src="https://stats.example.org/px.gif?w={{ width }}">';
    const b = '<img src="https://stats.example.org/px.gif?u={{ user.id }}">';
    const dir = project({ 't.html': `${a}\n${b}` });
    expect((await run(['check', 't.html', '--write-baseline', '--baseline', 'base.json'], { cwd: dir })).exitCode).toBe(0);
    writeFileSync(path.join(dir, 't.html'), `<p>x</p>\n${a.replace('{{ width }}', '{{width}}')}\n${b}`);
    expect((await check(dir, 't.html', '--baseline', 'base.json')).findings).toEqual([]);
    writeFileSync(path.join(dir, 't.html'), `${a.replace('width', 'subscriber.uuid')}\n${b.replace('user.id', 'user.email')}`);
    const changed = await check(dir, 't.html', '--baseline', 'base.json');
    expect(changed.findings.map((f) => f.position.line)).toEqual(expect.arrayContaining([1, 2]));
    expect(changed.exitCode).toBe(1);
    const data = JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')) as Record<string, unknown>;
    for (const bad of [
      { ...data, version: 1 },
      { ...data, version: 3 },
      { ...data, extra: true },
    ]) {
      writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
      const r = await run(['check', 't.html', '--baseline', 'bad.json'], { cwd: dir });
      expect([r.exitCode, r.stderr.trim().split('\n').length]).toEqual([2, 1]);
    }
  });

  it('suppression text that is not a comment node (an alt or title attribute, a textarea) suppresses nothing', async () => {
    const directive = '<!-- pixelaudit-disable-next-element PA012 -- ok -->';
    const dir = project({
      't.html': `<img alt="${directive}" src="a.png">\n${pixel(1)}\n<p title="${directive}">x</p>\n${pixel(2)}\n<textarea>${directive}</textarea>\n${pixel(3)}\n${directive}\n${pixel(4)}`,
    });
    const { findings, report } = await check(dir, 't.html');
    expect(findings.filter((f) => f.ruleId === 'PA012').map((f) => f.position.line)).toEqual([2, 4, 6]);
    expect(report?.summary.suppressed).toBe(1);
  });

  it('keeps baseline fingerprints across unrelated edits, and reports only what is new', async () => {
    const dir = project({ 't.html': `<p>a</p>\n${pixel(1)}\n${pixel(1)}` });
    const written = await run(['check', 't.html', '--write-baseline', '--baseline', 'base.json'], { cwd: dir });
    expect(written.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')).findings).toHaveLength(2);
    // Lines and elements added above and between, the same pixel kept twice: nothing new.
    writeFileSync(path.join(dir, 't.html'), `<h1>Title</h1>\n<p>new paragraph</p>\n<p>a</p>\n${pixel(1)}\n<table><tr><td>x</td></tr></table>\n${pixel(1)}`);
    const same = await check(dir, 't.html', '--baseline', 'base.json');
    expect([same.exitCode, same.findings.length, same.report?.summary.baselined]).toEqual([0, 0, 2]);
    // Moved into another element, a pixel is new (its element path changed); so are a third copy and a new pixel.
    writeFileSync(path.join(dir, 't.html'), `${pixel(1)}\n<div>${pixel(1)}</div>`);
    expect((await check(dir, 't.html', '--baseline', 'base.json')).findings.map(brief)).toEqual(['2:6 PA012 error']);
    writeFileSync(path.join(dir, 't.html'), `${pixel(1)}\n${pixel(1)}\n${pixel(1)}\n${pixel(2)}`);
    const more = await check(dir, 't.html', '--baseline', 'base.json');
    expect(more.findings.map(brief)).toEqual(['3:1 PA012 error', '4:1 PA012 error']);
    expect(more.exitCode).toBe(1);
  });

  it('finds its configuration upward from the working folder, package.json "pixelaudit" key included', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'x', pixelaudit: { rules: { PA012: 'warning' }, allowedHosts: ['example.org'] } }),
      'emails/t.html': `${pixel(1)}\n<img src="https://cdn.other.example/p.gif?r={{ rid }}">`,
    });
    const { findings, exitCode } = await check(path.join(dir, 'emails'), 't.html');
    expect(findings.map((f) => `${brief(f)} ${f.host ?? ''}`)).toEqual(['2:1 PA012 warning cdn.other.example']);
    expect(exitCode).toBe(0);
    const strict = await check(path.join(dir, 'emails'), 't.html', '--max-warnings', '0');
    expect(strict.exitCode).toBe(1);
  });

  it('refuses a configuration that does not validate: one line per problem with its path, exit 2', async () => {
    const dir = project({ 'pixelaudit.config.json': JSON.stringify({ rules: { PA012: 'warn', PA999: 'off' }, failon: 'error', allowedHosts: ['not a host'] }), 't.html': pixel(1) });
    const r = await run(['check', 't.html'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines.every((l) => l.startsWith(`pixelaudit: ${path.join(dir, 'pixelaudit.config.json')}: `))).toBe(true);
    expect(lines.map((l) => l.slice(l.lastIndexOf('.json: ') + 7))).toEqual([
      'top level: unknown key "failon"',
      'rules.PA012: must be one of off, info, warning, error',
      'allowedHosts[0]: must be a host name such as example.com',
      'rules.PA999: no rule has this id or alias (pixelaudit rules lists them)',
    ]);
    const unknown = await run(['check', 't.html', '--config', 'c.json'], { cwd: project({ 'c.json': '{"rules":{"PA999":"off"}}', 't.html': '' }) });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/rules\.PA999: no rule has this id or alias/);
  });

  it('exits 2 for a path that names nothing and for a file it cannot read; walks folders and expands quoted globs', async () => {
    const dir = project({ 'a/x.html': pixel(1), 'a/b/y.hbs': pixel(2), 'a/README.md': pixel(3), 'a/.hidden/z.html': pixel(4), 'bin.html': Buffer.from([0, 1, 2]) });
    expect((await run(['check', 'nothing-here.html'], { cwd: dir })).exitCode).toBe(2);
    expect((await run(['check', 'a/**/*.njk'], { cwd: dir })).exitCode).toBe(2);
    const walked = await check(dir, 'a');
    expect(walked.report?.files.map((f) => f.file)).toEqual(['a/b/y.hbs', 'a/x.html']);
    const globbed = await check(dir, 'a/**/*.hbs');
    expect(globbed.report?.files.map((f) => f.file)).toEqual(['a/b/y.hbs']);
    const binary = await check(dir, 'bin.html');
    expect([binary.exitCode, binary.report?.files[0].error]).toEqual([2, 'binary file, not a template']);
  });

  it('prints a table with file:line:column, and never a control character from the template', async () => {
    const dir = project({ 't.html': `<p>x</p>\n<img src="https://x.example/p.gif?u={{ id\u001b[2J }}">` });
    const r = await run(['check', 't.html'], { cwd: dir });
    expect(r.stdout).toContain('t.html:2:1');
    expect(r.stdout).toContain('PA012 template-id-in-resource');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toMatch(/1 finding \(1 error, 0 warnings, 0 info\) in 1 file/);
  });

  it('never contacts a URL found in a template', async () => {
    let requests = 0;
    const server = createServer((_, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = project({ 't.html': `<img src="${base}/o.gif?u={{ id }}"><link rel="stylesheet" href="${base}/s.css"><style>@import "${base}/i.css";</style><a href="${base}/c?u={{ id }}">x</a>` });
    const r = await check(dir, 't.html');
    await new Promise((resolve) => server.close(resolve));
    expect(r.findings.length).toBeGreaterThan(0);
    expect(requests).toBe(0);
  });
});

describe('check through the built bin', () => {
  it('exits 1 with the finding at file:line:column, 0 with --fail-on never, 2 on a bad config', async () => {
    const dir = project({ 'news.hbs': '<p>x</p>\n<p>{{ TrackView }}</p>', 'bad.json': '{"failOn":"sometimes"}' });
    const bin = path.join(ROOT, 'bin', 'pixelaudit.js');
    const exec = promisify(execFile);
    const failed = await exec(process.execPath, [bin, 'check', 'news.hbs'], { cwd: dir }).catch((e: unknown) => e as { code: number; stdout: string });
    expect([failed.code, failed.stdout.includes('news.hbs:2:4')]).toEqual([1, true]);
    const passed = await exec(process.execPath, [bin, 'check', 'news.hbs', '--fail-on', 'never'], { cwd: dir });
    expect(passed.stdout).toContain('PA011 template-tracking-tag');
    const bad = await exec(process.execPath, [bin, 'check', 'news.hbs', '--config', 'bad.json'], { cwd: dir }).catch((e: unknown) => e as { code: number; stderr: string });
    expect([bad.code, bad.stderr.trim()]).toEqual([2, `pixelaudit: ${path.join(dir, 'bad.json')}: failOn: must be one of error, warning, info, never`]);
  });
});
