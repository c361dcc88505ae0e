import { OPEN_FILE, SPACER_FILE, STRONG_SEGMENT } from './beacon-words.js';
import { isHostShaped, isLower } from './char-shapes.js';
import { registrable } from '../engine/party.js';
import type { Ticker } from './form-matcher.js';
import { safeDecode, type UrlParts } from './url-parts.js';

// `ticker` is the message's deadline: each parameter ticks it (1,500,000 of them is one URL).
const NO_TICKER: Ticker = { tick() {} };

/** A part of a URL that can tell one message or recipient apart from another. */
export interface Identifier {
  /** `host` for a host label or the userinfo. */
  where: 'query' | 'path' | 'host';
  /** Query parameter name, for `where: 'query'`. */
  name?: string;
  value: string;
  shape: 'uuid' | 'hex' | 'number' | 'token' | 'named-id';
}

const IMAGE_FILE = /\.(gif|png|jpe?g|webp|svg|bmp|ico|avif)$/i;
// Parameters that size, format or label an image the same way for everyone: a number under them
// is no identifier; a token, hex run or UUID is one under any name (see findIdentifiers).
const STATIC_PARAM = /^(utm_[a-z_]+|w|h|width|height|fit|crop|auto|quality|fm|format|dpr|ixlib|v|ver|version|size|lang|locale|color|colour|bg|fg|font|text|txt|mode|scale|rect|ext|type|name|alt|title|cb|cachebuster|rand|random|_)$/i;
// Parameters whose short values are still identifiers by their name.
const ID_PARAM = /^(id|uid|uuid|u|e|m|r|s|i|k|c|d|emid|mid|cid|sid|rid|eid|lid|jobid|msgid|mailid|userid|user|subscriber|subscriberid|recipient|rcpt|email|mail|token|hash|key|sig|signature|ref|tracking|track|trk|open|campaign|cmp|upn|p|ui|data)$/i;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Identifiers in the query and path of a URL, judged by shape. */
export function findIdentifiers(parts: UrlParts, ticker: Ticker = NO_TICKER): Identifier[] {
  const found: Identifier[] = [];
  for (const { name, value } of parts.params) {
    ticker.tick();
    // A bare token as the whole query (`open.aspx?ffcb10-fe8c...`, `d.gif?o00y05e...`) is a value too.
    if (value.length === 0) {
      const bare = classify(name, false, ticker);
      if (bare) found.push({ where: 'query', name: '', value: name, shape: bare });
      continue;
    }
    const shape = classify(value, false, ticker) ?? (ID_PARAM.test(name) && /\d/.test(value) && value.length >= 4 ? 'named-id' : undefined);
    // A name cannot launder a value: `?cb=<32 random characters>` tells recipients apart as well
    // as `?e=` does (an attacker picks the name). The innocuous names excuse only what cannot be
    // a per-recipient token: numbers (sizes, versions, per-open cache-busters, timestamps) and
    // whatever classify finds no token, hex or UUID in (`w=1`, `v=2.1`, `utm_content=hero_banner`).
    if (!shape || (STATIC_PARAM.test(name) && shape === 'number')) continue;
    found.push({ where: 'query', name, value, shape });
  }
  for (const id of outsideValues(parts, ticker)) found.push(id);
  const segments = cdnOriginPath(parts) ?? parts.segments;
  const last = segments[segments.length - 1] ?? '';
  // A path to an image file names content: its own name and hex or numeric folders are the same
  // for every reader (CDN hashes, account ids). Only a strong random token there is personal,
  // unless the file is a spacer or pixel, or the path is a tracking one: then its folders are ids.
  const beaconPath = SPACER_FILE.test(last) || OPEN_FILE.test(last) || segments.some((s) => STRONG_SEGMENT.has(s.toLowerCase()));
  const assetLike = IMAGE_FILE.test(last) && !beaconPath;
  const candidates = assetLike ? [...segments.slice(0, -1), last.replace(IMAGE_FILE, '')] : segments;
  for (const segment of candidates) {
    // Most segments hold neither separator: no array for them.
    for (const piece of segment.includes(',') || segment.includes(';') ? segment.split(/[,;]/) : [segment]) {
      const shape = classify(piece, true, ticker);
      if (!shape) continue;
      if (assetLike && !isStrongToken(piece, ticker)) continue;
      found.push({ where: 'path', value: piece, shape });
    }
  }
  return found;
}

// Shorter labels are too often a CDN's fixed name for a customer (`d3u9ukmkxau9he.cloudfront.net`).
const MIN_HOST_LABEL = 20;
const RANDOM_SHAPES = new Set(['token', 'hex', 'uuid']);

/**
 * Identifiers where no value stands: a parameter name (`?x=1&<token>=1`), the userinfo
 * (`https://<token>@t.example/`) and a host label below the registrable domain
 * (`<token>.t.shop.example`). A sender picks where the id goes; only random shapes count here.
 */
