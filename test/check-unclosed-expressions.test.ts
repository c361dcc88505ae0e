import { describe, expect, it } from 'vitest';
import { MAX_UNCLOSED } from '../src/check/check-template.js';
import { scanExpressions } from '../src/check/template-expressions.js';
import { brief, check, project } from './check-project.js';

const PIXEL = '<img src="https://t.example/o.gif?u={{ user.id }}" width="1" height="1">';
const GA = '<img src="https://www.google-analytics.com/collect?v=1&tid=UA-1-1&cid=555&t=event">';

describe('check: an expression opened and never closed before markup (PA016)', () => {
  it('a one-brace typo does not swallow the pixel on the next line: the opener is a warning, the rest is read as HTML', async () => {
    const dir = project({ 'a.hbs': `<p>{{ a }</p>\n${PIXEL}\n<p>{{ b }}</p>\n`, 'b.html': `<p>{{ a }</p>\n${GA}\n<p>{{ b }}</p>\n` });
    const a = await check(dir, 'a.hbs');
    expect(a.findings.map(brief)).toEqual(['1:4 PA016 warning', '2:1 PA002 error']);
    expect(a.findings[0].data).toMatchObject({ open: '{{', stopLine: 1 });
    expect(a.exitCode).toBe(1);
    expect((await check(dir, 'b.html')).findings.map(brief)).toEqual(['1:4 PA016 warning', '2:1 PA001 error']);
  });

  it('ends {%, {{{, *|...|* and [[...]] the same way; a merge tag also at a line break', async () => {
    const dir = project({
      'c.j2': `{% if x </p>\n${GA}\n{% endif %}`,
      // A tag start alone does not end an expression (a comparison holds `<`): the opener after it does.
      'd.hbs': `{{{ raw <br>\n${GA}\n{{ b }}}`,
      'e.html': `*|FNAME\n${GA} |*`,
      'f.html': `[[ID\n<b>x</b> ]]`,
    });
    expect((await check(dir, 'c.j2')).findings.map(brief)).toEqual(['1:1 PA016 warning', '2:1 PA001 error']);
    expect((await check(dir, 'd.hbs')).findings.map(brief)).toEqual(['1:1 PA016 warning', '2:1 PA001 error']);
    expect((await check(dir, 'e.html')).findings.map(brief)).toEqual(['1:1 PA016 warning', '2:1 PA001 error']);
    expect((await check(dir, 'f.html')).findings.map(brief)).toEqual(['1:1 PA016 warning']);
  });

  it('leaves markup inside string literals, comments, ERB and PHP to the expression (the corpus has edX strings holding <strong>)', () => {
    const src = `{% interpolate_html t start='<strong>'|safe end="</strong>" %}{{!-- ${GA} }} --}}{{! <b> }}<% if a <b %>{{/* <p> */}}{{ "\\"<p>" }}`;
    const { expressions, unclosed } = scanExpressions(src, 'handlebars');
    expect(unclosed).toEqual([]);
    expect(expressions.map((e) => e.text)).toEqual([`{% interpolate_html t start='<strong>'|safe end="</strong>" %}`, `{{!-- ${GA} }} --}}`, '{{! <b> }}', '{{/* <p> */}}', '{{ "\\"<p>" }}']);
    // Mustache has no {{!-- --}} block comment: there it ends at the first }}.
    expect(scanExpressions('{{!-- a }} <img> --}}', 'mustache').expressions.map((e) => e.text)).toEqual(['{{!-- a }}']);
    expect(scanExpressions('<% if a <b %>', 'erb').expressions).toHaveLength(1);
    expect(scanExpressions('{# <i> #}', 'jinja').expressions.map((e) => e.text)).toEqual(['{# <i> #}']);
  });

  it('stays one pass over openers that each end at markup before a far closer', () => {
    const hostile = '{{ <p>'.repeat(100_000) + '}}';
    const { expressions, unclosed } = scanExpressions(hostile, 'auto');
    // Each but the last meets the next opener before the closer; the last is closed.
    expect(expressions.map((e) => e.text)).toEqual(['{{ <p>}}']);
    expect(unclosed).toHaveLength(99_999);
  });
});

describe('Liquid reads an output up to its first }, quotes and markup included (Shopify liquid tokenizer)', () => {
  it('a quote cannot carry a Liquid output over the markup after its first }', async () => {
    const dir = project({ 't.liquid': `{{ ' }</p>\n${GA}\n' }}\n<p>{{ product.title }}</p>` });
    const { findings } = await check(dir, 't.liquid');
    expect(findings.map(brief)).toEqual(['2:1 PA001 error']);
    expect(scanExpressions("{{ a }} {{ b } c {% t '<b>' %}", 'liquid').expressions.map((e) => e.text)).toEqual(['{{ a }}', '{{ b }', "{% t '<b>' %}"]);
  });
});

