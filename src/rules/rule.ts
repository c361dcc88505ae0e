import type { TrackerMatch } from '../trackers/matcher.js';
import type { Finding, FindingCategory, Link, Resource } from '../types.js';
import type { AddressLeak } from '../url/address-leak.js';
import type { Identifier } from '../url/identifiers.js';
import type { UrlParts } from '../url/url-parts.js';

/** Everything known about one resource, computed once and read by every resource rule. */
export interface ResourceFacts {
  resource: Resource;
  /** Parts of `resource.target` (the proxy-unwrapped URL). */
  parts: UrlParts;
  identifiers: Identifier[];
  /** Open-style word in the path (`open`, `o`, `pixel.gif` ...). */
  openWord?: string;
  /** The same, counting only words that no content path uses. */
  strongOpenWord?: string;
  /** Spacer-style file name (`spacer.gif`, `blank.gif` ...) at the end of the path. */
  spacerName?: string;
  match?: TrackerMatch;
  leaks: AddressLeak[];
  /** Random-looking identifier values (tokens, UUIDs, hashes) of this message's click-tracked links; empty when a resource is judged alone. */
  linkIds: ReadonlySet<string>;
}

/** Everything known about one link (a/area href). */
export interface LinkFacts {
  link: Link;
  /** The link after unwrapping recipient-side link protection. */
  target: string;
  /** Parts of the link after unwrapping proxies. */
  parts: UrlParts;
  identifiers: Identifier[];
  match?: TrackerMatch;
  leaks: AddressLeak[];
  /** The destination the URL carries (query parameter or embedded URL), when it redirects elsewhere. */
  destination?: string;
  /** The link's host has the shape of a redirect host (`click.`, `links.`, `trk.` ...). */
  redirectHost: boolean;
}

/** Message-level facts for header rules. */
export interface MessageFacts {
  /** Read-receipt request headers present, with their values. */
  receiptHeaders: Array<{ name: string; value: string }>;
}

export interface RuleMeta {
  /** Stable id: never reused, never renumbered. */
  id: string;
  /** Readable alias, usable wherever the id is. */
  alias: string;
  category: FindingCategory;
  confidence: Finding['confidence'];
  /** What the rule looks at. */
  appliesTo: 'resource' | 'link' | 'message';
  /** One line: what the rule reports. */
  description: string;
  /** Longer explanation for `pixelaudit rules` and the README. */
  docs: string;
  /** Templates keyed by message key (a finding's `messageKey`); `{name}` is replaced from the finding's data at the edge (finding-message.ts). */
  messages: Record<string, string>;
}

/** What a rule returns when it fires: the rest of the Finding is filled in by the engine. */
export interface RuleHit {
  /** Key into the rule's `messages`. */
  messageKey: string;
  tracking: boolean;
  data: Record<string, string | number | boolean>;
}

export interface Rule<F = ResourceFacts> {
  meta: RuleMeta;
  /** Pure: the same facts give the same answer. Undefined when the rule does not fire. */
  check(facts: F): RuleHit | undefined;
}