function outsideValues(parts: UrlParts, ticker: Ticker): Identifier[] {
  const found: Identifier[] = [];
  for (const { name, value } of parts.params) {
    const shape = value.length > 0 ? classify(name, false, ticker) : undefined;
    if (shape && RANDOM_SHAPES.has(shape)) found.push({ where: 'query', name: '', value: name, shape });
  }
  for (const piece of (parts.userinfo ?? '').split(':')) {
    const shape = classify(safeDecode(piece), false, ticker);
    if (shape && RANDOM_SHAPES.has(shape)) found.push({ where: 'host', value: safeDecode(piece), shape });
  }
  const domain = registrable(parts.host);
  if (domain !== parts.host && parts.host.endsWith(`.${domain}`)) {
    for (const label of parts.host.slice(0, -domain.length - 1).split('.')) {
      const shape = label.length >= MIN_HOST_LABEL ? classify(label, false, ticker) : undefined;
      if (shape && RANDOM_SHAPES.has(shape)) found.push({ where: 'host', value: label, shape });
    }
  }
  return found;
}

/** How a finding names an identifier: `e=token`, `path hex`, `host token`. */
export function identifierLabel(id: Identifier): string {
  return id.where === 'query' ? `${id.name}=${id.shape}` : `${id.where} ${id.shape}`;
}

// Akamai's classic resource locators: /7/<cpcode>/<ttl>/<object key>/<origin host>/<origin path>.
// The key names the cached object for every reader; only the origin path can say more.
const AKAMAI_HOST = /(^|\.)akamai(tech)?\.net$/i;

/** The origin path of an Akamai classic URL (cache key folders left out), or undefined. */
function cdnOriginPath(parts: UrlParts): string[] | undefined {
  const s = parts.segments;
  if (!AKAMAI_HOST.test(parts.host) || s.length < 6) return undefined;
  if (!/^\d$/.test(s[0]) || !/^\d+$/.test(s[1]) || !/^\d+[a-z]?$/i.test(s[2]) || !/^[0-9a-z]+$/i.test(s[3]) || !isHostShaped(s[4])) return undefined;
  return s.slice(5);
}

/** The identifier shape of a piece of a URL written outside a value (a name, a host label, userinfo), or undefined. */
export function shapeOf(piece: string, ticker: Ticker = NO_TICKER): Identifier['shape'] | undefined {
  return classify(piece, true, ticker);
}

// The regular expressions below are single native passes (linear, a 21 MB value in tens of
// ms); the hand loops tick the deadline, one tick per TICK_CHARS characters or per slug part.
const TICK_CHARS = 64;

function classify(value: string, inPath: boolean, ticker: Ticker): Identifier['shape'] | undefined {
  const v = value.trim();
  if (v.length < 5) return undefined;
  const hex = hexShape(v, ticker);
  if ((hex & HEX_OR_DASH) !== 0 && v.length >= 32 && v.length <= 36 && UUID.test(v)) return 'uuid';
  if ((hex & ALL_HEX) !== 0 && v.length >= 16 && (hex & HAS_DIGIT) !== 0 && (hex & HAS_A_TO_F) !== 0) return 'hex';
  if ((hex & ALL_DIGITS) !== 0) return v.length >= (inPath ? 6 : 5) ? 'number' : undefined;
  if (isToken(v, ticker)) return 'token';
  return undefined;
}

const HEX_OR_DASH = 1;
const ALL_HEX = 2;
const ALL_DIGITS = 4;
const HAS_DIGIT = 8;
const HAS_A_TO_F = 16;

/**
 * What the UUID, hex and number checks need to know, in one pass that stops at the first
 * character outside [0-9a-fA-F-] (most tokens stop there): it replaces three anchored regular
 * expressions and the two `\d` and `[a-f]` searches run on every value, piece and segment.
 * Replaying the 49,003 resource and link URLs of a benchmark-mbox scan through findIdentifiers
 * (with isSlug's parts read in place), both builds in one process, rounds alternated, CPU ms
 * median: 138-176 before, 127-147 after (load 15-19, two runs of 15-21 rounds).
 */
function hexShape(v: string, ticker: Ticker): number {
  let flags = HEX_OR_DASH | ALL_HEX | ALL_DIGITS;
  for (let i = 0; i < v.length; i++) {
    if (i % TICK_CHARS === TICK_CHARS - 1) ticker.tick();
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) flags |= HAS_DIGIT;
    else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) flags = (flags & ~ALL_DIGITS) | HAS_A_TO_F;
    else if (c === 45) flags &= ~(ALL_HEX | ALL_DIGITS);
    else return 0;
  }
  return flags;
}

