import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkTemplate } from '../../src/check/check-template.js';
import { maskExpressions, unmask } from '../../src/check/placeholders.js';
import { findExpressions } from '../../src/check/template-expressions.js';
import { SYNTAX_NAMES } from '../../src/check/template-syntax.js';
import { loadTemplateTags } from '../../src/check/template-tags.js';
import { createDetector } from '../../src/engine/detector.js';
import { fail } from './contract.js';
import { checkProperty } from './harness.js';

const detector = createDetector({ redact: false });
const tags = loadTemplateTags();

// Hostile templates: delimiters that open and never close, quotes inside expressions, tags of
// rules/templates, pixels, links, comments and line endings of every kind, in any order.
const piece = fc.constantFrom(
  '{{',
  '}}',
  '{{{',
  '}}}',
  '{%',
  '%}',
  '{#',
  '#}',
  '<%',
  '%>',
  '<?php',
  '?>',
  '*|',
  '|*',
  '%%',
  '[[',
  ']]',
  '{',
  '}',
  '"',
  "'",
  '<',
  '>',
  '=',
  '{{ user.id }}',
  '{{ index . "ID" }}',
  '{tracking_pixel}',
  '{{ TrackView }}',
  '{% raw %}',
  '{%- endraw -%}',
  '{% comment %}',
  '{% endcomment %}',
  '{% verbatim %}',
  '{% endverbatim %}',
  '{{#if x}}',
  '{{/if}}',
  '{{else}}',
  '{{if .X}}',
  '{{end}}',
  '\\{{',
  '{{!-- c --}}',
  '[USERTRACK]',
  '<!--',
  '-->',
  '<!-- email open check -->',
  '<!-- pixelaudit-disable-next-element PA012 -- ok -->',
  '<!-- pixelaudit-disable-next-element -->',
  '<img src="https://t.example/o.gif?u=',
  '<img src="https://{{ host }}/o/',
  '" width="1" height="1">',
  '<a href="https://x.example/?utm_source=a&e=',
  '<a href="https://listmonk.app@TrackLink">',
  '</a>',
  '<style>a{color:red} .b{background:url(https://t.example/b.png?u={{ id }})}</style>',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  'text',
  '__0_-',
  '__1_--',
  '\u200b',
  '\u0000',
);
const template = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));

describe('check on hostile templates (property)', () => {
  it('never throws; every finding points inside the source; masking keeps every position', async () => {
    await checkProperty(
      'check-template',
      [template, fc.constantFrom(...SYNTAX_NAMES)],
      async (source, syntax) => {
        const expressions = findExpressions(source, syntax);
        const masked = maskExpressions(source, expressions);
        if (masked.length !== source.length) fail('positions', `masking changed the length: ${masked.length} != ${source.length}`);
        for (let i = 0; i < source.length; i++) {
          const c = source[i];
          if ((c === '\n' || c === '\r') !== (masked[i] === '\n' || masked[i] === '\r')) fail('positions', `a line break moved at ${i}`);
        }
        // unmask reads URLs, where the parser has dropped line breaks. A literal `__1_--` of an
        // expression's length reads as that expression (more findings, never fewer): left out here.
        const flat = (t: string): string => t.replace(/[\t\n\r]/g, '');
        // An expression that writes nothing is masked as tabs, which flat() removes as the URL parser does.
        let expected = source;
        for (const e of expressions) if (e.silent) expected = expected.slice(0, e.start) + e.text.replace(/[^\n\r]/g, '\t') + expected.slice(e.end);
        if (!source.includes('__') && unmask(flat(masked), expressions) !== flat(expected)) fail('unmask', 'unmask(mask(x)) is not x');
        const lines = source.split(/\r\n|\n|\r/);
        for (const f of checkTemplate(source, syntax, detector, tags).findings) {
          const p = f.finding.position;
          if (!p || p.line < 1 || p.line > lines.length || p.column < 1 || p.column > lines[p.line - 1].length + 1) fail('positions', `${f.finding.ruleId} at ${JSON.stringify(p)} is outside the source`);
        }
      },
      40,
    );
  });
});
