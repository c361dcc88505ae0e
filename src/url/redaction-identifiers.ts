import { findIdentifiers, shapeOf, type Identifier } from './identifiers.js';
import { parseQuery, parseUrl, type UrlParts } from './url-parts.js';

const URL_SHAPED = /^(?:https?:)?\/\//i;
const MAX_DEPTH = 3;

/**
 * The identifiers redaction cuts from a URL: those the rules judged (`known`, else found afresh),
 * those of a URL held in a parameter (a redirect's destination: its `?sub=<token>` is the
 * reader's as much), those of the fragment read as a query (`o.gif#id=<token>`), and
 * identifier-shaped parameter names, userinfo and host labels
 * (`<token>.t.shop.example`, `<token>@t.shop.example`, `?x=1&<token>=1`).
 */
export function redactionIdentifiers(url: string, known?: readonly Identifier[], depth = 0): Identifier[] {
  const parts = parseUrl(url);
  const ids = [...(known ?? findIdentifiers(parts))];
  const fragment = parts.fragment.includes('=') || parts.fragment.includes('&') ? parseQuery(parts.fragment) : [{ name: parts.fragment, value: '' }];
  if (parts.fragment) for (const id of findIdentifiers({ ...parts, params: fragment, segments: [] })) ids.push(id);
  for (const p of [...parts.params, ...fragment]) {
    if (p.value && p.name && shapeOf(p.name)) ids.push({ where: 'query', name: '', value: p.name, shape: shapeOf(p.name) as Identifier['shape'] });
    if (depth < MAX_DEPTH && URL_SHAPED.test(p.value)) for (const id of redactionIdentifiers(p.value, undefined, depth + 1)) ids.push(id);
  }
  for (const piece of authorityPieces(url, parts)) {
    const shape = shapeOf(piece);
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
