import { domainToASCII, domainToUnicode } from 'node:url';
import { hash } from 'node:crypto';
import { foldCase, isAscii } from './case-fold.js';
import { decodedTexts } from './decoded-views.js';
import { FormMatcher, type Ticker } from './form-matcher.js';

export type AddressEncoding = 'plain' | 'url-encoded' | 'base64' | 'base64url' | 'hex' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export interface AddressLeak {
  address: string;
  encoding: AddressEncoding;
  /** The exact text found in the URL (for redaction). */
  text: string;
}

interface Needle {
  address: string;
  encoding: AddressEncoding;
  text: string;
  /** Hex hashes and plain text are matched ignoring case; base64 is case-sensitive. */
  caseless: boolean;
  /**
   * A subaddress prefix (`reader.kiss+`, RFC 5233): `text` is the local part and its `+`, and a
   * hit counts only when a tag run and `@` (VERP: `=`) and this domain (folded) follow it.
   */
  tagDomain?: string;
}

const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
const HASH_ENCODINGS = new Set<AddressEncoding>(HASHES);
// Units of a hex hash in the caseless trie (FormMatcher's `Anchors`): 64 bits, so no two hashes
// of a message share them but by an attacker's brute force (and then a hit costs one comparison
// more per hash sharing them). The rest of the hash is compared where those units end: a tail
// compared far costs as many units of text holding it, so a scan stays linear in the text.
const HASH_ANCHOR = 16;

/**
 * The finders kept for reuse: the most recent ones, at most RECENT_FINDERS of them and
 * RECENT_FORM_UNITS units of forms in all (the newest is always kept). A finder's tables take
 * about 32 bytes per unit of its forms (form-matcher.ts), and a message that names hundreds of
 * recipients makes one of 100,000 units and more: a bound by count alone let a few of those hold
 * most of each thread's 7 MB of finders. On a 30 MB slice of the benchmark mbox (1,379 lookups)
 * half the finders built were under 1,400 units, 99% under 25,000, the largest 158,000; 64
 * finders kept by count gave 994 hits, 16 gave 958: reuse comes from the few common sets.
 */
export const RECENT_FINDERS = 64;
export const RECENT_FORM_UNITS = 64 * 1024;
const recent = new Map<string, AddressFinder>();
let recentUnits = 0;

/** What the finder cache holds now (for tests and measurements). */
export function keptFinders(): { finders: number; formUnits: number } {
  return { finders: recent.size, formUnits: recentUnits };
}

/** A finder for these addresses, reused across messages: a mailbox is mostly sent to the same few addresses. */
export function addressFinderFor(addresses: string[]): AddressFinder {
  const key = addresses.join('\n');
  let finder = recent.get(key);
  if (!finder) {
    finder = new AddressFinder(addresses);
    recent.set(key, finder);
    recentUnits += finder.formsSize;
    for (const [oldest, old] of recent) {
      if (recent.size <= 1 || (recent.size <= RECENT_FINDERS && recentUnits <= RECENT_FORM_UNITS)) break;
      recent.delete(oldest);
      recentUnits -= old.formsSize;
    }
  }
  return finder;
}

const needleCache = new Map<string, Needle[]>();

/**
 * The forms of one address to look for, cached: the six hashes are the costly part. `latin1`: the
 * forms of its Latin-1 bytes (`j%FCrgen@...`, the hex, base64 and hashes of those bytes), for an
 * address whose characters all have one: what a site in that charset writes.
 */
