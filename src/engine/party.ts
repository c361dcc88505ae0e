import { getDomain } from 'tldts';
import type { ParsedMessage } from '../mail/parse-message.js';
import type { Party } from '../types.js';
import { TextKeyedCache } from '../html/text-keyed-cache.js';

// A URL's host is a slice of the whole URL: kept copies (TextKeyedCache) hold only the host.
const known = new TextKeyedCache<string>({ maxChars: 2_000_000, maxEntries: 50_000, maxKeyChars: 1024 });
const domainOf = (host: string): string => getDomain(host) ?? host;

/** Registrable domain (public suffix list), or the host itself for IPs and unknown suffixes. Hosts repeat across a mailbox, so answers are kept. */
export function registrable(host: string): string {
  return known.get(host, domainOf);
}

/**
 * `text` without trailing blanks and `extra` characters. By hand: `/[>\s]+$/` retried the whole
 * run of blanks from every position in it (quadratic on a long one).
 */
function trimEndOf(text: string, extra: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === extra || text[end - 1].trim() === '')) end--;
  return text.slice(0, end);
}

/** The sender's registrable domains: From, DKIM d= and Return-Path. */
export function senderDomains(parsed: ParsedMessage): Set<string> {
  const out = new Set<string>();
  const add = (domain: string | undefined): void => {
    if (domain) out.add(registrable(trimEndOf(domain.toLowerCase(), '>')));
  };
  add(parsed.fromAddress?.split('@')[1]);
  for (const sig of parsed.header('dkim-signature')) add(/(?:^|;)\s*d=([^;\s]+)/i.exec(sig)?.[1]);
  for (const rp of parsed.header('return-path')) add(/@([^>\s]+)/.exec(rp)?.[1]);
  return out;
}

/**
 * First party: the host belongs to the sender. ESP on the sender's domain: it does, but a vendor
 * runs it (CNAME), as a vendor path pattern or the headers show. Third party: anyone else.
 */
export function partyOf(host: string, sender: Set<string>, vendorBehind: boolean): Party {
  if (!sender.has(registrable(host))) return 'third-party';
  return vendorBehind ? 'esp-on-sender-domain' : 'first-party';
}
