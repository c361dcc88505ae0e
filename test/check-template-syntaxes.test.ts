import { describe, expect, it } from 'vitest';
import { maskExpressions } from '../src/check/placeholders.js';
import { scanExpressions } from '../src/check/template-expressions.js';
import { brief, check, project } from './check-project.js';

const PIXEL = '<img src="https://img.example.org/o.gif?u={{ user.id }}" width="1" height="1" alt="">';
const LINK = '<a href="https://shop.example.org/sale?uid={{ user.id }}">Sale</a>';
// Responsive CSS glued to an id selector: `{#header` is a Jinja comment start, text to everyone else.
const NEWS = `<html><head><style>@media only screen and (max-width:600px){#header{width:100%!important}}</style></head>\n<body>\n${PIXEL}\n${LINK}\n{# footer #}\n</body></html>`;
const texts = (source: string, syntax: Parameters<typeof scanExpressions>[1]): string[] => scanExpressions(source, syntax).expressions.map((e) => e.text);

describe('check: each template language has its own delimiters', () => {
  it('{# is a comment only in Jinja, Twig and Nunjucks: CSS {#header in an .html, .hbs, .liquid or Go file hides nothing', async () => {
    const dir = project({ 'n.html': NEWS, 'n.hbs': NEWS, 'n.liquid': NEWS, 'n.tmpl': NEWS, 'n.mustache': NEWS });
    for (const f of ['n.html', 'n.hbs', 'n.liquid', 'n.tmpl', 'n.mustache']) expect((await check(dir, f)).findings.map(brief), f).toEqual(['3:1 PA002 error', '4:1 PA006 warning']);
  });

  it('in Jinja, Twig and Nunjucks {# is a comment wherever it stands, as their lexers read it; never closed it is PA016 and the rest is HTML', async () => {
    const unclosed = `<style>@media screen{#header{width:100%}}</style>\n${PIXEL}\n`;
    const dir = project({ 'a.j2': NEWS, 'b.j2': unclosed, 'b.twig': unclosed, 'b.njk': unclosed });
    // Jinja renders NEWS without the pixel and the link (they are inside the comment to `#}`): nothing to report.
    expect((await check(dir, 'a.j2')).findings).toEqual([]);
    for (const f of ['b.j2', 'b.twig', 'b.njk']) {
      const r = await check(dir, f);
      expect(r.findings.map(brief), f).toEqual(['1:21 PA016 warning', '2:1 PA002 error']);
      expect(r.findings[0].data).toMatchObject({ open: '{#', stop: 'end of the file', stopLine: 3 });
    }
  });

  it("Django's {# #} is one line: with a line break before #} it is text", () => {
    expect(texts('{# a #} {# b\n#} {{ x }}', 'django')).toEqual(['{# a #}', '{{ x }}']);
    expect(scanExpressions('{# b\n#}', 'django').unclosed).toEqual([]);
  });

  it('the triple stash is Handlebars and Mustache only: elsewhere {{{ is a brace before {{', async () => {
    const css = '<html><head><style>td.hero{{{ if .Track }}background:url(https://img.example.org/o.gif?u={{ .ID }});{{ end }}}</style></head><body><table><tr><td class="hero">x</td></tr></table></body></html>';
    const swallow = `<p>{{{ .Name }}</p>\n${PIXEL}\n<p>{{ "}" }}}</p>`;
    const dir = project({ 'g1.tmpl': css, 'g5.tmpl': swallow, 'g5.j2': swallow, 'g5.liquid': swallow, 'g5.twig': swallow });
    expect((await check(dir, 'g1.tmpl')).findings.map(brief)).toEqual(['1:54 PA012 error']);
    for (const f of ['g5.tmpl', 'g5.j2', 'g5.liquid', 'g5.twig']) expect((await check(dir, f)).findings.map(brief), f).toEqual(['2:1 PA002 error']);
    expect(texts('a{{{ b }}}', 'go')).toEqual(['{{ b }}']);
    expect(texts('a{{{ b }}}', 'handlebars')).toEqual(['{{{ b }}}']);
  });
});

