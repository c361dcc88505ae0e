import { extractResources as extract, type ExtractedHtml } from '../html/extract-resources.js';
import type { LinkFacts, ResourceFacts, Rule, RuleHit } from '../rules/rule.js';
import type { Vendor } from '../trackers/schema.js';
import type { Finding, Link, RejectedUrl, Resource } from '../types.js';
import type { AddressFinder } from '../url/address-leak.js';
import { isRandomId } from '../url/identifiers.js';
import type { Detector } from './detector.js';
import { linkFacts as factsOfLink } from './link-facts.js';
import { partyOf, registrable } from './party.js';
import { resourceFacts as factsOfResource } from './resource-facts.js';
import { NO_DEADLINE, type DeadlineLike } from './deadline.js';
import { checkRule, staged } from './stage.js';

// Each step under the name of its stage: an exception in one becomes the message's failure
// reason with that stage (`url: URI malformed`), never the run's.
const extractResources = staged('html', extract);
const resourceFacts = staged('url', factsOfResource);
const linkFacts = staged('url', factsOfLink);

/** What the analysis of one message's HTML needs to know about the message. */
export interface MessageContext {
  addresses: AddressFinder;
  /** The sender's registrable domains (From, DKIM d=, Return-Path). */
  senderDomains: Set<string>;
  /** The sending platform named by the headers, if any. */
  platform?: Vendor;
}

/** A resource with every rule's answer: what `explain` shows. */
export interface ExplainedResource {
  facts: ResourceFacts;
  hits: Array<{ rule: Rule; hit: RuleHit | undefined }>;
  /** The finding that speaks for this resource, if any rule fired. */
  finding?: Finding;
}

export interface ExplainedLink {
  facts: LinkFacts;
  findings: Finding[];
}

export interface HtmlAnalysis {
  resources: ExplainedResource[];
  links: ExplainedLink[];
  /** URLs in loading places that load nothing, with the reason (explain shows them). */
  rejected: RejectedUrl[];
  /** Remote URLs named but never loaded (meta refresh): no rule judges them. */
  notLoaded: Resource[];
  findings: Finding[];
  tracked: boolean;
  /** A document was over the node cap and read from its tags alone (extract-resources.ts). */
  tagsOnly?: boolean;
}

/** Runs the resource rules (the first that fires speaks for a resource) and the link rules (each that fires is reported). */
export function analyseHtml(html: string, ctx: MessageContext, detector: Detector, deadline: DeadlineLike = NO_DEADLINE): HtmlAnalysis {
  return analyseExtracted(extractResources(html, deadline), ctx, detector, deadline);
}

/** The rules over an extraction already made: `check` reads the extraction's links itself too. */
export function analyseExtracted(extracted: ExtractedHtml, ctx: MessageContext, detector: Detector, deadline: DeadlineLike = NO_DEADLINE): HtmlAnalysis {
  // Links first: a resource rule (PA009) asks whether an image carries a tracked link's identifier.
  const links = analyseLinks(extracted.links, ctx, detector, deadline);
  const linkIds = trackedLinkIds(links);
  const resources: ExplainedResource[] = [];
  const findings: Finding[] = [];
  for (const resource of extracted.resources) {
    deadline.tick();
    const facts = resourceFacts(resource, detector.matcher, ctx.addresses, linkIds, deadline);
    const hits = detector.rules.map((rule) => ({ rule, hit: checkRule(rule, facts) }));
    const fired = hits.filter((h): h is { rule: Rule; hit: RuleHit } => h.hit !== undefined);
    const primary = fired.find((h) => h.hit.tracking) ?? fired[0];
    let finding: Finding | undefined;
    if (primary) {
      const also = fired.filter((h) => h !== primary && h.hit.tracking).map((h) => h.rule.meta.id);
      finding = resourceFinding(primary.rule, primary.hit, facts, also, ctx);
      findings.push(finding);
    }
    resources.push({ facts, hits, ...(finding ? { finding } : {}) });
  }
  for (const l of links) for (const f of l.findings) findings.push(f);
  return { resources, links, rejected: extracted.rejected, notLoaded: extracted.notLoaded, findings, tracked: findings.some((f) => f.tracking), ...(extracted.tagsOnly ? { tagsOnly: true } : {}) };
}

/**
 * The random-looking identifiers (tokens, UUIDs, hex hashes of 10 characters or more) of the
 * links that a link-tracking rule reported: the per-recipient ids a click redirect carries.
 * Campaign numbers and named short ids are left out, since every recipient's copy has them.
 */
