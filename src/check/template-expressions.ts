import { RawBlockFinder } from './raw-blocks.js';
import { rendersNothing } from './silent-expressions.js';
import { type Delimiter, readsTokens, SYNTAXES, type SyntaxName } from './template-syntax.js';

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
  /**
   * Writes nothing where it stands (a comment, `{% if %}`, `{{#each}}`, `{{/if}}`, Go's `{{end}}`):
   * masked as blanks, not as a placeholder (silent-expressions.ts).
   */
  silent: boolean;
}

/** An opener the engine would refuse: `{{ a }</p>` never closes before the markup that follows it. */
export interface UnclosedExpression {
  /** Offset of the opener. */
  start: number;
  /** The opener as written (`{{`, `*|`, `{% raw %}`). */
  open: string;
  /** Offset of what ended it: the tag start or line break the expression cannot hold, or the end of the text. */
  stop: number;
}

export interface ExpressionScan {
  expressions: TemplateExpression[];
  unclosed: UnclosedExpression[];
}

/** The expressions of `source` (scanExpressions without the unclosed openers). */
export function findExpressions(source: string, syntax: SyntaxName): TemplateExpression[] {
  return scanExpressions(source, syntax).expressions;
}

/**
 * Every template expression of `source`, in order, found in linear time: each opener's next
 * place and each closer's next place are searched once from where the scan stands (both only
 * move forward), and an opener whose closer is nowhere after it is dropped for the rest of the
 * text (an unclosed `{{` can close nothing later either), so `{{{{{{...` without an end costs
 * one pass, not one per opener. Expressions do not nest here: the first closer ends the
 * expression, as the template engines' lexers do for these delimiters.
 *
 * An expression of code (template-syntax.ts `code`) that meets an HTML tag start outside a
 * string literal before its closer, or a merge tag that meets a line break, was never closed:
 * `<p>{{ a }</p>` and a pixel on the next line would otherwise be read as one expression up to a
 * later `}}`, and the pixel swallowed. Handlebars, Jinja and Liquid (strict) refuse such a
 * template with a syntax error; here the opener is reported (`unclosed`) and the scan goes on
 * from the tag start, so what follows is read as the HTML it is. A string literal may hold
 * markup (`{% interpolate_html start='<strong>' %}`, edX), so quotes are followed. The text
 * scanned for a tag start is the text the scan then moves past, so this stays one pass.
 */