/** Random-looking: long, letters and digits mixed in short runs (words, slugs and years make long runs). */
function isToken(v: string, ticker: Ticker = NO_TICKER): boolean {
  if (v.length < 12) return false;
  // One pass: character classes, and runs as the regex /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/ would count them.
  let digits = 0;
  let letters = 0;
  let upper = false;
  let lower = false;
  let runs = 0;
  let prev = 0; // 0 other, 1 digit, 2 upper, 3 lower
  for (let i = 0; i < v.length; i++) {
    if (i % TICK_CHARS === TICK_CHARS - 1) ticker.tick();
    const c = v.charCodeAt(i);
    let kind = 0;
    if (c >= 48 && c <= 57) kind = 1;
    else if (c >= 65 && c <= 90) kind = 2;
    else if (c >= 97 && c <= 122) kind = 3;
    else if (!TOKEN_PUNCTUATION.has(c)) return false;
    if (kind === 1) digits++;
    else if (kind === 2) {
      letters++;
      upper = true;
    } else if (kind === 3) {
      letters++;
      lower = true;
    }
    // A new run starts at a class change, except upper followed by lower (a capitalised word).
    if (kind !== 0 && kind !== prev && !(prev === 2 && kind === 3)) runs++;
    else if (kind === 3 && prev === 2 && i >= 2 && classOf(v.charCodeAt(i - 2)) === 2) runs++; // ABCdef: ABC and Cdef
    prev = kind;
  }
  if (isSlug(v, ticker)) return false;
  const meanRun = (letters + digits) / Math.max(1, runs);
  if (letters === 0 || digits === 0) return v.length >= 24 && upper && lower && meanRun <= 4.5;
  // Long random strings have short runs (base64 and hex average 2 to 3); paths of words do not.
  if (v.length >= 32) return meanRun <= 6;
  return meanRun <= 4.5 && (digits >= 2 || v.length >= 20);
}

// Characters allowed in a token besides letters and digits: _ - = . ~ + / % : ! * $ @ |
const TOKEN_PUNCTUATION = new Set([95, 45, 61, 46, 126, 43, 47, 37, 58, 33, 42, 36, 64, 124]);

function classOf(c: number): number {
  if (c >= 48 && c <= 57) return 1;
  if (c >= 65 && c <= 90) return 2;
  if (c >= 97 && c <= 122) return 3;
  return 0;
}

/**
 * `keeping-amazon-ec2-off-your-website`, `create_web_page_000004`, `HEADER-MOBILE600x600px-TAG0`:
 * mostly words between separators. Image sizes (`600x600px`, `@2x`) describe, and a word in
 * one case or capitalised, of three letters or more, may carry a number of up to four digits
 * (`TAG0`, `Spring2024`); mixed case with a digit (`MHsXQVyAA7`) is base64, not a word.
 */
export function isSlug(v: string, ticker: Ticker = NO_TICKER): boolean {
  // One pass over the parts, no array of them: splitting a 20 MB value of `word-` into 4,000,000
  // strings and filtering them took 1.9 s (most of it GC) with no tick in between; this loop
  // gives the same answer (test/identifier-places.test.ts) and ticks per part.
  const text = v.replace(IMAGE_SIZE, '-');
  let parts = 0;
  let words = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SLUG_SEPARATORS.has(text.charCodeAt(i))) {
      if (start === -1) continue;
      parts++;
      if (isWordAt(text, start, i)) words++;
      start = -1;
      ticker.tick();
    } else if (start === -1) start = i;
  }
  return parts >= 3 && words * 2 > parts;
}

const IMAGE_SIZE = /\d{1,4}x\d{1,4}(px)?/gi;
// - _ . ~ , / @
const SLUG_SEPARATORS = new Set([45, 95, 46, 126, 44, 47, 64]);

/**
 * Whether text[start, end) is a word: what /^[A-Za-z]{3,}$/, /^(?:[A-Z]{3,}|[A-Z]?[a-z]{3,})\d{1,4}$/
 * and /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*$/ answered on the part's slice, read in place (no slice and
 * three expressions per part; test/identifier-places.test.ts holds the expressions as the reference).
 */
function isWordAt(text: string, start: number, end: number): boolean {
  let j = start;
  let upper = 0;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c >= 65 && c <= 90) upper++;
    else if (!(c >= 97 && c <= 122)) break;
    j++;
  }
  const letters = j - start;
  if (j === end) {
    // Letters only: three or more make a word; shorter ones only in the camel-case shape (`ab`, `Ab`, `a`).
    if (letters >= 3) return true;
    return letters > 0 && isLower(text.charCodeAt(end - 1));
  }
  // Letters and then one to four digits to the end: `TAG0`, `Spring2024`, `abc1`.
  const digits = end - j;
  if (letters < 3 || digits > 4) return false;
  for (let k = j; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  if (upper === letters) return true;
  // One capital at most, and only first: the rest lower case, three or more of them.
  const first = isLower(text.charCodeAt(start)) ? 0 : 1;
  return upper === first && letters - first >= 3;
}

function isStrongToken(v: string, ticker: Ticker): boolean {
  return v.length >= 20 && /[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v) && isToken(v, ticker);
}

/** A random-looking identifier (token, UUID, hex hash) of 10 characters or more: the shapes that tell one recipient's copy from another's, unlike campaign numbers and short named ids. */
export function isRandomId(id: Identifier): boolean {
  return (id.shape === 'token' || id.shape === 'uuid' || id.shape === 'hex') && id.value.length >= 10;
}