function needlesOf(address: string, charset: 'utf8' | 'latin1' = 'utf8'): Needle[] {
  const key = charset === 'utf8' ? address : `latin1:${address}`;
  let needles = needleCache.get(key);
  if (needles) return needles;
  needles = [];
  if (address.includes('@') && address.length >= 5) {
    const list = needles;
    const add = (encoding: AddressEncoding, text: string, caseless: boolean): void => {
      list.push({ address, encoding, text: caseless ? text.toLowerCase() : text, caseless });
    };
    const bytes = Buffer.from(address, charset);
    if (charset === 'latin1') {
      // No view decodes `%FC` (it is no UTF-8): the escapes as written are the form.
      add('url-encoded', Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16)}`)).join(''), true);
    } else {
      // Found as is: plain; found only after percent-decoding: url-encoded.
      add('plain', address, true);
      // VERP (`bounce-reader=example.org@mailer.example`, in Message-IDs, Return-Path and
      // List-Unsubscribe): the address with its `@` as `=`, as readable as the address itself.
      const at = address.lastIndexOf('@');
      if (!address.slice(0, at).includes('=')) add('plain', `${address.slice(0, at)}=${address.slice(at + 1)}`, true);
    }
    const b64 = bytes.toString('base64');
    add('base64', b64.replace(/=+$/, ''), false);
    const b64url = bytes.toString('base64url');
    if (b64url !== b64.replace(/=+$/, '')) add('base64url', b64url, false);
    // Inside a longer encoded text (`{"email":"..."}` in base64) the address starts at any of the
    // three byte offsets of a base64 group: each gives other characters. Only those that encode
    // address bytes alone are looked for (the groups shared with the bytes around it vary).
    for (const text of embeddedBase64(bytes)) {
      add('base64', text, false);
      const url = text.replace(/\+/g, '-').replace(/\//g, '_');
      if (url !== text) add('base64url', url, false);
    }
    // The address's bytes as hex (`726561646572406578616d706c652e6f7267`): as reversible as base64.
    add('hex', bytes.toString('hex'), true);
    // One-shot `hash` (Node 20.12+): 3 times faster than createHash().update().digest() on an
    // address (300,000 hashes: 0.37-0.39 s against 1.11-1.66 s), 18 of them for a new recipient.
    for (const h of HASHES) add(h, hash(h, bytes, 'hex'), true);
  }
  if (needleCache.size >= 4096) needleCache.delete(needleCache.keys().next().value as string);
  // By `key`: under `address` the Latin-1 forms replaced the UTF-8 ones, and the next finder
  // built for that address (another recipient set) missed the hashes of its UTF-8 bytes.
  needleCache.set(key, needles);
  return needles;
}

// Shorter stable runs could turn up by chance in a long token.
const MIN_EMBEDDED_BASE64 = 12;

/** The base64 characters that stand for `address` alone when it sits at byte offset 0, 1 or 2 of a group. */
export function embeddedBase64(address: string | Buffer): string[] {
  const bytes = typeof address === 'string' ? Buffer.from(address) : address;
  const out: string[] = [];
  for (let lead = 0; lead < 3; lead++) {
    // `lead` bytes before the address share its first group, unless lead is 0.
    const skip = lead === 0 ? 0 : 3 - lead;
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole <= 0) continue;
    const text = bytes.subarray(skip, skip + whole).toString('base64');
    if (text.length >= MIN_EMBEDDED_BASE64) out.push(text);
  }
  return out;
}

/**
 * The forms of one address: an internationalised domain in both its forms (mailparser hands the header's
 * `xn--bcher-kva.example` over as `bücher.example`, while a URL (or a hash a tracker computed)
 * holds whichever form the sender used.
 */
function domainForms(address: string): string[] {
  const at = address.lastIndexOf('@');
  if (at <= 0) return [address];
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  // A quoted local part (`"john doe"@example.org`) stands in URLs without its quotes too.
  const locals = local.length > 2 && local.startsWith('"') && local.endsWith('"') ? [local, local.slice(1, -1)] : [local];
  const domains = [domain];
  for (const other of [domainToASCII(domain), domainToUnicode(domain)]) {
    if (other && !domains.includes(other.toLowerCase())) domains.push(other.toLowerCase());
  }
  return locals.flatMap((l) => domains.map((d) => `${l}@${d}`));
}

/**
 * An address in its composed, decomposed and compatibility forms (`jürgen`, `ju\u0308rgen`,
 * `ｒｅａｄｅｒ＠...` as `reader@...`): plain text folds them alike (case-fold.ts), but a hash,
 * hex or base64 is of the bytes of one of them.
 */
function unicodeForms(address: string): string[] {
  const out = [address];
  for (const form of ['NFC', 'NFD', 'NFKC'] as const) {
    const other = address.normalize(form);
    if (!out.includes(other)) out.push(other);
  }
  return out;
}

/** Not ASCII, and every character has a Latin-1 byte. */
function latin1Only(address: string): boolean {
  return /[\u0080-\u00ff]/.test(address) && !/[^\u0000-\u00ff]/.test(address);
}

// The recipients looked for in one message: a header block of 256 KB (the most either MIME path
// reads) can name 40,000 addresses, and each brings about 1 KB of forms (the hashes). --me comes
// first, then Delivered-To, X-Original-To and Envelope-To (the mailbox's own), then To, Cc, Bcc,
// Resent-* and X-Forwarded-To in order (header-fields.ts).
export const MAX_ADDRESSES = 256;

// The tag of a subaddress (`reader.kiss+shop`) is read for at most this many units after the
// `+`: a local part is at most 64 octets (RFC 5321 4.5.3.1.1), and the bound keeps a hit's check
// constant, so the cost of a scan still grows with the text alone, however many `local+` it holds.
const MAX_TAG = 64;

/**
 * RFC 5322 atext and `.`, as a tag may hold them, but neither `=` (VERP's `@`) nor `@`: a table
 * by ASCII unit, since this runs inside the scan's hit callback.
 */
const TAG_UNIT = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/?^_`{|}~.-") TAG_UNIT[c.charCodeAt(0)] = 1;

/**
 * The untagged address of a subaddress (`reader.kiss+shop@example.org` -> `reader.kiss@example.org`),
 * or undefined. Only `+`: it is the delimiter Gmail, Fastmail, Outlook.com, Proton and Postfix's
 * default use; `-` (qmail, some Postfix sites) is set per domain, and `john-doe@` is as often
 * another person as a tag of `john@`, so reading it as one would mask and flag other people.
 */
function untagged(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.startsWith('"')) return undefined;
  const plus = address.indexOf('+');
  return plus > 0 && plus < at ? `${address.slice(0, plus)}@${address.slice(at + 1)}` : undefined;
}

/** Finds recipient addresses in URLs: plain, URL-encoded, base64, hex and hex hashes. */
export class AddressFinder {
  private readonly needles: Needle[] = [];
  /** Caseless forms, folded (case-fold.ts), and the needles each distinct text stands for. */
  private readonly caselessTexts: string[];
  private readonly caselessNeedles: Needle[][] = [];
  private readonly exactTexts: string[];
  private readonly exactNeedles: Needle[][] = [];
  /** The automata over both, built on the first text searched (matchers.ts): a message may have none to search. */
  private built: Automata | undefined;
  /** Units of the forms the automata hold (a hash by its anchor, HASH_ANCHOR): what a build costs, and a scan besides the text. */
  readonly formsSize: number;
  /** By caseless text: a hex hash alone, put in the caseless automaton by its first HASH_ANCHOR units. */
  private readonly anchored: boolean[];
  /** Some form holds a space (`"john doe"@...`): `+` is read as a space too, as a form value means it. */
  private readonly spaced: boolean;
  /** Addresses past MAX_ADDRESSES, not looked for. */
  readonly dropped: number;
  /** Subaddress needles (`local+`) by their local part, folded: looked up at each `+` (subaddressScan), not in the automata. */
  private readonly tagLocals = new Map<string, Needle[]>();

  constructor(addresses: string[]) {
    const seen = new Set<string>();
    let dropped = 0;
    const distinct = new Set<string>();
    // Each address once, lower-case, with the spellings it was written in that differ.
    const kept = new Map<string, Set<string>>();
    for (const raw of addresses) {
      const written = raw.trim();
      const one = written.toLowerCase();
      let spellings = kept.get(one);
      if (!spellings) {
        if (distinct.has(one)) continue;
        distinct.add(one);
        if (kept.size >= MAX_ADDRESSES) {
          dropped++;
          continue;
        }
        spellings = new Set();
        kept.set(one, spellings);
      }
      if (written !== one) spellings.add(written);
    }
    // A tagged recipient (`reader.kiss+shop@example.org`) is the mailbox of its untagged address,
    // and a tracker that strips the tag (or the subject that names the mailbox) shows that: every
    // form of it is looked for too, reported as itself. Beyond MAX_ADDRESSES: at most one each.
    for (const one of [...kept.keys()]) {
      const base = untagged(one);
      if (base !== undefined && !kept.has(base)) kept.set(base, new Set());
    }
    for (const [one, spellings] of kept) {
      for (const address of domainForms(one)) {
        // Every form of one address reports as that address: a leak is counted once per encoding.
        const add = (list: readonly Needle[]): void => {
          for (const n of list) this.needles.push(n.address === address ? n : { ...n, address });
        };
        for (const form of unicodeForms(address)) {
          if (seen.has(form)) continue;
          seen.add(form);
          add(needlesOf(form));
          if (latin1Only(form) && form === form.normalize('NFC')) add(needlesOf(form, 'latin1'));
        }
        // `"reader.kiss"@example.org` where To has it unquoted: the same mailbox (RFC 5321 4.1.2).
        // Its plain form only: its hashes too made building a finder 58% dearer (3,000 finders,
        // 0.95 -> 1.52 s CPU) and the bench's scan about 20% (recipients differ per message).
        const at = address.lastIndexOf('@');
        if (at > 0 && !address.startsWith('"')) this.needles.push({ address, encoding: 'plain', text: `"${address.slice(0, at)}"${address.slice(at)}`, caseless: true });
        // Any subaddress of an untagged recipient (`reader.kiss+anything@example.org`): its local
        // part and `+` as a form, the tag and domain checked at each hit (hits). Plain only (and
        // so percent-encoded, by the views): the hashes and base64 of an unknown tag cannot be made.
        if (at > 0 && !address.startsWith('"') && untagged(address) === undefined) {
          this.needles.push({ address, encoding: 'plain', text: `${address.slice(0, at)}+`, caseless: true, tagDomain: foldCase(address.slice(at + 1)).text });
        }
      }
      // As written (`Reader.Kiss@Example.org`): a tracker may hash it as it stands, and its hex,
      // base64 and hashes are of other bytes (its plain forms fold to the lower case's).
      for (const spelling of spellings) {
        if (seen.has(spelling)) continue;
        seen.add(spelling);
        for (const n of needlesOf(spelling)) if (n.encoding !== 'plain') this.needles.push({ ...n, address: one });
      }
    }
    this.dropped = dropped;
    const caselessTexts = new Map<string, number>();
    const exactTexts = new Map<string, number>();
    this.needles.forEach((n) => {
      if (n.tagDomain !== undefined) {
        const local = foldCase(n.text.slice(0, -1)).text;
        const list = this.tagLocals.get(local);
        if (list) list.push(n);
        else this.tagLocals.set(local, [n]);
        return;
      }
      const text = n.caseless ? foldCase(n.text).text : n.text;
      const texts = n.caseless ? caselessTexts : exactTexts;
      const lists = n.caseless ? this.caselessNeedles : this.exactNeedles;
      let at = texts.get(text);
      if (at === undefined) {
        at = lists.length;
        texts.set(text, at);
        lists.push([]);
      }
      lists[at].push(n);
    });
    this.caselessTexts = [...caselessTexts.keys()];
    this.exactTexts = [...exactTexts.keys()];
    // Only a text that is nothing but a hash is anchored: a plain form's nodes are read by cutAtEnd,
    // and the hex of the address's own bytes is the attacker's choice (`aaaa...@` is periodic hex).
    this.anchored = this.caselessNeedles.map((needles) => needles.every((n) => HASH_ENCODINGS.has(n.encoding)));
    this.formsSize = this.caselessTexts.reduce((n, t, k) => n + (this.anchored[k] ? Math.min(t.length, HASH_ANCHOR) : t.length), 0) + this.exactTexts.reduce((n, t) => n + t.length, 0);
    this.spaced = this.needles.some((n) => n.text.includes(' '));
  }

  get empty(): boolean {
    return this.needles.length === 0;
  }

  /** Every leak in a URL (query, path and fragment), as written and in each decoded view. */
  find(url: string, ticker?: Ticker): AddressLeak[] {
    if (this.needles.length === 0) return [];
    const found = new Map<Needle, AddressEncoding>();
    // What a subaddress hit read (`reader.kiss+shop@example.org`): its needle's text is only `local+`.
    const tagged = new Map<Needle, string>();
    decodedTexts(url, ticker).forEach((view, k) => {
      this.eachVariant(view, (variant, asSpace) => {
        this.hits(
          variant,
          false,
          (needles, first, last) => {
            for (const n of needles) {
              if (found.has(n) || !standsAlone(variant, first, last, n)) continue;
              // Found as is: plain; found only after percent-decoding: url-encoded.
              found.set(n, n.encoding === 'plain' && (k >= 1 || asSpace) ? 'url-encoded' : n.encoding);
              if (n.tagDomain !== undefined) tagged.set(n, variant.slice(first, last + 1));
            }
          },
          ticker,
        );
      });
    });
    const leaks: AddressLeak[] = [];
    const keys = new Set<string>();
    // A tagged recipient found as itself (`reader+news@...`) is also a subaddress of its untagged
    // address: one leak, the recipient's, not a second of the same text under the other address.
    const whole = tagged.size === 0 ? undefined : new Set([...found.keys()].filter((n) => n.tagDomain === undefined && n.encoding === 'plain').map((n) => n.text));
    for (const n of this.needles) {
      const encoding = found.get(n);
      if (encoding === undefined) continue;
      const text = tagged.get(n) ?? n.text;
      if (n.tagDomain !== undefined && whole?.has(text.toLowerCase())) continue;
      const key = `${n.address}|${encoding}`;
      if (keys.has(key)) continue;
      keys.add(key);
      leaks.push({ address: n.address, encoding, text: encoding === 'url-encoded' ? encodeURIComponent(text.toWellFormed()) : text });
    }
    return leaks;
  }

  /**
   * Where forms stand in one view (first and last unit of each, inclusive), any boundaries, the
   * longest at each end: what masking replaces. The view is read with `+` as a space too when a
   * form holds a space (same length, same positions).
   */
  spans(view: string, ticker?: Ticker): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (this.needles.length === 0) return out;
    this.eachVariant(view, (variant) => {
      const end = this.hits(variant, true, (_, first, last) => out.push([first, last]), ticker);
      this.cutAtEnd(end, out, ticker);
    });
    return out;
  }

  /**
   * An address cut by the end of the text (`https://t.shop.example?e=reader.kiss@exa`, a srcset
   * candidate ended by a tab inside the address) still shows it: a prefix of a plain form that
   * reaches past its `@` (VERP: `=`) and ends the text is masked too. The caseless automaton's
   * last node is the longest suffix of the text that begins some form, and its failure chain
   * every shorter one: the first marked there (`cut`) is the longest such prefix. No pass and no
   * automaton of its own: a third automaton of every prefix took a third of a finder's build.
   */
  private cutAtEnd(at: TextEnd, out: Array<[number, number]>, ticker?: Ticker): void {
    const { caseless, cut } = this.matchers(ticker);
    for (let node = at.node; node !== 0; node = caseless.failOf(node)) {
      ticker?.tick();
      if (cut[node] === 0) continue;
      const first = at.length - caseless.depth[node];
      const last = at.length - 1;
      out.push([at.start ? at.start[first] : first, at.end ? at.end[last] - 1 : last]);
      return;
    }
  }

  private eachVariant(view: string, use: (variant: string, plusAsSpace: boolean) => void): void {
    use(view, false);
    if (this.spaced && view.includes('+')) use(view.replace(/\+/g, ' '), true);
  }

  private matchers(ticker?: Ticker): Automata {
    this.built ??= buildAutomata(this.caselessTexts, this.exactTexts, this.caselessNeedles, this.anchored, ticker);
    return this.built;
  }

  /** Both automata over one text: the caseless one over its fold, positions mapped back to `text`. Returns where the caseless one ended. */
  private hits(text: string, longestOnly: boolean, hit: (needles: Needle[], first: number, last: number) => void, ticker?: Ticker): TextEnd {
    const { caseless, exact } = this.matchers(ticker);
    // The caseless matcher reads A-Z as a-z itself: only non-ASCII text needs folding first.
    const folded = isAscii(text) ? { text, start: undefined, end: undefined } : foldCase(text);
    const { start, end } = folded;
    const node = caseless.scan(folded.text, longestOnly, (p, f, l) => hit(this.caselessNeedles[p], start ? start[f] : f, end ? end[l] - 1 : l), ticker);
    if (this.tagLocals.size > 0) subaddressScan(folded.text, this.tagLocals, longestOnly, (n, f, l) => hit([n], start ? start[f] : f, end ? end[l] - 1 : l), ticker);
    exact.scan(text, longestOnly, (p, f, l) => hit(this.exactNeedles[p], f, l), ticker);
    return { node, length: folded.text.length, start, end };
  }
}

