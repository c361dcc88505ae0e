import { campaignTagging } from '../check/rules/campaign-tagging.js';
import { suppressionWithoutReason } from '../check/rules/suppression-without-reason.js';
import { templateIdInLink } from '../check/rules/template-id-in-link.js';
import { templateIdInResource } from '../check/rules/template-id-in-resource.js';
import { templateTrackingTag } from '../check/rules/template-tracking-tag.js';
import { unclosedTemplateExpression } from '../check/rules/unclosed-template-expression.js';
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

/** The rules only `pixelaudit check` runs on templates, on top of the scan's (their code is in src/check/). */
export const CHECK_RULES: ReadonlyArray<{ meta: RuleMeta }> = [templateTrackingTag, templateIdInResource, templateIdInLink, campaignTagging, suppressionWithoutReason, unclosedTemplateExpression];

/** Every rule's metadata, for docs, `pixelaudit rules`, the CI formats' rule tables and rendering findings' words. */
export const RULES: ReadonlyArray<{ meta: RuleMeta }> = [...RESOURCE_RULES, ...LINK_RULES, ...MESSAGE_RULES, ...CHECK_RULES];
