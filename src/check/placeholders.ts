import type { TemplateExpression } from './template-expressions.js';

/**
 * Template expressions stand in the HTML where the rendered value will be, so the HTML is read
 * with each one replaced by a placeholder of the same length: the parser then sees the
 * document a mail client will see (a `"` inside `{{ index . "ID" }}` no longer ends the
 * attribute, `<%= x %>` no longer looks like a tag), and every element start, line and column
 * stays the source template's. A placeholder is `__` + the expression's number in base 36 + `_`,
 * padded with `-` to the expression's length; line breaks and tabs are kept where they were, so
 * lines do not move, and since the URL parser drops them, a placeholder reads the same in a URL.
 * Its characters are ones the URL standard keeps as they are in a host, a path and a query, so
 * it can be found again in a parsed URL and mapped back to the expression.
 *
 * An expression that writes nothing (a comment, `{% if %}`, `{{#each}}`, Go's `{{end}}`:
 * `silent`) is removed, as the engine removes it: a placeholder there would be text the rendered
 * HTML does not have (joined to a tag name, `<img{{if .Alt}} alt=...`, it would hide the
 * element), and blanks in its place would end what it stands in: an unquoted attribute value
 * (`src=https://t/o.gif?{{#if l}}l=1&{{/if}}u={{user.id}}`), a srcset URL, a CSS `url(...)`, or
 * the element name of `<{{#if t}}img{{/if}} src=...>`. So that offsets stay the source's, the
 * removed length is written back as blanks at the end of the word it stood in: before the next
 * blank, `>` or tag start (`<` then a letter, `/`, `!` or `?`), where the tokenizer, CSS and the
 * URL parser (which also drops tabs inside a URL) all read blanks as nothing. Only characters of
 * that word move left, never a line break or a tag start, so every element start and every line
 * stays where it was. Whitespace control (`{{- x }}`, `{%- if %}`, `-%}`, Handlebars `~`)
 * removes the blanks beside the tag as the engine does, line breaks included: they are moved to
 * the end of the word the same way, so `?u=\n  {{- user.id }}` is one URL.
 */
export function maskExpressions(source: string, expressions: TemplateExpression[]): string {
  return maskWithShifts(source, expressions).masked;
}

/**
 * Where the masked text's characters came from: from `starts[i]` on (a masked offset), each
 * masked offset m is source offset m + `deltas[i]` (the length owed then), up to the next start.
 * Sorted by start; empty when nothing moved.
 */
export interface MaskShifts {
  starts: number[];
  deltas: number[];
}

/** maskExpressions, with the one offset map from the masked text back to the source (masked-source.ts). */
export function maskWithShifts(source: string, expressions: TemplateExpression[]): { masked: string; shifts: MaskShifts } {
  const shifts: MaskShifts = { starts: [], deltas: [] };
  if (expressions.length === 0) return { masked: source, shifts };
  // Parts joined once at the end, and the last character written kept aside: reading
  // `out.charCodeAt(out.length - 1)` on a string grown by `+=` flattens V8's rope at every
  // expression, and 100,000 `{{!x}}` (700 KB) took 85 s; as parts it is one pass (0.1 s).
  const parts: string[] = [];
  let last = -1;
  let length = 0;
  // Blanks owed by removed text: written at the end of the current word.
  let pending = '';
  /** Text of the source (or a placeholder) written while `pending` is owed stands that much left of its place. */
  const write = (text: string, owed = pending.length): void => {
    if (text.length === 0) return;
    const lastDelta = shifts.deltas[shifts.deltas.length - 1] ?? 0;
    if (owed !== lastDelta) {
      shifts.starts.push(length);
      shifts.deltas.push(owed);
    }
    parts.push(text);
    length += text.length;
    last = text.charCodeAt(text.length - 1);
  };
  /** Writes source text, paying the owed blanks before its first word end. */
  const writeSource = (text: string): void => {
    const k = pending === '' ? -1 : wordEnd(text, 0);
    if (k === -1) return write(text);
    write(text.slice(0, k));
    const blanks = pending;
    pending = '';
    write(blanks + text.slice(k), 0);
  };
  /** The engine's left trim: the blanks just written are owed instead (each character is taken back once). */
  const trimBack = (): void => {
    let taken = '';
    while (parts.length > 0) {
      const p = parts.pop() as string;
      let k = p.length;
      while (k > 0 && isBlank(p.charCodeAt(k - 1))) k--;
      taken = p.slice(k) + taken;
      length -= p.length - k;
      if (k > 0) {
        parts.push(k === p.length ? p : p.slice(0, k));
        break;
      }
    }
    while (shifts.starts.length > 0 && shifts.starts[shifts.starts.length - 1] >= length) {
      shifts.starts.pop();
      shifts.deltas.pop();
    }
    const top = parts[parts.length - 1];
    last = top === undefined ? -1 : top.charCodeAt(top.length - 1);
    pending = taken + pending;
  };
  let at = 0;
  expressions.forEach((e, i) => {
    const nextStart = expressions[i + 1]?.start ?? source.length;
    // A right trim may have taken the text up to this expression already.
    if (at < e.start) writeSource(source.slice(at, e.start));
    if (trimsLeft(e.text)) trimBack();
    at = e.end;
    const trimmedTo = trimsRight(e.text) ? Math.min(skipBlanks(source, e.end), nextStart) : e.end;
    if (!e.silent) {
      write(placeholder(e.text, i));
    } else {
      // Inside a word (written text just before it, and the word going on after it: text or
      // another expression), the tag is removed and its length owed; else it is blanks where it stands.
      const before = pending !== '' || (last !== -1 && !isBlank(last) && last !== 62);
      const after = trimmedTo === nextStart && nextStart < source.length ? true : trimmedTo < source.length && !endsWordAt(source, trimmedTo);
      if (before && after) pending += blank(e.text);
      else {
        const blanks = pending + blank(e.text);
        pending = '';
        write(blanks, 0);
      }
    }
    if (trimmedTo > e.end) {
      pending += source.slice(e.end, trimmedTo);
      at = trimmedTo;
    }
  });
  writeSource(source.slice(at));
  write(pending, 0);
  return { masked: parts.join(''), shifts };
}

/** Blanks as the tokenizer and CSS read them (space, tab, LF, FF, CR). */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Whether the character at `i` ends a word (one look: wordEnd's scan here made 100,000 glued tags quadratic). */
function endsWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isBlank(c) || c === 62 || (c === 60 && isTagOpenNext(text.charCodeAt(i + 1)));
}

/** Where a word ends in `text` from `from`: its first blank, `>` or tag start (`<` then a letter, `/`, `!` or `?`); -1 when it goes on to the end. */
function wordEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || c === 62) return i;
    if (c === 60 && isTagOpenNext(text.charCodeAt(i + 1))) return i;
  }
  return -1;
}

const isTagOpenNext = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 || c === 33 || c === 63;

function skipBlanks(source: string, from: number): number {
  let i = from;
  while (i < source.length && isBlank(source.charCodeAt(i))) i++;
  return i;
}

/** Jinja, Twig, Nunjucks, Liquid and Go `{{-` / `{%-` (Go's `{{-3}}` is a number, not a trim), Handlebars `{{~`. */
const trimsLeft = (text: string): boolean => /^\{[{%](?:-(?![0-9])|~)/.test(text);
/** `-}}`, `-%}`, `~}}`. */
const trimsRight = (text: string): boolean => text.length >= 5 && /[-~][}%]\}$/.test(text);

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