// Units a local part may hold that no URL or header uses to delimit one: where the walk back from
// a `+` goes on. `/`, `?`, `&`, `#`, `=`, `%`, `@` and `+` end it (a decoded view has what `%` hid).
const LOCAL_UNIT = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_!$'*^`{|}~") LOCAL_UNIT[c.charCodeAt(0)] = 1;
/** An ASCII letter or digit (a char-code test: this runs at each unit of the walk back from a `+`). */
const isAlnum = (u: number): boolean => (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122);

/**
 * Subaddresses of the recipients in a (folded) text: at each `+`, the local parts that end there
 * (from each non-alphanumeric unit within MAX_TAG units back, and from where the walk stops) are
 * looked up among the recipients', and a hit's tag and domain checked forward (subaddressHits).
 * Not forms in the automaton: `local+` is shorter than every other form, and the scan's skip at
 * the root is the shortest form's length less one; as forms they made find+mask over 20,000
 * URLs of untagged recipients 2-21% dearer (median 0.206-0.219 s against 0.181-0.202, two runs
 * of 9 alternated rounds, load 5-9). Here a text with no `+` costs one `indexOf`, and each `+` at
 * most MAX_TAG units back, a lookup per boundary there, and MAX_TAG plus a domain forward:
 * bounded, whatever the number of recipients. Ticks once per `+`.
 */
