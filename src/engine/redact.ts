import type { MessageResult } from '../types.js';
import type { HtmlAnalysis } from './analyse-html.js';
import type { AddressFinder } from '../url/address-leak.js';
import { isHostShaped } from '../url/char-shapes.js';
import { shapeOf, type Identifier } from '../url/identifiers.js';
import { redactionIdentifiers } from '../url/redaction-identifiers.js';
import { identifierSpans } from './identifier-spans.js';
import { cutSplitTokens } from './split-tokens.js';
import { replaceEmbeddedUrls } from './embedded-urls.js';
import { ADDRESS_MASK, maskAddresses } from './mask-addresses.js';
import { NO_DEADLINE, type DeadlineLike } from './deadline.js';

const KEEP = 4;
const URL_SHAPED = /^(?:https?:)?\/\//i;

/**
 * The one redaction step: a copy of a message's result in which every string (subject, from,
 * Message-ID, finding URLs, destinations, `data` values, header findings, warnings, the error)
 * has the recipient's addresses masked in every form the detector knows, and every URL-shaped
 * string has its long per-recipient tokens masked too. Only `source` stays: it names the file
 * the user gave, and `explain` needs it back. Walking every field, rather than naming them,
 * means a field added later is masked without anyone remembering to.
 */
export function redactResult(result: MessageResult, addresses: AddressFinder, known?: KnownIdentifiers, deadline: DeadlineLike = NO_DEADLINE): MessageResult {
  return redactDeep(result, addresses, known, deadline);
}

/** Identifiers the rules already found, by URL: looking for them again cost a third of redaction. */
export type KnownIdentifiers = ReadonlyMap<string, Identifier[]>;

/** The identifiers of each resource and link URL of an analysis. */
export function knownIdentifiers(html: HtmlAnalysis): KnownIdentifiers {
  const known = new Map<string, Identifier[]>();
  for (const r of html.resources) known.set(r.facts.resource.target, r.facts.identifiers);
  for (const l of html.links) if (l.facts.link.url === l.facts.target) known.set(l.facts.target, l.facts.identifiers);
  return known;
}

/** The same over any plain data (the `explain` explanation): every string masked, `source` kept. */
export function redactDeep<T>(value: T, addresses: AddressFinder, known?: KnownIdentifiers, deadline: DeadlineLike = NO_DEADLINE): T {
  const seen = new Map<string, string>();
  // Newsletters repeat the same link many times: each distinct string is masked once.
  const mask = (s: string): string => {
    let out = seen.get(s);
    if (out === undefined) {
      // Redaction spends the message's budget too: a check every 256 distinct strings.
      deadline.tick();
      out = redactText(s, addresses, known, deadline);
      seen.set(s, out);
    }
    return out;
  };
  return walk(value, mask) as T;
}

// Plain loops over keys, not Object.entries: one pair array per field of every object of every
// result was most of this walk's allocations (walk's self time 276 ms of a 17.7 s profile).
function walk(value: unknown, mask: (s: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = walk(value[i], mask);
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const from = value as Record<string, unknown>;
    for (const k of Object.keys(from)) out[k] = k === 'source' ? from[k] : walk(from[k], mask);
    return out;
  }
  return value;
}

/** One string: addresses masked; a URL also loses its long per-recipient tokens. */
export function redactText(text: string, addresses: AddressFinder, known?: KnownIdentifiers, deadline: DeadlineLike = NO_DEADLINE): string {
  if (URL_SHAPED.test(text)) return redactUrl(text, addresses, known, deadline);
  const masked = maskAddresses(text, addresses, deadline);
  if (OPAQUE_URL.test(masked)) return redactOpaque(masked, addresses, deadline);
  // Any other scheme, with no host worth keeping (`javascript:<token>`, `vbscript:u=<token>`,
  // `urn:x:<token>`, `x-apple-data-detectors://<token>`, `java&#x0A;script:` as written): the
  // scheme kept, each identifier-shaped run after it cut, as for cid: (outside review 3, finding 7).
  const scheme = OTHER_SCHEME.exec(masked);
  if (scheme) return scheme[0] + redactOpaque(masked.slice(scheme[0].length), addresses, deadline);
  if (isHostShaped(masked)) return redactHost(masked);
  // A relative or `cid:` URL (explain's "not remote" list): read as a path and query under a stand-in host.
  if (RELATIVE_URL.test(masked)) return redactUrl(`${STAND_IN}${masked.startsWith('/') ? '' : '/'}${masked}`, addresses, undefined, deadline).slice(STAND_IN.length + (masked.startsWith('/') ? 0 : 1));
  return masked.includes('://') ? replaceEmbeddedUrls(masked, (url) => redactUrl(url, addresses, undefined, deadline)) : masked;
}

