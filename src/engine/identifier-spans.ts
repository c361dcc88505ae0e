import { decodeOnce, type View } from '../url/decoded-views.js';
import { decodeKeepingPlus, safeDecode } from '../url/url-parts.js';

const URL_SHAPED = /^(?:https?:)?\/\//i;
const SCHEME_AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
// A redirect inside a redirect inside a redirect: deeper is not mail.
const MAX_DEPTH = 3;
const MIN_PIECE = 8;

/**
 * Where the identifier values stand in a URL as written: the raw span of each piece (userinfo,
 * host label, path segment and its `,`/`;` parts, query and fragment names and values) whose
 * decoded text is one of `values`, and the same inside a URL that a value holds
 * (`?url=https%3A%2F%2Fdest.example%2F%3Fsub%3D<token>`), mapped back through the decoding.
 * Cutting the span as written is what cuts `%2b` and `%2B` and `+` alike: searching the URL for
 * the value's one encoded form missed every other way of writing it. Linear: each piece is
 * decoded once, and a nested URL is a slice of its value, read at most MAX_DEPTH levels down.
 * Values found are added to `hit`.
 */
export function identifierSpans(url: string, values: ReadonlySet<string>, hit: Set<string>, depth = 0): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const check = (start: number, end: number): boolean => {
    if (end - start < MIN_PIECE) return false;
    const raw = url.slice(start, end);
    for (const text of [raw, safeDecode(raw), decodeKeepingPlus(raw)]) {
      if (values.has(text)) {
        hit.add(text);
        out.push([start, end]);
        return true;
      }
    }
    return false;
  };
  const authority = SCHEME_AUTHORITY.exec(url);
  let pathStart = 0;
  if (authority) {
    const from = authority[0].length;
    pathStart = firstOf(url, '/?#', from);
    const at = url.lastIndexOf('@', pathStart - 1);
    if (at >= from) split(url, from, at, ':', check);
    split(url, at >= from ? at + 1 : from, pathStart, '.:', check);
  }
  const hash = url.indexOf('#', pathStart);
  const end = hash === -1 ? url.length : hash;
  const question = url.indexOf('?', pathStart);
  const query = question !== -1 && question < end ? question : -1;
  const pathEnd = query === -1 ? end : query;
  split(url, pathStart, pathEnd, '/', (s, e) => check(s, e) || (split(url, s, e, ',;', check), true));
  const params = (from: number, to: number): void =>
    split(url, from, to, '&;', (s, e) => {
      const eq = url.indexOf('=', s);
      if (eq === -1 || eq >= e) return check(s, e);
      check(s, eq);
      if (!check(eq + 1, e) && depth < MAX_DEPTH) nested(url, eq + 1, e, values, hit, depth, out);
      return true;
    });
  if (query !== -1) params(query + 1, end);
  if (hash !== -1) params(hash + 1, url.length);
  return out;
}

/** A value that decodes (one to three rounds) to a URL: its spans, mapped back to `url`. */
function nested(url: string, start: number, end: number, values: ReadonlySet<string>, hit: Set<string>, depth: number, out: Array<[number, number]>): void {
  let view: View | undefined = { text: url.slice(start, end) };
  for (let round = 0; view && round < MAX_DEPTH && !URL_SHAPED.test(view.text); round++) view = decodeOnce(view, true);
  if (!view || !URL_SHAPED.test(view.text) || !view.start || !view.end) return;
  for (const [s, e] of identifierSpans(view.text, values, hit, depth + 1)) out.push([start + view.start[s], start + view.end[e - 1]]);
}

function firstOf(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i])) return i;
  return text.length;
}

/** Calls `piece` for each run of [from, to) between the separator characters. */
function split(text: string, from: number, to: number, separators: string, piece: (start: number, end: number) => unknown): void {
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !separators.includes(text[i])) continue;
    if (i > s) piece(s, i);
    s = i + 1;
  }
}