describe('PA016 findings of one file are capped (issue 13 second attack, finding 1)', () => {
  it('lists the first MAX_UNCLOSED openers and one finding that counts the rest', async () => {
    const dir = project({ 'many.hbs': '<p>{{ a }</p>\n'.repeat(100) + PIXEL + '\n' });
    const { findings } = await check(dir, 'many.hbs');
    const unclosed = findings.filter((f) => f.ruleId === 'PA016');
    expect(unclosed).toHaveLength(MAX_UNCLOSED + 1);
    expect(unclosed[MAX_UNCLOSED].data).toMatchObject({ count: 100 - MAX_UNCLOSED, line: MAX_UNCLOSED + 1 });
    expect(unclosed[MAX_UNCLOSED].messageKey).toBe('more');
    // The pixel after them all is still judged.
    expect(findings.map(brief)).toContain('101:1 PA002 error');
  });
});

describe('a comparison in an expression is no tag start (issue 13 second attack, finding 4)', () => {
  const DC = '<img src="https://ad.doubleclick.net/ddm/ad/x.gif?u={{ user.id }}" width="1" height="1">';
  it('judges the pixel after {% if a<b %} in Jinja, Nunjucks, Twig and a file of unknown language, with no PA016', async () => {
    // jinja2 3.1.6 renders j2.j2 as <img src="https://ad.doubleclick.net/ddm/ad/x.gif?u=abc-123-def" width="1" height="1">.
    const body = `<html><body>\n{% if user.opens<max_opens %}${DC}{% endif %}\n</body></html>`;
    const dir = project({ 'j2.j2': body, 'k1.njk': body, 'k1.twig': body, 'k1.html': body });
    for (const f of ['j2.j2', 'k1.njk', 'k1.twig', 'k1.html']) expect((await check(dir, f)).findings.map(brief), f).toEqual(['2:30 PA001 error']);
  });

  it('a < in an output, conditional or not, ends nothing either', async () => {
    const dir = project({
      'k2.j2': '<a href="https://news.example.com/c?u={{ user.id if user.score<limit else user.id }}">read</a>\n{{ "<b>" if a<b }}<img src="https://s.example.net/o.gif?u={{ user.id }}" width="1" height="1">',
    });
    expect((await check(dir, 'k2.j2')).findings.map(brief)).toEqual(['1:1 PA013 warning', '2:19 PA002 error']);
    expect(scanExpressions('{{ a<b }}{% if c <d %}x{% endif %}', 'jinja').unclosed).toEqual([]);
  });

  it('an opener before the closer still proves the first unclosed, and it ends at its first tag start', () => {
    const { unclosed } = scanExpressions('{% if a<b </p>\n<img src="x?u={{ user.id }}">{% endif %}', 'jinja');
    expect(unclosed).toEqual([{ start: 0, open: '{%', stop: 7 }]);
    // A stray quote does not carry the expression over the next opener.
    expect(scanExpressions('<p>{{ a\' }</p>\n<img src="x?u={{ user.id }}">', 'handlebars').unclosed).toEqual([{ start: 3, open: '{{', stop: 10 }]);
  });
});

describe('a closer inside a string literal ends nothing (issue 13 second attack, finding 4)', () => {
  it('reads {{ "Use }} to close, {# to comment" }} as one expression, so the pixel after it is judged', async () => {
    // jinja2 3.1.6 renders q.j2 as <p>Use }} to close, {# to comment</p>, the pixel, <p>and #} to end it</p>.
    const q = '<html><body>\n<p>{{ "Use }} to close, {# to comment" }}</p>\n<img src="https://ad.doubleclick.net/ddm/ad/x.gif?u={{ user.id }}" width="1" height="1">\n<p>{{ "and #} to end it" }}</p>\n</body></html>';
    const dir = project({ 'q.j2': q, 'q.hbs': q.replace(/\{#/g, '{{!').replace(/#\}/g, '}}') });
    expect((await check(dir, 'q.j2')).findings.map(brief)).toEqual(['3:1 PA001 error']);
    expect(scanExpressions(q, 'jinja').expressions.map((e) => e.text)).toEqual(['{{ "Use }} to close, {# to comment" }}', '{{ user.id }}', '{{ "and #} to end it" }}']);
    expect(scanExpressions('{{ a "b }}" c }}', 'handlebars').expressions.map((e) => e.text)).toEqual(['{{ a "b }}" c }}']);
  });

  it('a stray quote does not swallow the file: past MAX_STRING characters the first closer ends it', () => {
    const src = `{{ a" }}${' '.repeat(2000)}<img src="x?u={{ user.id }}">`;
    expect(scanExpressions(src, 'jinja').expressions.map((e) => e.text)).toEqual(['{{ a" }}', '{{ user.id }}']);
    // A comment may hold an apostrophe.
    expect(scanExpressions("{{! don't }}{{ x }}", 'handlebars').expressions.map((e) => e.text)).toEqual(["{{! don't }}", '{{ x }}']);
  });
});
