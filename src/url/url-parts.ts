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

import type { Ticker } from './form-matcher.js';

const NO_TICKER: Ticker = { tick() {} };

// By hand, one pass of indexOf-style scans: the expression it replaced,
// /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)((?:\/[^?#]*)?)(?:\?([^#]*))?(?:#(.*))?$/is, matches
// exactly when the URL starts with a scheme and `//` or with `//`, and its groups are the first
// cuts at `/?#`, then `?#`, then `#`, which these loops find. With the query split and the
// segments read in place (no split, filter and map arrays per URL), replaying the 49,003
// resource and link URLs of a benchmark-mbox scan, both builds in one process, rounds
// alternated, CPU ms median: 110-120 before, 83-95 after (load 15-19, two runs of 15-21 rounds).
// test/url-parts.test.ts holds the expression as the reference.

/** `ticker` is the message's deadline: a query of 1,500,000 parameters is one URL. */
export function parseUrl(url: string, ticker: Ticker = NO_TICKER): UrlParts {
  const hostStart = authorityStart(url);
  if (hostStart === -1) return { host: '', path: url, query: '', params: [], fragment: '', segments: pathSegments(url) };
  const length = url.length;
  let hostEnd = hostStart;
  for (; hostEnd < length; hostEnd++) {
    const c = url.charCodeAt(hostEnd);
    if (c === SLASH || c === QUESTION || c === HASH) break;
  }
  let pathEnd = hostEnd;
  if (url.charCodeAt(hostEnd) === SLASH) {
    for (; pathEnd < length; pathEnd++) {
      const c = url.charCodeAt(pathEnd);
      if (c === QUESTION || c === HASH) break;
    }
  }
  let query = '';
  let queryEnd = pathEnd;
  if (url.charCodeAt(pathEnd) === QUESTION) {
    const hash = url.indexOf('#', pathEnd + 1);
    queryEnd = hash === -1 ? length : hash;
    query = url.slice(pathEnd + 1, queryEnd);
  }
  const fragment = queryEnd < length ? url.slice(queryEnd + 1) : '';
  const at = url.lastIndexOf('@', hostEnd - 1);
  const userinfo = at < hostStart ? '' : url.slice(hostStart, at);
  const host = bareHost(url.slice(at < hostStart ? hostStart : at + 1, hostEnd));
  const path = url.slice(hostEnd, pathEnd);
  return { host, userinfo, path, query, params: parseQuery(query, ticker), fragment, segments: pathSegments(path) };
}

const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH = 0x23;

/** Where the authority starts: after `scheme://` or a leading `//`; -1 when the URL has neither. */
function authorityStart(url: string): number {
  let i = 0;
  if (isAsciiLetter(url.charCodeAt(0))) {
    i = 1;
    for (; i < url.length; i++) {
      const c = url.charCodeAt(i);
      if (!(isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d)) break;
    }
    if (url.charCodeAt(i) !== 0x3a) return -1;
    i++;
  }
  return url.charCodeAt(i) === SLASH && url.charCodeAt(i + 1) === SLASH ? i + 2 : -1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** The host without a port (`:` and digits at the end), one trailing dot, lower-cased. */
function bareHost(host: string): string {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) >= 0x30 && host.charCodeAt(end - 1) <= 0x39) end--;
  if (end > 0 && host.charCodeAt(end - 1) === 0x3a) host = host.slice(0, end - 1);
  if (host.charCodeAt(host.length - 1) === 0x2e) host = host.slice(0, -1);
  return host.toLowerCase();
}

export function parseQuery(query: string, ticker: Ticker = NO_TICKER): Array<{ name: string; value: string }> {
  if (!query) return [];
  const out: Array<{ name: string; value: string }> = [];
  // The pieces between `&` and `;`, as query.split(/[&;]/) gave them, each ticking the deadline.
  for (let start = 0; start <= query.length; ) {
    let end = start;
    let cut = -1; // the piece's first `=`
    for (; end < query.length; end++) {
      const c = query.charCodeAt(end);
      if (c === 0x26 || c === 0x3b) break;
      if (c === 0x3d && cut === -1) cut = end;
    }
    ticker.tick();
    if (end > start) {
      if (cut === -1) cut = end;
      const name = safeDecode(query.slice(start, cut));
      const value = cut === end ? '' : safeDecode(query.slice(cut + 1, end));
      out.push({ name, value });
    }
    start = end + 1;
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
  const out: string[] = [];
  for (let start = 0; start < path.length; ) {
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    if (end > start) out.push(safeDecode(path.slice(start, end)));
    start = end + 1;
  }
  return out;
}
