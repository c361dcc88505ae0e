import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseUrl } from '../url/url-parts.js';
import { placeholdersIn } from './placeholders.js';
import type { TemplateExpression } from './template-expressions.js';

/**
 * The shape of a URL, which stays the same when the template is edited elsewhere or the link's
 * literal ids change: the host, the path with each expression as `{}`, each number as `0` and
 * each long token as `*`, and the sorted names of the query parameters (not their values).
 */
export function urlShape(url: string, expressions: TemplateExpression[]): string {
  const parts = parseUrl(url);
  const host = hole(parts.host, expressions);
  const path = parts.segments
    .map((s) =>
      hole(s, expressions)
        .replace(/\d+/g, '0')
        .replace(/[A-Za-z0-9_-]{16,}/g, '*'),
    )
    .join('/');
  const names = [...new Set(parts.params.map((p) => hole(p.name, expressions)))].sort().join('&');
  // The expressions themselves, in order: `?w={{ width }}` baselined must not hide a later
  // `?w={{ subscriber.uuid }}`, nor `{{ user.id }}` a `{{ user.email }}`. Blanks are normalised so
  // that reformatting `{{user.id}}` as `{{ user.id }}` is not a new finding.
  const exprs = placeholdersIn(url, expressions).map((s) => normaliseExpression(s.expression.text));
  return `${host}/${path}${names ? `?${names}` : ''}${exprs.length ? `#${exprs.join('|')}` : ''}`;
}

/** An expression's text, trimmed, blanks collapsed, and none next to its delimiters: `{{user.id}}` is `{{ user.id }}`. */
export function normaliseExpression(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/([{%|[(]) /g, '$1')
    .replace(/ ([}%|\])])/g, '$1');
}

function hole(text: string, expressions: TemplateExpression[]): string {
  const spans = placeholdersIn(text, expressions);
  if (!spans.length) return text.toLowerCase();
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${text.slice(at, s.start)}{}`;
    at = s.end;
  }
  return (out + text.slice(at)).toLowerCase();
}

/** A tag's shape: its id and its text with blanks collapsed. */
export function tagShape(tagId: string, text: string): string {
  return `${tagId}:${text.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The name a fingerprint (and a baseline entry) gives a file: its path relative to the
 * baseline's folder (`base`), with `/`, whatever the working folder. Relative to the cwd, a
 * baseline written by `check emails` at the repository's root (`emails/a.hbs`) accepted nothing
 * in `cd emails && check .` (`a.hbs`): the same file, the same baseline, new findings.
 */
export function fingerprintPath(file: string, cwd: string, base: string): string {
  const relative = path.relative(base, path.resolve(cwd, file));
  return relative.split(path.sep).join('/');
}

/**
 * One finding's fingerprint: the file (fingerprintPath), the rule, the element path (element-paths.ts; the
 * element's name for an .eml), the severity and message key (`kind`: an info finding that becomes
 * an error is new), the shape, and which one of the findings with these four it is in
 * the file (so two identical pixels are two entries). No line or column: adding a paragraph
 * above a pixel does not make it new.
 */
export function fingerprintOf(file: string, ruleId: string, elementPath: string, shape: string, ordinal: number, kind: string): string {
  const key = [file.split('\\').join('/'), ruleId, kind, elementPath, shape, String(ordinal)].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
