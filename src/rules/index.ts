import { addressInUrl } from './address-in-url.js';
import { hiddenImageWithId } from './hidden-image-with-id.js';
import { identifiedBeacon } from './identified-beacon.js';
import { knownTracker } from './known-tracker.js';
import type { Rule } from './rule.js';
import { spacer } from './spacer.js';

/** All rules, in the order that decides which one speaks for a resource when several fire. */
export const RULES: readonly Rule[] = [knownTracker, addressInUrl, hiddenImageWithId, identifiedBeacon, spacer];

export function findRule(idOrAlias: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === idOrAlias || r.meta.alias === idOrAlias);
}