describe('check: escapes, raw and comment blocks', () => {
  it('Handlebars \\{{ is text, so it opens nothing that could swallow the pixel; \\\\{{ is a backslash and an expression', async () => {
    const dir = project({ 'h.hbs': `<p>Use \\{{ to start</p>\n${PIXEL}\n` });
    expect((await check(dir, 'h.hbs')).findings.map(brief)).toEqual(['2:1 PA002 error']);
    expect(texts('\\{{a}} \\\\{{b}}', 'handlebars')).toEqual(['{{b}}']);
    // Mustache has no escape.
    expect(texts('\\{{a}}', 'mustache')).toEqual(['{{a}}']);
  });

  it('raw and verbatim content is text as written; comment blocks write nothing', async () => {
    const dir = project({
      'l4.liquid': `{% raw %}<p>type {{ to open</p>{% endraw %}\n${PIXEL}\n`,
      'l5.liquid': `{% comment %} {{ {% endcomment %}\n${PIXEL}\n`,
      'tw.twig': `{% verbatim %}{{{% endverbatim %}\n${PIXEL}\n`,
      'j.j2': `{%- raw -%}{{{ title }}}{% endraw %}\n${PIXEL}\n`,
      'c.liquid': `{% comment %}${PIXEL}{% endcomment %}\n<p>x</p>`,
      'c.html': `{% comment %}${PIXEL}{% endcomment %}\n<p>x</p>`,
      'u.liquid': `{% raw %}\n${PIXEL}\n`,
    });
    for (const f of ['l4.liquid', 'l5.liquid', 'tw.twig', 'j.j2']) expect((await check(dir, f)).findings.map(brief), f).toEqual(['2:1 PA002 error']);
    // Liquid does not write a commented pixel; in a file of unknown language a comment block hides nothing.
    expect((await check(dir, 'c.liquid')).findings).toEqual([]);
    expect((await check(dir, 'c.html')).findings.map(brief)).toEqual(['1:14 PA002 error']);
    // A raw block never ended is refused by Liquid: PA016, and the rest is read.
    expect((await check(dir, 'u.liquid')).findings.map(brief)).toEqual(['1:1 PA016 warning', '2:1 PA002 error']);
  });

  it('a raw block is found in one pass however many never end', () => {
    const hostile = '{% raw %}'.repeat(100_000);
    const { expressions, unclosed } = scanExpressions(hostile, 'liquid');
    expect(expressions).toHaveLength(100_000);
    expect(unclosed).toHaveLength(100_000);
  });

  it('the masked text keeps every offset and line break', () => {
    const src = '{% comment %}a\r\nb{% endcomment %}{{#if x}}\n{{/if}}{% raw %}{{ y }}{% endraw %}';
    const masked = maskExpressions(src, scanExpressions(src, 'liquid').expressions);
    expect(masked.length).toBe(src.length);
    expect(masked.replace(/[^\r\n]/g, '')).toBe('\r\n\n');
    expect(maskExpressions('<im{{!a}}{{!b}}g>', scanExpressions('<im{{!a}}{{!b}}g>', 'handlebars').expressions)).toBe(`<img${'\t'.repeat(12)}>`);
  });
});

