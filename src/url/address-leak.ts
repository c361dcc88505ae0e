import { domainToASCII, domainToUnicode } from 'node:url';
import { createHash } from 'node:crypto';
import { decodeKeepingPlus, safeDecode } from './url-parts.js';

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
}

const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;

const recent = new Map<string, AddressFinder>();

/** A finder for these addresses, reused across messages: a mailbox is mostly sent to the same few addresses. */
export function addressFinderFor(addresses: string[]): AddressFinder {
  const key = addresses.join('\n');
  let finder = recent.get(key);
  if (!finder) {
    finder = new AddressFinder(addresses);
    if (recent.size >= 64) recent.delete(recent.keys().next().value as string);
    recent.set(key, finder);
  }
  return finder;
}

const needleCache = new Map<string, Needle[]>();

/** The forms of one address to look for, cached: the six hashes are the costly part. */
function needlesOf(address: string): Needle[] {
  let needles = needleCache.get(address);
  if (needles) return needles;
  needles = [];
  if (address.includes('@') && address.length >= 5) {
    const list = needles;
    const add = (encoding: AddressEncoding, text: string, caseless: boolean): void => {
      list.push({ address, encoding, text: caseless ? text.toLowerCase() : text, caseless });
    };
    // Found as is: plain; found only after percent-decoding: url-encoded.
    add('plain', address, true);
    const b64 = Buffer.from(address).toString('base64');
    add('base64', b64.replace(/=+$/, ''), false);
    const b64url = Buffer.from(address).toString('base64url');
    if (b64url !== b64.replace(/=+$/, '')) add('base64url', b64url, false);
    // Inside a longer encoded text (`{"email":"..."}` in base64) the address starts at any of the
    // three byte offsets of a base64 group: each gives other characters. Only those that encode
    // address bytes alone are looked for (the groups shared with the bytes around it vary).
    for (const text of embeddedBase64(address)) {
      add('base64', text, false);
      const url = text.replace(/\+/g, '-').replace(/\//g, '_');
      if (url !== text) add('base64url', url, false);
    }
    // The address's bytes as hex (`726561646572406578616d706c652e6f7267`): as reversible as base64.
    add('hex', Buffer.from(address).toString('hex'), true);
    for (const h of HASHES) add(h, createHash(h).update(address).digest('hex'), true);
  }
  if (needleCache.size >= 4096) needleCache.delete(needleCache.keys().next().value as string);
  needleCache.set(address, needles);
  return needles;
}

// Shorter stable runs could turn up by chance in a long token.
const MIN_EMBEDDED_BASE64 = 12;

/** The base64 characters that stand for `address` alone when it sits at byte offset 0, 1 or 2 of a group. */
export function embeddedBase64(address: string): string[] {
  const bytes = Buffer.from(address);
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

/** Finds recipient addresses in URLs: plain, URL-encoded, base64, hex and hex hashes. */
export class AddressFinder {
  private readonly needles: Needle[] = [];

  constructor(addresses: string[]) {
    const seen = new Set<string>();
    for (const raw of addresses) {
      for (const address of domainForms(raw.trim().toLowerCase())) {
        if (seen.has(address)) continue;
        seen.add(address);
        this.needles.push(...needlesOf(address));
      }
    }
  }

  get empty(): boolean {
    return this.needles.length === 0;
  }

  /** Every form looked for (lower-cased when caseless): what redaction masks wherever it appears. */
  get forms(): ReadonlyArray<{ encoding: AddressEncoding; text: string; caseless: boolean }> {
    return this.needles;
  }

  /** Every leak in a URL (query, path and fragment), after percent-decoding. */
  find(url: string): AddressLeak[] {
    if (this.needles.length === 0) return [];
    const variants = [url];
    // Encoded more than once (`%2540` for `@`): a few rounds, as redaction masks them.
    for (let round = 0, last = url; round < 3 && (last.includes('%') || last.includes('+')); round++) {
      const next = safeDecode(last);
      if (next === last) break;
      variants.push(next);
      last = next;
    }
    const decoded = variants[1] ?? url;
    // `+` means a space only in a form-encoded query: in `user+tag@example.org%2C...` it is part of the address.
    if (url.includes('+') && decoded !== url) {
      const plusKept = decodeKeepingPlus(url);
      if (plusKept !== url && plusKept !== decoded) variants.push(plusKept);
    }
    // Most URLs can hold no plain address (no "@") and no hash (no run of 32 hex digits): the
    // lower-cased copies that the caseless needles need are made only when one could match.
    const maybePlain = variants.some((v) => v.includes('@'));
    const maybeHash = variants.some((v) => HEX_FORM_RUN.test(v));
    let lowered: string[] | undefined;
    const leaks: AddressLeak[] = [];
    let seen: Set<string> | undefined;
    for (const n of this.needles) {
      if (n.caseless && !(n.encoding === 'plain' ? maybePlain : maybeHash)) continue;
      const hay = n.caseless ? (lowered ??= variants.map((v) => v.toLowerCase())) : variants;
      const at = hay.findIndex((h) => containsBounded(h, n));
      if (at === -1) continue;
      const encoding: AddressEncoding = n.encoding === 'plain' && at >= 1 ? 'url-encoded' : n.encoding;
      const key = `${n.address}|${encoding}`;
      seen ??= new Set();
      if (seen.has(key)) continue;
      seen.add(key);
      leaks.push({ address: n.address, encoding, text: encoding === 'url-encoded' ? encodeURIComponent(n.text.toWellFormed()) : n.text });
    }
    return leaks;
  }
}

// The shortest hex form is an address of 5 bytes in hex; the hashes are 32 digits or more.
export const HEX_FORM_RUN = /[0-9a-f]{10}/i;
const ADDRESS_CHAR = /[a-z0-9._%+-]/;
const HEX_CHAR = /[0-9a-f]/;

/**
 * The needle must stand on its own: `x5phishing@pot1` inside a longer hash is another string.
 * Base64 is left unbounded: it may sit inside a longer base64 run, and a chance match is negligible.
 */
function containsBounded(hay: string, n: Needle): boolean {
  if (n.encoding === 'base64' || n.encoding === 'base64url') return hay.includes(n.text);
  const inner = n.encoding === 'plain' ? ADDRESS_CHAR : HEX_CHAR;
  for (let i = hay.indexOf(n.text); i !== -1; i = hay.indexOf(n.text, i + 1)) {
    const before = i > 0 ? hay[i - 1] : '';
    const after = hay[i + n.text.length] ?? '';
    const afterNext = hay[i + n.text.length + 1] ?? '';
    const beforeOk = !before || !inner.test(before);
    // An address may be followed by a sentence dot, but not by more of a domain.
    const afterOk = !after || !inner.test(after) || (inner === ADDRESS_CHAR && after === '.' && !/[a-z0-9]/.test(afterNext));
    if (beforeOk && afterOk) return true;
  }
  return false;
}
