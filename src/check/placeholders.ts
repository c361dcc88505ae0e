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
  // Parts joined once at the end, and the last character written kept aside: reading
  // `out.charCodeAt(out.length - 1)` on a string grown by `+=` flattens V8's rope at every
  // expression, and 100,000 `{{!x}}` (700 KB) took 85 s; as parts it is one pass (0.1 s).
  const parts: string[] = [];
  let last = -1;
  const write = (text: string): void => {
    if (text.length === 0) return;
    parts.push(text);
    last = text.charCodeAt(text.length - 1);
  };
  let at = 0;
  // Blanks of glued silent expressions not yet written: they go after the rest of the word.
  let pending = '';
  expressions.forEach((e, i) => {
    write(source.slice(at, e.start));
    at = e.end;
    if (!e.silent) {
      write(placeholder(e.text, i));
      return;
    }
    // Glued inside a name (`<im{{!x}}g src=...>`), the engine writes the two halves as one: the
    // rest of the name is moved up and the blanks put after it. Only letters, digits, `-` and
    // `_` of that name move (never a `<`, a quote, a line or another expression), so every
    // element start, line and placeholder stays where it was. (In a URL no move is needed: the
    // URL parser removes the tabs.)
    const next = expressions[i + 1];
    const chained = next !== undefined && next.silent && next.start === e.end;
    const glued = (pending !== '' || isNameChar(last)) && (chained || isNameChar(source.charCodeAt(e.end))) && !/[\n\r]/.test(e.text);
    if (!glued) {
      write(pending + blank(e.text));
      pending = '';
      return;
    }
    pending += blank(e.text);
    const limit = next?.start ?? source.length;
    let end = e.end;
    while (end < limit && isNameChar(source.charCodeAt(end))) end++;
    at = end;
    // `<{{!a}}{{!b}}img`: the word goes after both.
    if (chained) return;
    write(source.slice(e.end, end) + pending);
    pending = '';
  });
  write(pending + source.slice(at));
  return parts.join('');
}

/** A character of a word a glued tag splits: a tag or attribute name, a CSS property (`<im{{!x}}g`, `wid{{!x}}th`). */
const isNameChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;

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

/**
 * A tab in place of each character but line breaks, UTF-16 unit for unit: a tab is whitespace to
 * the tokenizer (between attributes), to CSS and in text, and the URL parser removes it wherever
 * it stands, so `o.gif?a=1{{#if b}}&b=2{{/if}}` reads as the URL the engine writes.
 */
const blank = (text: string): string => text.replace(/[^\n\r]/g, '\t');

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
