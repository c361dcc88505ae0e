import type { LinkFacts } from '../rules/rule.js';
import type { TrackerMatcher } from '../trackers/matcher.js';
import type { Link } from '../types.js';
import type { AddressFinder } from '../url/address-leak.js';
import { recoverDestination } from '../url/destination.js';
import type { Ticker } from '../url/form-matcher.js';
import { NO_DEADLINE } from './deadline.js';
import { findIdentifiers } from '../url/identifiers.js';
import { unwrapProxy } from '../url/unwrap-proxy.js';
import { parseUrl } from '../url/url-parts.js';

// Host names that redirectors use, on vendor domains and on senders' CNAMEs alike.
const REDIRECT_HOST = /^(click|clicks|clk|link|links|lnk|l|t|tr|trk|track|tracking|go|r|redirect|email|e|em|mail|news|url\d+|u\d+|ablink|sli|li|ct|c)\./i;

/** Computes once what every link rule reads; only http(s) links. */
export function linkFacts(link: Link, matcher: TrackerMatcher, addresses: AddressFinder, deadline: Ticker = NO_DEADLINE): LinkFacts | undefined {
  if (!/^https?:\/\//i.test(link.url)) return undefined;
  const target = unwrapProxy(link.url).target;
  const parts = parseUrl(target, deadline);
  const match = matcher.match(parts, 'link');
  const destination = recoverDestination(parts);
  return {
    link,
    target,
    parts,
    identifiers: findIdentifiers(parts, deadline),
    // Every key always present (undefined when absent): one object shape for the rules to read.
    match: match || undefined,
    leaks: addresses.find(target, deadline),
    destination: destination || undefined,
    redirectHost: REDIRECT_HOST.test(parts.host),
  };
}