function subaddressScan(text: string, locals: Map<string, Needle[]>, cut: boolean, hit: (n: Needle, first: number, last: number) => void, ticker?: Ticker): void {
  for (let q = text.indexOf('+'); q !== -1; q = text.indexOf('+', q + 1)) {
    ticker?.tick();
    const stop = Math.max(0, q - MAX_TAG);
    let s = q;
    for (;;) {
      const u = s > stop ? text.charCodeAt(s - 1) : -1;
      const inLocal = u >= 128 || (u >= 0 && LOCAL_UNIT[u] === 1);
      // A local part may start here: where the walk stops, or after a unit that is no letter or digit.
      if (s < q && (!inLocal || !isAlnum(u))) {
        const needles = locals.get(text.slice(s, q).toLowerCase());
        if (needles) {
          const first = s;
          subaddressHits(text, needles, q + 1, cut, (n, last) => hit(n, first, last));
        }
      }
      if (!inLocal) break;
      s--;
    }
  }
}

/**
 * After a `local+` ending before `from` in a folded text: each needle whose domain follows a
 * tag run of at most MAX_TAG units and `@` (VERP: `=`), with the last unit of that domain. A
 * bounded scan (at most MAX_TAG plus the domain's units), so many `local+` in a text cost each a
 * constant: the automaton holds only the prefix. `cut` (masking): a subaddress cut by the end of
 * the text after its `@` (`reader.kiss+shop@exa`) counts too, to the text's end, as cutAtEnd
 * masks an address cut there.
 */