export function scanExpressions(source: string, syntax: SyntaxName): ExpressionScan {
  const stash = SYNTAXES[syntax].some((d: Delimiter) => d.open === '{{{');
  /**
   * The next place of an opener at or after `from`. Where the syntax has no triple stash, a run
   * of braces (`td{{{ if .Track }}`, a CSS rule's `{` glued to a Go action) opens at its last
   * `{{`: the braces before it are text.
   */
  const find = (d: Delimiter, from: number): number => {
    let at = source.indexOf(d.open, from);
    if (!stash && d.open === '{{' && at !== -1) while (source.charCodeAt(at + 2) === 123) at++;
    return at;
  };
  const delimiters = SYNTAXES[syntax].map((d: Delimiter) => ({ ...d, next: find(d, 0), closeNext: -2 }));
  const tokens = readsTokens(syntax);
  // What an expression of code cannot hold outside a string: another expression's opener (markupStop).
  // Lexers that read string literals inside an expression, so a closer in one ends nothing: `{{ "Use }} to close" }}`.
  const strings = STRING_LEXERS.has(syntax);
  const openers = [...new Set(SYNTAXES[syntax].filter((d: Delimiter) => d.code).map((d: Delimiter) => d.open))];
  const blocks = new RawBlockFinder(source, syntax);
  const out: TemplateExpression[] = [];
  const unclosed: UnclosedExpression[] = [];
  let pos = 0;
  let nextBrace = tokens ? source.indexOf('{') : -1;
  let nextBreak = -2;
  for (;;) {
    // The earliest opener at or after pos; on a tie, the first listed (the longest).
    let best: (typeof delimiters)[number] | undefined;
    for (const d of delimiters) {
      if (d.next !== -1 && d.next < pos) d.next = find(d, pos);
      if (d.next !== -1 && (!best || d.next < best.next)) best = d;
    }
    while (nextBrace !== -1 && nextBrace < pos) nextBrace = source.indexOf('{', pos);
    const tokenAt = nextBrace !== -1 && (!best || nextBrace < best.next) ? nextBrace : -1;
    if (tokenAt !== -1) {
      const end = tokenEnd(source, tokenAt);
      if (end !== -1) {
        out.push(expression(source, tokenAt, end, 1, 1, false, syntax));
        pos = end;
      } else {
        pos = tokenAt + 1;
      }
      continue;
    }
    if (!best) return { expressions: out, unclosed };
    // Handlebars writes `\{{x}}` as the text `{{x}}` (one backslash: two are a backslash and an expression).
    if (syntax === 'handlebars' && best.open.startsWith('{{') && source[best.next - 1] === '\\' && source[best.next - 2] !== '\\') {
      pos = best.next + 2;
      continue;
    }
    const bodyStart = best.next + best.open.length;
    if (best.closeNext !== -1 && best.closeNext < bodyStart) best.closeNext = source.indexOf(best.close, bodyStart);
    const closeAt = best.closeNext === -1 || !strings || !best.code || best.oneLine || opensComment(source, bodyStart) ? best.closeNext : closerOutsideStrings(source, bodyStart, best.closeNext, best.close);
    if (closeAt === -1) {
      // Jinja refuses a comment never closed; what follows is read as the HTML it is.
      if (best.mustClose) unclosed.push({ start: best.next, open: best.open, stop: source.length });
      best.next = -1;
      continue;
    }
    if (best.textIfUnclosed && best.oneLine) {
      if (nextBreak !== -1 && nextBreak < bodyStart) nextBreak = lineBreak(source, bodyStart);
      if (nextBreak !== -1 && nextBreak < closeAt) {
        pos = bodyStart;
        continue;
      }
    }
    if (best.code && !opensComment(source, bodyStart)) {
      const stop = markupStop(source, bodyStart, closeAt, best.oneLine === true, openers);
      if (stop !== -1) {
        unclosed.push({ start: best.next, open: best.open, stop });
        pos = stop;
        continue;
      }
    }
    const twice = best.closeTwice === true && source.startsWith(best.close, closeAt + best.close.length);
    const closeLength = best.close.length * (twice ? 2 : 1);
    const end = closeAt + closeLength;
    const e = expression(source, best.next, end, best.open.length, closeLength, best.comment === true, syntax);
    pos = end;
    const block = best.open === '{%' ? blocks.opens(e.inner) : undefined;
    if (block) {
      const close = blocks.end(block.name, end);
      if (!close) {
        // Liquid and Jinja refuse a raw or comment block without its end tag.
        unclosed.push({ start: e.start, open: e.text, stop: source.length });
      } else if (block.kind === 'literal') {
        // The content is text as written; the end tag is read next, as the statement it is.
        pos = close.start;
      } else {
        // The whole block writes nothing: one comment from its start tag to its end tag.
        out.push({ ...expression(source, e.start, close.end, 0, 0, true, syntax), inner: e.inner });
        pos = close.end;
        continue;
      }
    }
    out.push(e);
  }
}

const STRING_LEXERS = new Set<SyntaxName>(['jinja', 'django', 'nunjucks', 'twig', 'handlebars', 'go']);

/** How far a string literal may run before its quote is taken for a stray one: an unbalanced quote cannot swallow the file. */
const MAX_STRING = 1024;

/**
 * The closer of an expression whose body starts at `from`, skipping string literals (`'...'`,
 * `"..."`, Go's raw `` `...` ``, a backslash escaping the next character) as the engines' lexers
 * do; `first` is the first closer at all. A string that runs MAX_STRING characters or to the end
 * of the text without its end quote was a stray quote: then the first closer it is.
 */