describe('check: a tag that writes nothing is masked as blanks, so it joins no tag or attribute name', () => {
  it('a conditional attribute glued to the tag name hides neither the element nor its URL (Go, Handlebars, Liquid, a comment)', async () => {
    const dir = project({
      'go.tmpl': `<html><body>\n<a{{if .Class}} class="{{.Class}}"{{end}} href="https://news.example.org/r?uid={{.Subscriber.ID}}">Read</a>\n<img{{if .Alt}} alt="{{.Alt}}"{{end}} src="https://img.example.org/o.gif?u={{.Subscriber.ID}}" width="1" height="1">\n</body></html>`,
      'hb.hbs': '<img {{#if alt}}alt="{{alt}}" {{/if}}src="https://img.example.org/o.gif?u={{ subscriber.id }}" width="1" height="1">',
      'lq.liquid': '<img {% if x %}class="a"{% endif %}src="https://img.example.org/o.gif?u={{ subscriber.id }}" width="1" height="1">',
      'c7.hbs': '<img {{! pixel }}src="https://img.example.org/o.gif?u={{ user.id }}" width="1" height="1">',
      'g.tmpl': '<img {{/* pixel */}}src="https://img.example.org/o.gif?u={{ .ID }}" width="1" height="1">',
    });
    expect((await check(dir, 'go.tmpl')).findings.map(brief)).toEqual(['2:1 PA006 warning', '3:1 PA002 error']);
    // Glued inside a word, the engine writes the halves as one word: <img, o.gif.
    const glued = project({ 'c9.hbs': '<p>x</p>\n<im{{!x}}{{! y }}g src="https://img.example.org/o{{!-- z --}}.gif?u={{ user.id }}" width="1" height="1">' });
    const c9 = await check(glued, 'c9.hbs');
    expect(c9.findings.map(brief)).toEqual(['2:1 PA002 error']);
    expect(c9.findings[0].url).toBe('https://img.example.org/o.gif?u={{ user.id }}');
    for (const f of ['hb.hbs', 'lq.liquid', 'c7.hbs', 'g.tmpl']) expect((await check(dir, f)).findings.map(brief), f).toEqual(['1:1 PA002 error']);
  });

  it('a comment or statement before <html> is no text: the head keeps its children and the fingerprints stay the same', async () => {
    const page = '<html><head><link rel="stylesheet" href="https://fonts.example.org/css?u={{ user.id }}"></head>\n<body>' + PIXEL + '</body></html>';
    const prints = async (files: Record<string, string>, name: string): Promise<string[]> => (await check(project(files), name)).findings.map((f) => `${f.ruleId} ${f.fingerprint}`);
    const hbs = await prints({ 't.hbs': page }, 't.hbs');
    expect(hbs.map((p) => p.split(' ')[0])).toEqual(['PA012', 'PA002']);
    expect(await prints({ 't.hbs': `{{!-- Reviewed by design, 2026-12 --}}\n${page}` }, 't.hbs')).toEqual(hbs);
    const j2 = await prints({ 't.j2': page }, 't.j2');
    expect(await prints({ 't.j2': `{# Reviewed #}\n{% set x = 1 %}\n${page}` }, 't.j2')).toEqual(j2);
  });

  it('keeps output expressions as placeholders and statements of every language as blanks', () => {
    const silent = (source: string, syntax: Parameters<typeof scanExpressions>[1]): boolean[] => scanExpressions(source, syntax).expressions.map((e) => e.silent);
    expect(silent('{{#each a}}{{/each}}{{^x}}{{else}}{{> footer}}{{ name }}{{{ raw }}}{{!c}}', 'handlebars')).toEqual([true, true, true, true, false, false, false, true]);
    expect(silent('{{- if .A }}{{ else }}{{ end }}{{ range .L }}{{ template "x" . }}{{ .Name }}', 'go')).toEqual([true, true, true, true, false, false]);
    expect(silent('{% if a %}{%- endif -%}{% for x in y %}{% include "f" %}{% google_analytics_tracking_pixel %}{{ a }}{% # c %}', 'jinja')).toEqual([true, true, true, false, false, false, true]);
    expect(silent('<% if a %><%= b %><%# c %>', 'erb')).toEqual([true, false, true]);
    // The Go keyword is a Go keyword: in Jinja `{{ end }}` is a variable.
    expect(silent('{{ end }}', 'jinja')).toEqual([false]);
  });
});
