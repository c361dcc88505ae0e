import { findIdentifiers, shapeOf, type Identifier } from './identifiers.js';
import type { Ticker } from './form-matcher.js';
import { parseQuery, parseUrl, type UrlParts } from './url-parts.js';

const URL_SHAPED = /^(?:https?:)?\/\//i;
const MAX_DEPTH = 3;

/**
 * The identifiers redaction cuts from a URL: those the rules judged (`known`, else found afresh),
 * those of a URL held in a parameter (a redirect's destination: its `?sub=<token>` is the
 * reader's as much), those of the fragment read as a query (`o.gif#id=<token>`), and
 * identifier-shaped parameter names, userinfo and host labels
 * (`<token>.t.shop.example`, `<token>@t.shop.example`, `?x=1&<token>=1`).
 * `ticker` is the message's deadline (redaction spends the budget too): parsing and classifying
 * tick it, so one 21 MB value cannot run past the budget between two ticks.
 */
export function redactionIdentifiers(url: string, known?: readonly Identifier[], depth = 0, ticker?: Ticker): Identifier[] {
  const parts = parseUrl(url, ticker);
  const ids = [...(known ?? findIdentifiers(parts, ticker))];
  const fragment = parts.fragment.includes('=') || parts.fragment.includes('&') ? parseQuery(parts.fragment, ticker) : [{ name: parts.fragment, value: '' }];
  if (parts.fragment) for (const id of findIdentifiers({ ...parts, params: fragment, segments: [] }, ticker)) ids.push(id);
  for (const p of [...parts.params, ...fragment]) {
    const nameShape = p.value && p.name ? shapeOf(p.name, ticker) : undefined;
    if (nameShape) ids.push({ where: 'query', name: '', value: p.name, shape: nameShape });
    if (depth < MAX_DEPTH && URL_SHAPED.test(p.value)) for (const id of redactionIdentifiers(p.value, undefined, depth + 1, ticker)) ids.push(id);
  }
  for (const piece of authorityPieces(url, parts)) {
    const shape = shapeOf(piece, ticker);
    if (shape && shape !== 'number') ids.push({ where: 'path', value: piece, shape });
  }
  return ids;
}

/** The userinfo's parts and the host's labels. */
function authorityPieces(url: string, parts: UrlParts): string[] {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)/i.exec(url);
  if (!m) return [];
  const at = m[1].lastIndexOf('@');
  const userinfo = at === -1 ? [] : m[1].slice(0, at).split(':');
  return [...userinfo, ...parts.host.split('.')].filter((p) => p.length >= 8);
}
