import { extractResources } from '../html/extract-resources.js';
import { renderMessage, type Rule, type ResourceFacts, type RuleHit } from '../rules/rule.js';
import type { Finding } from '../types.js';
import type { AddressFinder } from '../url/address-leak.js';
import type { Detector } from './detector.js';
import { resourceFacts } from './resource-facts.js';

/** A resource with every rule's answer: what `explain` shows. */
export interface ExplainedResource {
  facts: ResourceFacts;
  hits: Array<{ rule: Rule; hit: RuleHit | undefined }>;
  /** The finding that speaks for this resource, if any rule fired. */
  finding?: Finding;
}

export interface HtmlAnalysis {
  resources: ExplainedResource[];
  findings: Finding[];
  tracked: boolean;
}

/** Runs every rule over every remote resource of the HTML; the first rule that fires speaks for it. */
export function analyseHtml(html: string, addresses: AddressFinder, detector: Detector): HtmlAnalysis {
  const { resources } = extractResources(html);
  const explained: ExplainedResource[] = [];
  const findings: Finding[] = [];
  for (const resource of resources) {
    const facts = resourceFacts(resource, detector.matcher, addresses);
    const hits = detector.rules.map((rule) => ({ rule, hit: rule.check(facts) }));
    const fired = hits.filter((h): h is { rule: Rule; hit: RuleHit } => h.hit !== undefined);
    const primary = fired.find((h) => h.hit.tracking) ?? fired[0];
    let finding: Finding | undefined;
    if (primary) {
      finding = toFinding(primary.rule, primary.hit, facts, fired.filter((h) => h !== primary && h.hit.tracking).map((h) => h.rule.meta.id));
      findings.push(finding);
    }
    explained.push({ facts, hits, ...(finding ? { finding } : {}) });
  }
  return { resources: explained, findings, tracked: findings.some((f) => f.tracking) };
}

function toFinding(rule: Rule, hit: RuleHit, facts: ResourceFacts, also: string[]): Finding {
  const vendor = facts.match && facts.match.pattern.kind !== 'asset' ? facts.match.vendor : undefined;
  const data = { ...hit.data, ...(also.length ? { also: also.join(',') } : {}) };
  return {
    ruleId: rule.meta.id,
    rule: rule.meta.alias,
    messageId: hit.messageId,
    category: rule.meta.category,
    tracking: hit.tracking,
    confidence: rule.meta.confidence,
    ...(vendor ? { vendor: vendor.id, vendorName: vendor.name, vendorCategory: vendor.category } : {}),
    ...(facts.match && vendor ? { pattern: facts.match.pattern.id } : {}),
    url: facts.resource.target,
    kind: facts.resource.kind,
    position: facts.resource.position,
    data,
    why: renderMessage(rule.meta.messages[hit.messageId] ?? hit.messageId, data),
  };
}
