import type { Finding } from '../types.js';
import { RULES } from './index.js';
import type { RuleMeta } from './rule.js';

const BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.meta.id, r.meta]));

/** The metadata of a rule by its id, or undefined for an id this version does not know (a file from another version). */
export function ruleMeta(ruleId: string): RuleMeta | undefined {
  return BY_ID.get(ruleId);
}

/** Fills `{name}` in a template from data; a name the data lacks stays as written, so a gap shows. */
export function renderTemplate(template: string, data: Readonly<Record<string, string | number | boolean>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(data, key) ? String(data[key]) : whole));
}

/**
 * The words of a finding, rendered from its rule's template: the one place findings become prose.
 * A rule or key this version does not know (a result read from another version) is shown as
 * `ruleId/messageKey` rather than guessed. The text is raw message data: each format escapes it.
 */
export function findingMessage(finding: Pick<Finding, 'ruleId' | 'messageKey' | 'data'>): string {
  const template = ruleMeta(finding.ruleId)?.messages[finding.messageKey];
  return template === undefined ? `${finding.ruleId}/${finding.messageKey}` : renderTemplate(template, finding.data);
}
