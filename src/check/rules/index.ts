import type { RuleMeta } from '../../rules/rule.js';
import { RESOURCE_RULES, LINK_RULES, MESSAGE_RULES } from '../../rules/index.js';
import { campaignTagging } from './campaign-tagging.js';
import { suppressionWithoutReason } from './suppression-without-reason.js';
import { templateIdInLink } from './template-id-in-link.js';
import { templateIdInResource } from './template-id-in-resource.js';
import { templateTrackingTag } from './template-tracking-tag.js';

/** The rules only `check` runs, on top of the scan's. */
export const CHECK_RULES = [templateTrackingTag, templateIdInResource, templateIdInLink, campaignTagging, suppressionWithoutReason];

/** Every rule `check` can report, by id and by alias: what the configuration and suppressions may name. */
export function allCheckRules(): RuleMeta[] {
  return [...RESOURCE_RULES, ...LINK_RULES, ...MESSAGE_RULES, ...CHECK_RULES].map((r) => r.meta);
}
