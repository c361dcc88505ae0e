import type { ResourceFacts } from '../rules/rule.js';
import type { TrackerMatcher } from '../trackers/matcher.js';
import type { Resource } from '../types.js';
import type { AddressFinder } from '../url/address-leak.js';
import type { Ticker } from '../url/form-matcher.js';
import { NO_DEADLINE } from './deadline.js';
import { findIdentifiers } from '../url/identifiers.js';
import { openStyleWords, spacerFileName } from '../url/open-path.js';
import { parseUrl } from '../url/url-parts.js';

const NO_LINK_IDS: ReadonlySet<string> = new Set();

/** Computes once what every rule reads about a resource; `linkIds` are the message's tracked-link identifiers. */
export function resourceFacts(resource: Resource, matcher: TrackerMatcher, addresses: AddressFinder, linkIds: ReadonlySet<string> = NO_LINK_IDS, deadline: Ticker = NO_DEADLINE): ResourceFacts {
  const parts = parseUrl(resource.target, deadline);
  const { openWord, strongOpenWord } = openStyleWords(parts);
  const match = matcher.match(parts);
  const spacerName = spacerFileName(parts);
  return {
    resource,
    parts,
    identifiers: findIdentifiers(parts, deadline),
    // Every key always present (undefined when absent): one object shape for the rules to read.
    openWord: openWord || undefined,
    strongOpenWord: strongOpenWord || undefined,
    spacerName: spacerName || undefined,
    match: match || undefined,
    leaks: addresses.find(resource.target, deadline),
    linkIds,
  };
}