// URLs with no host that explain's "not remote" list shows: a Content-ID (`cid:<token>@x`) and a
// data: document, which can hold further URLs (`<image href=%22https://t.example/o.gif?t=<token>%22/>`).
const OPAQUE_URL = /^(?:cid|mid|data):/i;
// A URL of another scheme as written (blanks before it, tabs and newlines inside the scheme,
// which the URL parser drops), and no blank after it: a subject or a reason is never read as one.
const OTHER_SCHEME = /^[\t\n\f\r ]*[a-z][a-z0-9+.\t\n\r-]*:(?=\S*$)/i;
// What a token is made of, short of the characters that join it to its name or its neighbours.
const OPAQUE_TOKEN_CHAR = /[A-Za-z0-9_~+-]/;

/** A cid:, mid: or data: URL: the URLs inside it redacted as URLs, and every other identifier-shaped run cut. */
function redactOpaque(text: string, addresses: AddressFinder, deadline: DeadlineLike): string {
  const nested = text.includes('://') ? replaceEmbeddedUrls(text, (url) => redactUrl(url, addresses, undefined, deadline)) : text;
  let out = '';
  let from = 0;
  for (let i = 0; i <= nested.length; i++) {
    if (i < nested.length && OPAQUE_TOKEN_CHAR.test(nested[i])) continue;
    const run = nested.slice(from, i);
    const shape = run.length >= 8 ? shapeOf(run, deadline) : undefined;
    out += (shape && shape !== 'number' ? `${run.slice(0, KEEP)}…` : run) + (i < nested.length ? nested[i] : '');
    from = i + 1;
  }
  return out;
}

