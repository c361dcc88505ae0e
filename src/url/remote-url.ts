/**
 * Which URL a mail client would fetch for an attribute or CSS value, by the URL standard: the
 * WHATWG URL parser that every browser engine uses (Node's `URL` is that parser).
 */

/** A URL a client fetches from the network, or why it does not. */
export type Resolved =
  | {
      url: string;
      reason?: undefined;
      /**
       * The URL holds a user name or password (`http://bank.example@198.51.100.7/x.png`).
       * Chromium blocks every subresource request with credentials (since version 59; checked
       * on 150); other engines may load it, so it stays a resource a client only may load.
       */
      credentials: boolean;
    }
  | { url?: undefined; reason: string };

// A message has no document URL of its own (it is shown from about:blank, srcdoc or a custom
// scheme), so a relative URL is only ever remote through a <base href>. One exception, kept from
// the first version: a scheme-relative `//host/x` is taken as `http://host/x`, since webmail shows
// messages inside http(s) pages and desktop clients that load remote content resolve it so too.
// It is an assumption about the client, not a rule of the URL standard.
const SCHEME_RELATIVE_BASE = 'http://scheme-relative.invalid/';

/**
 * `raw` parsed against `base` (a serialised absolute URL, or undefined when the message has no
 * usable `<base href>`): the serialised href when it is http or https, else the reason it loads
 * nothing. The parser itself strips leading and trailing C0 controls and spaces and drops tabs
 * and newlines, as a browser does with the attribute value.
 */
export function resolveUrl(raw: string, base: string | undefined): Resolved {
  const parsed = parse(raw, base);
  if (!parsed) return { reason: base === undefined && !hasScheme(raw) ? 'a relative URL, and the message has no <base href>' : 'the URL parser rejects it' };
  const { url, href } = parsed;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: `${url.protocol} is not fetched from the network` };
  return { url: href, credentials: url.username !== '' || url.password !== '' };
}

/**
 * The absolute http(s) URL a client would fetch, or undefined for cid:, data:, relative and junk.
 */
export function remoteUrl(raw: string, base?: string): string | undefined {
  return resolveUrl(raw, base).url;
}

/** The URL parser's record and the href a browser requests, or undefined when it fails. */
function parse(raw: string, base: string | undefined): { url: URL; href: string } | undefined {
  const fallback = base ?? (schemeRelative(raw) ? SCHEME_RELATIVE_BASE : undefined);
  try {
    const url = new URL(raw, fallback);
    return { url, href: url.href };
  } catch {
    return withAsciiPunycode(raw, fallback);
  }
}

const PUNYCODE_LABEL = /xn--[a-z0-9-]*/gi;
const PLACEHOLDER = /pa(\d+)idn/g;

/**
 * Chromium 150 departs from the URL standard in one way that matters here: it does not decode
 * an ASCII host's `xn--` labels, so one that is not valid Punycode (`xn--b-123milhas-x...`,
 * seen in corpus phishing) still loads, where the standard's host parser (Node's) fails. Such a
 * URL is parsed with the labels set aside and put back, lower-cased in the host as Chromium does.
 */
function withAsciiPunycode(raw: string, base: string | undefined): { url: URL; href: string } | undefined {
  if (!raw.toLowerCase().includes('xn--') || PLACEHOLDER.test(raw)) return undefined;
  PLACEHOLDER.lastIndex = 0;
  const labels: string[] = [];
  const masked = raw.replace(PUNYCODE_LABEL, (label) => `pa${labels.push(label) - 1}idn`);
  let url: URL;
  try {
    url = new URL(masked, base);
  } catch {
    return undefined;
  }
  const origin = `${url.protocol}//${url.host}`;
  const href = url.href;
  if (!href.startsWith(origin)) return undefined;
  const restore = (text: string, lower: boolean): string => text.replace(PLACEHOLDER, (_, i: string) => (lower ? labels[Number(i)].toLowerCase() : labels[Number(i)]));
  return { url, href: restore(origin, true) + restore(href.slice(origin.length), false) };
}

/**
 * The base URL a `<base href>` sets: its value parsed against the document's fallback base URL
 * (none for a message, whose fallback is about:blank, against which only absolute URLs parse; the
 * container's base for an iframe srcdoc). Undefined when the HTML standard freezes the fallback
 * base instead: the href fails to parse, or its scheme is data or javascript. Any other scheme
 * counts, as in a browser: a `cid:` base makes relative URLs `cid:` ones, not remote.
 */
export function frozenBaseUrl(href: string, fallback: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(href, fallback ?? (schemeRelative(href) ? SCHEME_RELATIVE_BASE : undefined));
  } catch {
    return undefined;
  }
  return url.protocol === 'data:' || url.protocol === 'javascript:' ? undefined : url.href;
}

/** The input as the URL parser sees it: C0 controls and spaces trimmed, tabs and newlines gone. */
function parserInput(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 0x20) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 0x20) end--;
  return raw.slice(start, end).replace(/[\t\n\r]/g, '');
}

/** `//host` or `\\host` (with a special base, backslashes are slashes). */
function schemeRelative(raw: string): boolean {
  const s = parserInput(raw);
  const slash = (c: number): boolean => c === 0x2f || c === 0x5c;
  return slash(s.charCodeAt(0)) && slash(s.charCodeAt(1));
}

/** A scheme as the URL parser's scheme state reads it: an ASCII letter, then letters, digits, `+-.`, then `:`. */
function hasScheme(raw: string): boolean {
  const s = parserInput(raw);
  if (!/^[a-z]/i.test(s)) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === ':') return true;
    if (!/[a-z0-9+.-]/i.test(c)) return false;
  }
  return false;
}
