// In a template, a value written as a literal is the same in every copy sent: it cannot tell the
// sender who opened or clicked (attack13b/t15 f3, f7), and an expression owned by someone else
// (the author's Gravatar hash, f5) is not the recipient's address. What stays a failure: a known
// tracker, an open-style path, and expressions naming the recipient.
import { describe, expect, it } from 'vitest';
import { brief, check, project } from './check-project.js';
import { run } from '../src/cli/run.js';

const page = (body: string): string => `<html><body>\n${body}\n</body></html>\n`;

describe('check: literal values and other people are not per-recipient', () => {
  it('a literal id in a link query and in a hidden spacer are info (exit 0); the same with an expression naming the recipient fails', async () => {
    const dir = project({
      'ref.hbs': page('<a href="https://example.com/blog/post?ref=5f2b9c0e8d7a4b3c9e1f2a3b">Read</a>'),
      'spacer.hbs': page('<img src="https://img.example.org/spacer.gif?v=5f2b9c0e8d7a4b3c9e1f" width="1" height="1" style="display:block">'),
      'user.hbs': page('<img src="https://img.example.org/spacer.gif?v={{ user.id }}" width="1" height="1">'),
    });
    const literal = await check(dir, 'ref.hbs', 'spacer.hbs');
    expect(literal.findings.map((f) => `${f.file} ${brief(f)}`)).toEqual(['ref.hbs 2:1 PA006 info', 'spacer.hbs 2:1 PA002 info']);
    expect(literal.exitCode).toBe(0);
    const user = await check(dir, 'user.hbs');
    expect(user.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(user.exitCode).toBe(1);
  });

  it('a literal hidden pixel of a known tracker or on an open-style path still fails', async () => {
    const dir = project({
      'ga.hbs': page('<img src="https://www.google-analytics.com/collect?v=1&tid=UA-1234-1&cid=555&t=event" width="1" height="1">'),
      'open.hbs': page('<img src="https://img.example.org/open.gif?v=5f2b9c0e8d7a4b3c9e1f" width="1" height="1">'),
    });
    const r = await check(dir, 'ga.hbs', 'open.hbs');
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.file)).toEqual(['ga.hbs', 'open.hbs']);
    expect(r.exitCode).toBe(1);
  });

  it('a rule set to error in the config is error for literal values too', async () => {
    const dir = project({ 'pixelaudit.config.json': '{"rules":{"PA006":"error"}}', 'ref.hbs': page('<a href="https://example.com/p?ref=5f2b9c0e8d7a4b3c9e1f2a3b">x</a>') });
    expect((await check(dir, 'ref.hbs')).findings.map(brief)).toEqual(['2:1 PA006 error']);
  });

  it("the author's Gravatar hash is not the recipient's address; the recipient's is", async () => {
    const dir = project({
      'author.hbs': page('<img src="https://www.gravatar.com/avatar/{{ author.email_hash }}?s=48" width="48" height="48">'),
      'reader.hbs': page('<img src="https://www.gravatar.com/avatar/{{ user.email_hash }}?s=48" width="48" height="48">'),
    });
    const r = await check(dir, 'author.hbs', 'reader.hbs');
    expect(r.findings.map((f) => `${f.file} ${f.category} ${f.severity}`)).toEqual(['author.hbs open-tracking info', 'reader.hbs address-leak error']);
  });

  it('an .eml is judged as scan judges it: a literal id there was sent to one recipient', async () => {
    const dir = project({ 'sent.eml': 'From: a@example.com\r\nTo: b@example.org\r\nSubject: hi\r\nContent-Type: text/html\r\n\r\n<a href="https://example.com/p?ref=5f2b9c0e8d7a4b3c9e1f2a3b">x</a>\r\n' });
    const r = await run(['check', 'sent.eml', '-f', 'json'], { cwd: dir });
    expect(r.stdout).toContain('"severity": "warning"');
  });
});
