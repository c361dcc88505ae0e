import type { TemplateExpression } from './template-expressions.js';

/**
 * Template expressions stand in the HTML where the rendered value will be, so the HTML is read
 * with each one replaced by a placeholder of the same length: the parser then sees the
 * document a mail client will see (a `"` inside `{{ index . "ID" }}` no longer ends the
 * attribute, `<%= x %>` no longer looks like a tag), and every offset, line and column stays the
 * source template's. A placeholder is `__` + the expression's number in base 36 + `_`, padded
 * with `-` to the expression's length; line breaks and tabs are kept where they were, so lines
 * do not move, and since the URL parser drops them, a placeholder reads the same in a URL. Its
 * characters are ones the URL standard keeps as they are in a host, a path and a query, so it
 * can be found again in a parsed URL and mapped back to the expression.
 *
 * An expression that writes nothing (a comment, `{% if %}`, `{{#each}}`, Go's `{{end}}`:
 * `silent`) is masked as blanks instead, keeping its line breaks: a placeholder there would be
 * text the rendered HTML does not have, and joined to a tag or attribute name
 * (`<img{{if .Alt}} alt=...`) it would hide the element, or written before `<html>` move the
 * head's children into the body. Blanks are what the tokenizer skips between attributes and
 * what the URL parser strips around a URL, so `src="{{#if t}}https://...{{/if}}"` is judged.
 */
export function maskExpressions(source: string, expressions: TemplateExpression[]): string {
  if (expressions.length === 0) return source;
  let out = '';
  let at = 0;
  expressions.forEach((e, i) => {
    out += source.slice(at, e.start) + (e.silent ? blank(e.text) : placeholder(e.text, i));
    at = e.end;
  });
  return out + source.slice(at);
}

/**
 * The same length in UTF-16 code units (string indices: what parse5's offsets and SARIF's
 * columns count), not in code points: `{{ "😀" }}` counted by code points was one unit short
 * per astral character, and moved every later column on its line.
 */
const visibleLength = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isBreak(text[i])) n++;
  return n;
};

/** Spaces in place of each character but line breaks and tabs, UTF-16 unit for unit. */
const blank = (text: string): string => text.replace(/[^\t\n\r]/g, ' ');

function placeholder(text: string, index: number): string {
  const visible = visibleLength(text);
  const head = `__${index.toString(36)}_`;
  // Too short to carry its number ({a}): an anonymous run of `_`, seen as "some expression".
  const body = head.length <= visible ? head + '-'.repeat(visible - head.length) : '_'.repeat(visible);
  let out = '';
  let k = 0;
  for (let i = 0; i < text.length; i++) out += isBreak(text[i]) ? text[i] : body[k++];
  return out;
}

const isBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\t';

/** Where a placeholder stands in a string, and which expression it is. */
export interface PlaceholderSpan {
  start: number;
  end: number;
  expression: TemplateExpression;
}

/**
 * The placeholders in `text` (a URL as parsed, or as written), each checked against its
 * expression's length so that a literal `__1_` in a URL is not taken for one. Linear: one pass.
 */
export function placeholdersIn(text: string, expressions: TemplateExpression[]): PlaceholderSpan[] {
  const out: PlaceholderSpan[] = [];
  if (expressions.length === 0) return out;
  for (let i = text.indexOf('__'); i !== -1; i = text.indexOf('__', i + 1)) {
    let j = i + 2;
    while (j < text.length && isBase36(text.charCodeAt(j))) j++;
    if (j === i + 2 || text[j] !== '_') continue;
    const expression = expressions[parseInt(text.slice(i + 2, j), 36)];
    if (!expression) continue;
    const length = visibleLength(expression.text);
    let k = j + 1;
    const end = i + length;
    while (k < end && text[k] === '-') k++;
    if (k !== end) continue;
    out.push({ start: i, end, expression });
    i = end - 1;
  }
  return out;
}

const isBase36 = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** `text` with each placeholder written back as its expression: what a finding shows. */
export function unmask(text: string, expressions: TemplateExpression[]): string {
  const spans = placeholdersIn(text, expressions);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.expression.text.replace(/[\t\n\r]/g, '');
    at = s.end;
  }
  return out + text.slice(at);
}