function closerOutsideStrings(source: string, from: number, first: number, close: string): number {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === close.charCodeAt(0) && source.startsWith(close, i)) return i;
    if (c !== 34 && c !== 39 && c !== 96) continue;
    const limit = Math.min(source.length, i + MAX_STRING);
    let j = i + 1;
    while (j < limit && source.charCodeAt(j) !== c) j += source.charCodeAt(j) === 92 && c !== 96 ? 2 : 1;
    if (j >= limit) return first;
    i = j;
  }
  return first;
}

/** The first line break (LF or CR) at or after `from`, or -1. */
function lineBreak(source: string, from: number): number {
  const lf = source.indexOf('\n', from);
  const cr = source.indexOf('\r', from);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/** Handlebars comments (`{{! }}`, `{{~! }}`) and Go comments (`{{` then `/*`, after an optional `-` trim marker): they hold anything, markup included. */
function opensComment(source: string, at: number): boolean {
  let i = at;
  if (source[i] === '~' || source[i] === '-') i++;
  while (source[i] === ' ') i++;
  return source[i] === '!' || (source[i] === '/' && source[i + 1] === '*');
}

/**
 * Where an expression of code that runs from `from` to its closer at `to` was in fact never
 * closed, or -1 when it was. Jinja, Twig, Nunjucks, Handlebars and Go expressions hold `<` and
 * `>` as operators (`{% if user.opens<max_opens %}`), so a tag start alone proves nothing; but
 * no engine nests an opener in an expression outside a string literal, so one that comes before
 * the closer (`<p>{{ a }</p>` and `{{ user.id }}` on a later line) means the first was never
 * closed: it then ends at its first tag start (`<` then a letter, `/`, `!` or `?`, the
 * tokenizer's tag-open transitions), or at that opener. With `oneLine` a line break ends it too.
 * A backslash escapes the next character in a string. A quote still open at the closer was never
 * a string the engine would end there (an unbalanced `'`): then the quotes are not followed, so a
 * stray quote cannot carry the expression over an opener.
 */
function markupStop(source: string, from: number, to: number, oneLine: boolean, openers: string[]): number {
  let quote = 0;
  let tag = -1;
  let bareTag = -1;
  let bareOpener = -1;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (oneLine && (c === 10 || c === 13)) return i;
    const tagHere = c === 60 && isTagOpenNext(source.charCodeAt(i + 1));
    const openerHere = opensAt(source, i, openers);
    if (tagHere && bareTag === -1) bareTag = i;
    if (openerHere && bareOpener === -1) bareOpener = i;
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) {
      quote = c;
    } else if (openerHere) {
      return tag !== -1 ? tag : i;
    } else if (tagHere && tag === -1) {
      tag = i;
    }
  }
  if (quote && bareOpener !== -1) return bareTag !== -1 && bareTag < bareOpener ? bareTag : bareOpener;
  return -1;
}

function opensAt(source: string, i: number, openers: string[]): boolean {
  for (const o of openers) if (source.charCodeAt(i) === o.charCodeAt(0) && source.startsWith(o, i)) return true;
  return false;
}

const isTagOpenNext = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 || c === 33 || c === 63;

function expression(source: string, start: number, end: number, openLength: number, closeLength: number, comment: boolean, syntax: SyntaxName): TemplateExpression {
  const text = source.slice(start, end);
  let inner = text.slice(openLength, text.length - closeLength).trim();
  if (inner.startsWith('-') || inner.startsWith('~')) inner = inner.slice(1);
  if (inner.endsWith('-') || inner.endsWith('~')) inner = inner.slice(0, -1);
  inner = inner.trim();
  // Handlebars `{{! }}` and Go `{{/* */}}` comments are told by their first character.
  const isComment = comment || (text.startsWith('{{') && !text.startsWith('{{{') && (inner.startsWith('!') || inner.startsWith('/*')));
  return { start, end, text, inner, comment: isComment, silent: isComment || rendersNothing(text, inner, syntax) };
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
