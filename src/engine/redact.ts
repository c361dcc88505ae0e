import type { MessageResult } from '../types.js';
import type { AddressFinder } from '../url/address-leak.js';
import { findIdentifiers, type Identifier } from '../url/identifiers.js';
import { parseUrl } from '../url/url-parts.js';
import { ADDRESS_MASK, maskAddresses } from './mask-addresses.js';

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
export function redactResult(result: MessageResult, addresses: AddressFinder): MessageResult {
  return redactDeep(result, addresses);
}

/** The same over any plain data (the `explain` explanation): every string masked, `source` kept. */
export function redactDeep<T>(value: T, addresses: AddressFinder): T {
  const seen = new Map<string, string>();
  // Newsletters repeat the same link many times: each distinct string is masked once.
  const mask = (s: string): string => {
    let out = seen.get(s);
    if (out === undefined) {
      out = redactText(s, addresses);
      seen.set(s, out);
    }
    return out;
  };
  return walk(value, mask) as T;
}

function walk(value: unknown, mask: (s: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, mask));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'source' ? v : walk(v, mask);
    return out;
  }
  return value;
}

/** One string: addresses masked; a URL also loses its long per-recipient tokens. */
export function redactText(text: string, addresses: AddressFinder): string {
  const masked = maskAddresses(text, addresses);
  return URL_SHAPED.test(masked) ? maskIdentifiers(masked, findIdentifiers(parseUrl(masked))) : masked;
}

/**
 * Masks what identifies the reader in a URL: recipient addresses (in every encoding the leak
 * rule knows) and long per-recipient tokens, keeping the host, path shape and first characters.
 */
export function redactUrl(url: string, addresses: AddressFinder): string {
  const masked = maskAddresses(url, addresses);
  return maskIdentifiers(masked, findIdentifiers(parseUrl(masked)));
}

function maskIdentifiers(url: string, identifiers: Identifier[]): string {
  let out = url;
  for (const id of identifiers) {
    if (id.value.length < 8 || id.value.includes(ADDRESS_MASK)) continue;
    const masked = `${id.value.slice(0, KEEP)}…`;
    out = out.split(id.value).join(masked);
    const encoded = encodeURIComponent(id.value);
    if (encoded !== id.value) out = out.split(encoded).join(masked);
  }
  return out;
}
