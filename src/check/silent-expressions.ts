import type { SyntaxName } from './template-syntax.js';

/**
 * Statement tags of Jinja, Twig, Nunjucks, Django and Liquid that write nothing where they stand
 * (control flow, assignment, inheritance, loading): `{% if %}`, `{% endfor %}`, `{% assign %}`.
 * Tags that do write (`{% include %}`, `{% url %}`, `{% static %}`, `{% trans %}`, `{% cycle %}`,
 * `{% tablerow %}`'s `<tr>`, and every custom tag such as `{% google_analytics_tracking_pixel %}`)
 * are not here: they stay placeholders.
 */
const STATEMENTS = new Set(
  (
    'if elif elsif elseif else endif unless endunless for endfor empty break continue case when endcase with endwith ' +
    'block endblock extends load set endset assign capture endcapture macro endmacro call endcall filter endfilter ' +
    'autoescape endautoescape spaceless endspaceless apply endapply import from do raw endraw verbatim endverbatim ' +
    'comment endcomment ifchanged endifchanged ifequal endifequal ifnotequal endifnotequal paginate endpaginate ' +
    'regroup resetcycle use sandbox endsandbox'
  ).split(' '),
);

/** Go `html/template` actions that write nothing: `{{if}}`, `{{else}}`, `{{end}}`, `{{range}}`... (`{{template}}` writes). */
const GO_ACTIONS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'block', 'break', 'continue']);

const firstWord = (inner: string): string => /^[+]?\s*([A-Za-z_]+)/.exec(inner)?.[1] ?? '';

/**
 * Whether an expression writes nothing into the rendered HTML, so it is masked as blanks rather
 * than a placeholder: a placeholder in a tag (`<img{{if .Alt}} alt=...`) would join the tag
 * name or an attribute name and hide the element, and one before `<html>` would be text that
 * moves `<head>`'s children into the body. `inner` is the expression's trimmed inside.
 */
export function rendersNothing(text: string, inner: string, syntax: SyntaxName): boolean {
  if (text.startsWith('{%')) return inner.startsWith('#') || STATEMENTS.has(firstWord(inner));
  if (text.startsWith('{{{')) return false;
  if (text.startsWith('{{')) {
    const handlebars = syntax === 'handlebars' || syntax === 'mustache' || syntax === 'auto';
    // Blocks and sections open and close (`{{#if}}`, `{{/if}}`, `{{^x}}`), `{{!x}}` is a comment, `{{=<% %>=}}` sets delimiters; `{{#> layout}}` writes a partial.
    if (handlebars && (/^[/^!=]/.test(inner) || (inner.startsWith('#') && !inner.startsWith('#>')) || firstWord(inner) === 'else')) return true;
    if ((syntax === 'go' || syntax === 'auto') && (inner.startsWith('/*') || GO_ACTIONS.has(firstWord(inner)))) return true;
    return false;
  }
  // ERB: `<% code %>` and `<%# comment %>` write nothing, `<%= x %>` does.
  if (text.startsWith('<%') && !text.startsWith('<%=')) return !inner.startsWith('=');
  return false;
}