function trackedLinkIds(links: ExplainedLink[]): Set<string> {
  const ids = new Set<string>();
  for (const l of links) {
    if (!l.findings.some((f) => f.category === 'link-tracking')) continue;
    for (const id of l.facts.identifiers) if (isRandomId(id)) ids.add(id.value);
  }
  return ids;
}

/**
 * One ExplainedLink per distinct judged URL, its findings made once: a newsletter repeats the
 * same link many times, and a message of 100,000 copies of one link gave 100,000 findings (26
 * such messages made the JSON report too long for a string). Each finding counts the links that
 * carry its URL in `data.links` and keeps the first one's position.
 */
function analyseLinks(list: Link[], ctx: MessageContext, detector: Detector, deadline: DeadlineLike): ExplainedLink[] {
  const out: ExplainedLink[] = [];
  const judged = new Map<string, ExplainedLink | null>();
  for (const link of list) {
    deadline.tick();
    const seen = judged.get(link.url);
    if (seen !== undefined) {
      if (seen) for (const f of seen.findings) (f.data.links as number)++;
      continue;
    }
    const facts = linkFacts(link, detector.matcher, ctx.addresses, deadline);
    const hits: Array<{ rule: Rule<LinkFacts>; hit: RuleHit }> = [];
    for (const rule of facts ? detector.linkRules : []) {
      const hit = checkRule(rule, facts as LinkFacts);
      if (hit) hits.push({ rule, hit });
    }
    if (!facts || hits.length === 0) {
      judged.set(link.url, null);
      continue;
    }
    const matched = facts.match && facts.match.pattern.kind !== 'asset' ? facts.match : undefined;
    // Findings are made in clear; redactResult masks the whole result once, after the analysis.
    const findings = hits.map(({ rule, hit }) =>
      base(rule, hit, {
        url: link.url,
        kind: 'link',
        position: link.position,
        host: facts.parts.host,
        party: partyOf(facts.parts.host, ctx.senderDomains, Boolean(matched?.pattern.anyHost)),
        vendor: matched?.vendor,
        pattern: matched?.pattern.id,
        destination: facts.destination,
        data: { ...hit.data, links: 1 },
      }),
    );
    const explained = { facts: { ...facts, link }, findings };
    judged.set(link.url, explained);
    out.push(explained);
  }
  return out;
}

function resourceFinding(rule: Rule, hit: RuleHit, facts: ResourceFacts, also: string[], ctx: MessageContext): Finding {
  let vendor = facts.match && facts.match.pattern.kind !== 'asset' ? facts.match.vendor : undefined;
  const host = facts.parts.host;
  const data: Record<string, string | number | boolean> = { ...hit.data, ...(also.length ? { also: also.join(',') } : {}) };
  // A pixel on the sender's own domain with no vendor shape of its own belongs to the platform the headers name.
  const onSenderDomain = ctx.senderDomains.has(registrable(host));
  if (!vendor && hit.tracking && ctx.platform && onSenderDomain) {
    vendor = ctx.platform;
    data.attributedBy = 'headers';
  }
  const vendorBehind = Boolean(vendor && (facts.match?.pattern.anyHost || data.attributedBy));
  return base(rule, hit, {
    url: facts.resource.target,
    kind: facts.resource.kind,
    position: facts.resource.position,
    host,
    party: partyOf(host, ctx.senderDomains, vendorBehind),
    vendor,
    pattern: vendor && facts.match?.vendor === vendor ? facts.match.pattern.id : undefined,
    data,
  });
}

interface FindingParts {
  url: string;
  kind: Finding['kind'];
  position?: Finding['position'];
  host?: string;
  party?: Finding['party'];
  vendor?: Vendor;
  pattern?: string;
  destination?: string;
  data?: Record<string, string | number | boolean>;
}

/** The one place a Finding is assembled from a rule's hit. */
export function base(rule: { meta: Rule['meta'] }, hit: RuleHit, p: FindingParts): Finding {
  const data = p.data ?? hit.data;
  return {
    ruleId: rule.meta.id,
    rule: rule.meta.alias,
    messageKey: hit.messageKey,
    category: rule.meta.category,
    tracking: hit.tracking,
    confidence: rule.meta.confidence,
    ...(p.vendor ? { vendor: p.vendor.id, vendorName: p.vendor.name, vendorCategory: p.vendor.category } : {}),
    ...(p.pattern ? { pattern: p.pattern } : {}),
    url: p.url,
    kind: p.kind,
    ...(p.position ? { position: p.position } : {}),
    ...(p.host ? { host: p.host } : {}),
    ...(p.party ? { party: p.party } : {}),
    ...(p.destination ? { destination: p.destination } : {}),
    data,
  };
}