function subaddressHits(text: string, needles: Needle[], from: number, cut: boolean, hit: (n: Needle, last: number) => void): void {
  let j = from;
  const limit = Math.min(text.length, from + MAX_TAG);
  while (j < limit) {
    const u = text.charCodeAt(j);
    if (u >= 128 || TAG_UNIT[u] === 0) break;
    j++;
  }
  const sep = text.charCodeAt(j);
  if (sep !== 64 && sep !== 61) return; // `@`, `=`
  for (const n of needles) {
    const domain = n.tagDomain as string;
    let k = 0;
    for (; k < domain.length && j + 1 + k < text.length; k++) {
      let u = text.charCodeAt(j + 1 + k);
      if (u <= 90 && u >= 65) u += 32;
      if (u !== domain.charCodeAt(k)) break;
    }
    if (k === domain.length) hit(n, j + domain.length);
    else if (cut && j + 1 + k === text.length) hit(n, text.length - 1);
  }
}

/** Where the caseless automaton ended a text: its node, the folded length, and the map back to the text. */
interface TextEnd {
  node: number;
  length: number;
  start: Int32Array | undefined;
  end: Int32Array | undefined;
}

interface Automata {
  caseless: FormMatcher;
  exact: FormMatcher;
  /** Caseless nodes that are a prefix of a plain form reaching past its `@` (VERP: `=`) but not to its end. */
  cut: Uint8Array;
}

