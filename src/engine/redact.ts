import type { Finding } from '../types.js';
import type { AddressFinder, AddressLeak } from '../url/address-leak.js';
import { findIdentifiers, type Identifier } from '../url/identifiers.js';
import { parseUrl } from '../url/url-parts.js';

const KEEP = 4;

/**
 * Masks what identifies the reader in a URL: recipient addresses (in every encoding the leak
 * rule knows) and long per-recipient tokens, keeping the host, path shape and first characters.
 */
export function redactUrl(url: string, addresses: AddressFinder): string {
  let out = url;
  for (const leak of addresses.find(url)) out = replaceAllCaseless(out, leak.text, '[address]');
  return maskIdentifiers(out, findIdentifiers(parseUrl(out)));
}

/** The same, with the leaks and identifiers the rules already found in this URL (no second search). */
export function redactKnown(url: string, leaks: AddressLeak[], identifiers: Identifier[]): string {
  let out = url;
  for (const leak of leaks) out = replaceAllCaseless(out, leak.text, '[address]');
  return maskIdentifiers(out, identifiers);
}

function maskIdentifiers(url: string, identifiers: Identifier[]): string {
  let out = url;
  for (const id of identifiers) {
    if (id.value.length < 8 || id.value.includes('[address]')) continue;
    const masked = `${id.value.slice(0, KEEP)}…`;
    out = out.split(id.value).join(masked);
    const encoded = encodeURIComponent(id.value);
    if (encoded !== id.value) out = out.split(encoded).join(masked);
  }
  return out;
}

/** Masks addresses in a header finding (a read-receipt address). URL findings are redacted where they are made. */
export function redactHeaderFinding(finding: Finding, addresses: AddressFinder): Finding {
  let url = finding.url;
  for (const leak of addresses.find(url)) url = replaceAllCaseless(url, leak.text, '[address]');
  return { ...finding, url };
}

function replaceAllCaseless(haystack: string, needle: string, replacement: string): string {
  if (!needle) return haystack;
  const lower = haystack.toLowerCase();
  const n = needle.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = lower.indexOf(n); i !== -1; i = lower.indexOf(n, from)) {
    out += haystack.slice(from, i) + replacement;
    from = i + n.length;
  }
  return out + haystack.slice(from);
}
