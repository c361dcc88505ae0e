import { LINK_RULES, MESSAGE_RULES, RESOURCE_RULES } from '../rules/index.js';
import type { LinkFacts, MessageFacts, Rule } from '../rules/rule.js';
import { loadVendors, type LoadOptions } from '../trackers/load.js';
import { loadCnameHosts } from '../trackers/cname-hosts.js';
import { TrackerMatcher } from '../trackers/matcher.js';
import { loadPlatforms, type PlatformDetector } from '../trackers/platforms.js';
import type { Vendor } from '../trackers/schema.js';

/** What a scan needs that does not change from message to message. */
export interface Detector {
  matcher: TrackerMatcher;
  rules: readonly Rule[];
  linkRules: ReadonlyArray<Rule<LinkFacts>>;
  messageRules: ReadonlyArray<Rule<MessageFacts>>;
  platforms: PlatformDetector;
  /** Vendors by id. */
  vendors: Map<string, Vendor>;
  /** ESP and marketing-automation vendors by the domains of their patterns (List-Unsubscribe hosts). */
  sendingDomains: Map<string, string>;
  /** The user's own addresses (--me), looked for in addition to each message's recipients. */
  me: string[];
  /** Mask addresses and per-recipient tokens in output. */
  redact: boolean;
}

export interface DetectorOptions extends LoadOptions {
  me?: string[];
  redact?: boolean;
}

export function createDetector(options: DetectorOptions = {}): Detector {
  const vendorList = loadVendors(options);
  const vendors = new Map(vendorList.map((v) => [v.id, v]));
  const sendingDomains = new Map<string, string>();
  for (const v of vendorList) {
    if (v.category !== 'esp' && v.category !== 'marketing-automation') continue;
    for (const p of v.patterns) for (const d of p.domains ?? []) if (!sendingDomains.has(d)) sendingDomains.set(d, v.id);
  }
  return {
    matcher: new TrackerMatcher(vendorList, loadCnameHosts(vendors)),
    rules: RESOURCE_RULES,
    linkRules: LINK_RULES,
    messageRules: MESSAGE_RULES,
    // Disabled vendors stay known here, so their header signatures still validate.
    platforms: loadPlatforms(new Set([...vendors.keys(), ...(options.disable ?? [])])),
    vendors,
    sendingDomains,
    me: (options.me ?? []).map((a) => a.trim().toLowerCase()),
    redact: options.redact ?? true,
  };
}