function buildAutomata(caselessTexts: string[], exactTexts: string[], caselessNeedles: Needle[][], anchored: boolean[], ticker?: Ticker): Automata {
  const caseless = new FormMatcher(caselessTexts, true, ticker, { anchored, length: HASH_ANCHOR });
  const exact = new FormMatcher(exactTexts, false, ticker);
  const cut = new Uint8Array(caseless.nodes);
  caselessTexts.forEach((text, k) => {
    if (!caselessNeedles[k].some((n) => n.encoding === 'plain')) return;
    const at = text.lastIndexOf('@');
    const sep = at !== -1 ? at : text.lastIndexOf('=');
    if (sep <= 0) return;
    const path = caseless.pathOf(text);
    // Prefixes of sep + 1 (the separator included) to length - 1 units.
    for (let k2 = sep; k2 < text.length - 1; k2++) cut[path[k2]] = 1;
  });
  return { caseless, exact, cut };
}

const ADDRESS_CHAR = /[a-z0-9._%+-]/i;
const HEX_CHAR = /[0-9a-f]/i;

/**
 * The form must stand on its own to count as a leak: `x5phishing@pot1` inside a longer hash is
 * another string. Base64 is left unbounded: it may sit inside a longer base64 run, and a chance
 * match is negligible. (Masking ignores boundaries: masking a little more never leaks.)
 */
function standsAlone(text: string, first: number, last: number, n: Needle): boolean {
  if (n.encoding === 'base64' || n.encoding === 'base64url') return true;
  const inner = n.encoding === 'plain' ? ADDRESS_CHAR : HEX_CHAR;
  const before = first > 0 ? text[first - 1] : '';
  const after = text[last + 1] ?? '';
  const afterNext = text[last + 2] ?? '';
  const beforeOk = !before || !inner.test(before);
  // An address may be followed by a sentence dot, but not by more of a domain.
  const afterOk = !after || !inner.test(after) || (inner === ADDRESS_CHAR && after === '.' && !/[a-z0-9]/i.test(afterNext));
  return beforeOk && afterOk;
}