// No space, and a query or fragment: a URL without a scheme and host.
const RELATIVE_URL = /^[^\s?#]*[?#]\S*$/;
const STAND_IN = '//stand-in.invalid';

/** A host name on its own (a finding's `data.host`) loses its identifier-shaped labels, as in its URL. */
function redactHost(host: string): string {
  return host
    .split('.')
    .map((label) => (label.length >= 8 && shapeOf(label) && shapeOf(label) !== 'number' ? `${label.slice(0, KEEP)}…` : label))
    .join('.');
}

/**
 * Masks what identifies the reader in a URL: recipient addresses (in every encoding the leak
 * rule knows) and long per-recipient tokens, keeping the host, path shape and first characters.
 */
export function redactUrl(url: string, addresses: AddressFinder, known?: KnownIdentifiers, deadline: DeadlineLike = NO_DEADLINE): string {
  const masked = maskAddresses(url, addresses, deadline);
  const identifiers = redactionIdentifiers(masked, masked === url ? known?.get(url) : undefined, 0, deadline);
  // A token cut into short path segments is no identifier piece by piece (split-tokens.ts).
  const tokensMasked = cutSplitTokens(maskIdentifiers(masked, identifiers), KEEP, deadline);
  return masked === url ? tokensMasked : maskGlued(tokensMasked);
}

// What a token is made of (identifiers.ts), without separators (`=` `&` `/` `?` `#` `;` `,`),
// without `%`, which as often starts an encoded separator (`%26unsub=`), and without `@`, which
// starts the domain of a longer address (`[address]@hotmail.com`).
const TOKEN_CHAR = /[A-Za-z0-9_\-.~+!*$|:]/;

/**
 * A token with the address inside it (`4hyjgY38026Rjbk...E3[address]G10`) is no identifier any
 * more once masked (`[` is no token character), yet the rest of it is still per-recipient: a
 * long run glued to the mask is cut like a token. One pass, linear.
 */
function maskGlued(url: string): string {
  let out = '';
  let from = 0;
  for (let at = url.indexOf(ADDRESS_MASK); at !== -1; at = url.indexOf(ADDRESS_MASK, from)) {
    let left = at;
    while (left > from && TOKEN_CHAR.test(url[left - 1])) left--;
    const afterMask = at + ADDRESS_MASK.length;
    let right = afterMask;
    while (right < url.length && TOKEN_CHAR.test(url[right])) right++;
    out += url.slice(from, left) + cut(url.slice(left, at)) + ADDRESS_MASK + cut(url.slice(afterMask, right));
    from = right;
  }
  return out + url.slice(from);
}

const cut = (piece: string): string => (piece.length >= 8 ? `${piece.slice(0, KEEP)}…` : piece);

// What splits a URL into the pieces an identifier is (a query value, a path segment, a part of one).
const DELIMITER = /[/?&=;,#]/;
// Values that are no whole piece (`abc==` holds a delimiter) are replaced as substrings, each a
// pass over the URL: at most this many, so a URL of many such values stays linear.
const MAX_SUBSTRING_VALUES = 32;

/**
 * Masks each identifier's value to its first characters: first every piece of the URL whose
 * decoded text is a value, cut as written (identifier-spans.ts: `%2b`, `%2B` and `+` alike, and
 * inside a URL held in a parameter); then the values that are no whole piece, replaced as
 * substrings (as written and percent-encoded), a bounded number of them, and the pieces of any
 * further ones masked in one more pass. Linear in the URL: each piece is decoded and looked up
 * once, whatever the number of values (a split and join over the whole URL per identifier
 * took 44 s on a 2 MB URL).
 */
function maskIdentifiers(url: string, identifiers: Identifier[]): string {
  const values = new Set<string>();
  for (const id of identifiers) if (id.value.length >= 8 && !id.value.includes(ADDRESS_MASK)) values.add(id.value);
  if (values.size === 0) return url;
  const hit = new Set<string>();
  let out = cutSpans(url, identifierSpans(url, values, hit));
  const forms = new Map<string, string>();
  for (const value of values) {
    if (hit.has(value)) continue;
    const masked = `${value.slice(0, KEEP)}…`;
    if (!forms.has(value)) forms.set(value, masked);
    // A lone surrogate (UTF-16 HTML) makes encodeURIComponent throw; such a value has no encoded form to look for.
    const encoded = encodeURIComponent(value.toWellFormed());
    if (!forms.has(encoded)) forms.set(encoded, masked);
  }
  // Longest first, so a value inside a longer one cannot break the longer one's replacement.
  const rest = [...forms.keys()].sort((a, b) => b.length - a.length);
  const pieces = new Map<string, string>();
  let replaced = 0;
  for (const form of rest) {
    if (replaced < MAX_SUBSTRING_VALUES) {
      if (out.includes(form)) out = out.split(form).join(forms.get(form));
      replaced++;
      continue;
    }
    // Past the bound: the value's own long pieces (`abcdef123456==` loses `abcdef123456`).
    for (const piece of form.split(DELIMITER)) if (piece.length >= 8) pieces.set(piece, `${piece.slice(0, KEEP)}…`);
  }
  return pieces.size ? maskPieces(out, pieces, hit) : out;
}

/** The URL with each span (sorted or not, nested ones inside others) cut to its first characters as written. */
function cutSpans(url: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return url;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    if (start < from) continue; // inside a span cut before
    // Never end inside an escape: `%4…` would be no escape at all.
    out += url.slice(from, start) + url.slice(start, start + KEEP).replace(/%[0-9a-f]?$/i, '') + '…';
    from = end;
  }
  return out + url.slice(from);
}

/** One pass over the URL's delimited pieces, each found in `forms` replaced by its mask (and noted in `hit`). */
function maskPieces(url: string, forms: ReadonlyMap<string, string>, hit: Set<string>): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i <= url.length; i++) {
    if (i < url.length && !isDelimiter(url.charCodeAt(i))) continue;
    const piece = url.slice(from, i);
    const masked = piece.length >= 8 ? forms.get(piece) : undefined;
    if (masked !== undefined) hit.add(piece);
    parts.push(masked ?? piece);
    if (i < url.length) parts.push(url[i]);
    from = i + 1;
  }
  return parts.join('');
}

// `/ ? & = ; , #`
const isDelimiter = (c: number): boolean => c === 47 || c === 63 || c === 38 || c === 61 || c === 59 || c === 44 || c === 35;
