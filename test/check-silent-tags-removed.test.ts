// Tags that write nothing are removed from the HTML the parser reads, as the engine removes
// them (issue 13 second attack, findings 2 and 3): blanks in their place ended an unquoted
// attribute value, a srcset URL, a CSS url() and an element name, and the pixel disappeared.
// Each template below was rendered by its real engine (handlebars, jinja2 3.1.6, Go
// text/template) by the attacker; the render is written next to it, and the test asks that the
// template is read as that render is.
import { afterAll, describe, expect, it } from 'vitest';
import { maskExpressions } from '../src/check/placeholders.js';
import { scanExpressions } from '../src/check/template-expressions.js';
import type { SyntaxName } from '../src/check/template-syntax.js';
import { brief, check, project } from './check-project.js';
import { WorkCounter } from './work-count.js';

const CASES: Array<{ file: string; template: string; render: string; expected: string[] }> = [
  {
    file: 'a1.hbs',
    template: '<img src=https://stats.example.net/o.gif?{{#if list}}l={{list.id}}&{{/if}}u={{subscriber.uuid}} width=1 height=1>',
    render: '<img src=https://stats.example.net/o.gif?l=5&u=abc-123 width=1 height=1>',
    expected: ['1:1 PA002 error'],
  },
  {
    file: 'a2.j2',
    template: '<img src=https://stats.example.net/o.gif?{% if list %}l={{ list.id }}&{% endif %}u={{ subscriber.uuid }} width=1 height=1>',
    render: '<img src=https://stats.example.net/o.gif?l=5&u=abc-123 width=1 height=1>',
    expected: ['1:1 PA002 error'],
  },
  {
    file: 'a3.tmpl',
    template: '<img src=https://stats.example.net/o.gif?{{if .List}}l={{.List.ID}}&{{end}}u={{.Subscriber.UUID}} width=1 height=1>',
    render: '<img src=https://stats.example.net/o.gif?l=5&u=abc-123 width=1 height=1>',
    expected: ['1:1 PA002 error'],
  },
  {
    file: 'g1.hbs',
    template: '<div style="background:url(https://stats.example.net/o.gif?{{#if a}}a=1&{{/if}}u={{subscriber.uuid}})">x</div>\n' + '<img srcset="https://stats.example.net/p.gif?{{#if a}}a=1&{{/if}}u={{subscriber.uuid}} 1x" width="1" height="1">',
    render: '<div style="background:url(https://stats.example.net/o.gif?a=1&u=abc-123)">x</div>\n<img srcset="https://stats.example.net/p.gif?a=1&u=abc-123 1x" width="1" height="1">',
    expected: ['1:1 PA012 error', '2:1 PA002 error'],
  },
  {
    // Whitespace control joins the lines: the URL goes on past the line break.
    file: 'k3.j2',
    template: '<img src=https://s.example.net/o.gif?u=\n     {{- user.uuid }} width=1 height=1>',
    render: '<img src=https://s.example.net/o.gif?u=0b4c2b5e-1111-2222-3333-444455556666 width=1 height=1>',
    expected: ['1:1 PA002 error'],
  },
  {
    file: 'b1.hbs',
    template: '<{{#if track}}img{{/if}} src="https://stats.example.net/o.gif?u={{subscriber.uuid}}" width="1" height="1">',
    render: '<img src="https://stats.example.net/o.gif?u=abc-123" width="1" height="1">',
    expected: ['1:1 PA002 error'],
  },
  {
    file: 'b2.j2',
    template: '<{%- if track %}img src="https://stats.example.net/o.gif?u={{ subscriber.uuid }}" width="1" height="1"{% endif %}>',
    render: '<img src="https://stats.example.net/o.gif?u=abc-123" width="1" height="1">',
    expected: ['1:1 PA002 error'],
  },
];

const SYNTAX: Record<string, SyntaxName> = { hbs: 'handlebars', j2: 'jinja', tmpl: 'go' };

describe('a tag that writes nothing is removed, not blanked (issue 13 second attack, findings 2, 3)', () => {
  for (const c of CASES) {
    it(`${c.file}: read as its render is`, async () => {
      const dir = project({ [c.file]: `<html><body>\n${c.template}\n</body></html>\n`, 'render.html': `<html><body>\n${c.render}\n</body></html>\n` });
      const template = await check(dir, c.file);
      // Positions are the template's own lines (one line down for the <html><body> line).
      expect(template.findings.map(brief)).toEqual(c.expected.map((b) => b.replace(/^(\d+)/, (l) => String(Number(l) + 1))));
      // The render, read with no template syntax, is a pixel too: the test is not blind to it.
      const rendered = await check(dir, 'render.html', '--syntax', 'none');
      expect(rendered.findings.filter((f) => f.ruleId === 'PA002' || f.ruleId === 'PA001' || f.ruleId === 'PA012' || f.ruleId === 'PA003').length).toBeGreaterThan(0);
    });
  }

  it('keeps the source length and every tag start where they were, and line breaks unless whitespace control removes them', () => {
    for (const c of CASES) {
      const source = `<p>\n${c.template}\n</p>`;
      const ext = c.file.split('.')[1];
      const masked = maskExpressions(source, scanExpressions(source, SYNTAX[ext]).expressions);
      expect(masked.length).toBe(source.length);
      const at = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m.index);
      expect(at(masked, /</g)).toEqual(at(source, /</g));
      if (!/\{[{%]-/.test(source)) expect(at(masked, /\n/g)).toEqual(at(source, /\n/g));
    }
    // The removed length goes to the end of the word: before a blank, `>` or a tag start.
    const src = '<p>a{{!x}}b c</p><img src=x{{#if a}}y{{/if}}>';
    expect(maskExpressions(src, scanExpressions(src, 'handlebars').expressions)).toBe(`<p>ab${'\t'.repeat(6)} c</p><img src=xy${'\t'.repeat(16)}>`);
    // A tag between blanks, or after `>`, is blanks where it stands.
    const apart = '<p> {{#if a}} </p>{{/if}}';
    expect(maskExpressions(apart, scanExpressions(apart, 'handlebars').expressions)).toBe(`<p> ${'\t'.repeat(9)} </p>${'\t'.repeat(7)}`);
  });
});

describe('removing glued tags stays linear (issue 13 second attack, finding 1)', () => {
  const counter = new WorkCounter();
  afterAll(() => counter.close());
  it('one word of many glued tags: the work at 16n is under 64 times the work at n (a look ahead to the word end per tag made it quadratic)', () => {
    const make = (n: number) => `<p>${'a{{!x}}'.repeat(n)}`;
    const mask = (src: string) => maskExpressions(src, scanExpressions(src, 'handlebars').expressions);
    mask(make(4000));
    const small = counter.count(() => mask(make(2000)));
    const large = counter.count(() => mask(make(32000)));
    expect(large / small).toBeLessThan(64);
  });
});
