import { addressInLink } from './address-in-link.js';
import { addressInUrl } from './address-in-url.js';
import { clickTracking } from './click-tracking.js';
import { hiddenImageWithId } from './hidden-image-with-id.js';
import { idSharedWithLink } from './id-shared-with-link.js';
import { identifiedBeacon } from './identified-beacon.js';
import { knownTracker } from './known-tracker.js';
import { readReceipt } from './read-receipt.js';
import type { LinkFacts, MessageFacts, Rule, RuleMeta } from './rule.js';
import { spacer } from './spacer.js';
import { trackingHostLabel } from './tracking-host-label.js';

/** Resource rules, in the order that decides which one speaks for a resource when several fire. */
export const RESOURCE_RULES: readonly Rule[] = [knownTracker, addressInUrl, hiddenImageWithId, identifiedBeacon, idSharedWithLink, trackingHostLabel, spacer];
/** Link rules: each that fires is reported. */
export const LINK_RULES: ReadonlyArray<Rule<LinkFacts>> = [clickTracking, addressInLink];
/** Header rules. */
export const MESSAGE_RULES: ReadonlyArray<Rule<MessageFacts>> = [readReceipt];

/** Every rule's metadata, for docs and `pixelaudit rules`. */
export const RULES: ReadonlyArray<{ meta: RuleMeta }> = [...RESOURCE_RULES, ...LINK_RULES, ...MESSAGE_RULES];
