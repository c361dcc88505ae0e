import { readsTokens, SYNTAXES, type SyntaxName } from './template-syntax.js';

/** One template expression in the source: `{{ user.id }}`, `{% track %}`, `*|UNIQID|*`, `{tracking_pixel}`. */
export interface TemplateExpression {
  /** Offset of its first character in the source. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** The expression as written, delimiters included. */
  text: string;
  /** What is between the delimiters, trimmed (and without Go/Jinja `-` trim markers). */
  inner: string;
  /** A template comment (Jinja `{# #}`, Handlebars `{{! }}`, Go comments opened by `{{/` and a star): renders nothing, so its words are no tag. */
  comment: boolean;
}

/**
 * Every template expression of `source`, in order, found in linear time: each opener's next
 * place is searched once from where the scan stands, and an opener whose closer is nowhere after
 * it is dropped for the rest of the text (an unclosed `{{` can close nothing later either), so
 * `{{{{{{...` without an end costs one pass, not one per opener. Expressions do not nest here:
 * the first closer ends the expression, as the template engines' lexers do for these delimiters.
 */
export function findExpressions(source: string, syntax: SyntaxName): TemplateExpression[] {
  const delimiters = SYNTAXES[syntax].map((d) => ({ ...d, next: source.indexOf(d.open) }));
  const tokens = readsTokens(syntax);
  const out: TemplateExpression[] = [];
  let pos = 0;
  let nextBrace = tokens ? source.indexOf('{') : -1;
  for (;;) {
    // The earliest opener at or after pos; on a tie, the first listed (the longest).
    let best: (typeof delimiters)[number] | undefined;
    for (const d of delimiters) {
      if (d.next !== -1 && d.next < pos) d.next = source.indexOf(d.open, pos);
      if (d.next !== -1 && (!best || d.next < best.next)) best = d;
    }
    while (nextBrace !== -1 && nextBrace < pos) nextBrace = source.indexOf('{', pos);
    const tokenAt = nextBrace !== -1 && (!best || nextBrace < best.next) ? nextBrace : -1;
    if (tokenAt !== -1) {
      const end = tokenEnd(source, tokenAt);
      if (end !== -1) {
        out.push(expression(source, tokenAt, end, 1, 1));
        pos = end;
      } else {
        pos = tokenAt + 1;
      }
      continue;
    }
    if (!best) return out;
    const closeAt = source.indexOf(best.close, best.next + best.open.length);
    if (closeAt === -1) {
      best.next = -1;
      continue;
    }
    const end = closeAt + best.close.length;
    out.push(expression(source, best.next, end, best.open.length, best.close.length));
    pos = end;
  }
}

function expression(source: string, start: number, end: number, openLength: number, closeLength: number): TemplateExpression {
  const text = source.slice(start, end);
  let inner = text.slice(openLength, text.length - closeLength).trim();
  if (inner.startsWith('-') || inner.startsWith('~')) inner = inner.slice(1);
  if (inner.endsWith('-') || inner.endsWith('~')) inner = inner.slice(0, -1);
  inner = inner.trim();
  return { start, end, text, inner, comment: text.startsWith('{#') || (text.startsWith('{{') && (inner.startsWith('!') || inner.startsWith('/*'))) };
}

const MAX_TOKEN = 200;

/**
 * Mautic's tokens and their kin (`{tracking_pixel}`, `{contactfield=firstname}`,
 * `{unsubscribe_url}`): `{`, a name, optionally `=` and a value without blanks, quotes, braces,
 * `;` or `:`, then `}`. The shape leaves CSS blocks (`{color:red}`) and JSON alone. Bounded
 * length, so a brace with no end costs at most MAX_TOKEN characters.
 */
function tokenEnd(source: string, at: number): number {
  let i = at + 1;
  const first = source.charCodeAt(i);
  if (!isNameStart(first)) return -1;
  const limit = Math.min(source.length, at + MAX_TOKEN);
  while (i < limit && isNameChar(source.charCodeAt(i))) i++;
  if (source[i] === '=') {
    i++;
    while (i < limit && isValueChar(source.charCodeAt(i))) i++;
  }
  return source[i] === '}' ? i + 1 : -1;
}

const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 46;
const isValueChar = (c: number): boolean => c > 32 && c !== 34 && c !== 39 && c !== 123 && c !== 125 && c !== 59 && c !== 58 && c !== 60 && c !== 62 && c !== 127;
