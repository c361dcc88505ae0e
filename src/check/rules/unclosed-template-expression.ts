import type { RuleMeta } from '../../rules/rule.js';

/** PA016: a template expression opened and never closed before the markup that follows it. */
export const unclosedTemplateExpression: { meta: RuleMeta } = {
  meta: {
    id: 'PA016',
    alias: 'unclosed-template-expression',
    category: 'template-syntax',
    confidence: 'high',
    appliesTo: 'resource',
    description: 'A template expression (`{{`, `{%`, a merge tag) that meets an HTML tag, or a merge tag that meets a line break, before its closer.',
    docs:
      'A one-brace typo such as `<p>{{ name }</p>` leaves the expression open: Handlebars, Jinja and Liquid (strict) refuse the template ' +
      'with a syntax error. Reading on to a later `}}` would hide every element in between, a pixel included, so the opener is ' +
      'reported where it stands and the rest is checked as HTML. Tag starts inside a string literal (`{% t start="<b>" %}`) are part ' +
      'of the expression; comments (`{# #}`, `{{! }}`) hold anything.',
    messages: {
      unclosed: 'template expression {open} is not closed before the {stop} at line {stopLine}; the template engine refuses it, and what follows was checked as HTML',
      more: '{count} more template expressions from line {line} on are not closed before the markup that follows them (not listed one by one)',
    },
  },
};
