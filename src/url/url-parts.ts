/** A URL split without throwing: mail holds URLs that `new URL` rejects (`%%CACHEBUSTER%%`, spaces). */
export interface UrlParts {
  /** Lower-case host without port or credentials. */
  host: string;
  /** The credentials before the host (`user:pass@`), as written, without the `@`; empty when none. */
  userinfo?: string;
  /** Path as written, starting with `/` (or empty). */
  path: string;
  /** Query string without `?`. */
  query: string;
  /** Query parameters in order, values percent-decoded where possible. */
  params: Array<{ name: string; value: string }>;
  fragment: string;
  /** Path segments, percent-decoded, without empty ones (computed once: several checks read them). */
  segments: string[];
}

// The path starts at the first `/` after the host: written `([^?#]*)`, it could trade characters with the host's
// `[^/?#]*` (polynomial backtracking, eslint-plugin-regexp); the matches are the same.
const SHAPE = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)((?:\/[^?#]*)?)(?:\?([^#]*))?(?:#(.*))?$/is;

import type { Ticker } from './form-matcher.js';

const NO_TICKER: Ticker = { tick() {} };

/** `ticker` is the message's deadline: a query of 1,500,000 parameters is one URL. */
export function parseUrl(url: string, ticker: Ticker = NO_TICKER): UrlParts {
  const m = SHAPE.exec(url);
  if (!m) return { host: '', path: url, query: '', params: [], fragment: '', segments: pathSegments(url) };
  let host = m[1];
  const at = host.lastIndexOf('@');
  const userinfo = at === -1 ? '' : host.slice(0, at);
  if (at !== -1) host = host.slice(at + 1);
  host = host.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  const query = m[3] ?? '';
  const path = m[2] ?? '';
  return { host, userinfo, path, query, params: parseQuery(query, ticker), fragment: m[4] ?? '', segments: pathSegments(path) };
}

export function parseQuery(query: string, ticker: Ticker = NO_TICKER): Array<{ name: string; value: string }> {
  if (!query) return [];
  const out: Array<{ name: string; value: string }> = [];
  for (const pair of query.split(/[&;]/)) {
    ticker.tick();
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = safeDecode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : safeDecode(pair.slice(eq + 1));
    out.push({ name, value });
  }
  return out;
}

/** Percent-decoded with `+` kept (a path or a whole URL, not a form value); text with a bad escape (`%E0%A4%A`) stays as written. */
export function decodeKeepingPlus(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function safeDecode(s: string): string {
  if (!s.includes('%') && !s.includes('+')) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Path segments, percent-decoded, without empty ones. */
export function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);
}
