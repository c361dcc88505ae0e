import { reasonOf } from '../errors.js';
import { parseMessage, type ParsedMessage } from '../mail/parse-message.js';
import type { MessageResult } from '../types.js';
import { addressFinderFor } from '../url/address-leak.js';
import { parseUrl } from '../url/url-parts.js';
import { analyseHtml, base, type HtmlAnalysis, type MessageContext } from './analyse-html.js';
import type { Detector } from './detector.js';
import { partyOf, registrable, senderDomains } from './party.js';
import { messageTraits } from './traits.js';
import { knownIdentifiers, redactResult } from './redact.js';

const RECEIPT_HEADERS = ['disposition-notification-to', 'return-receipt-to', 'x-confirm-reading-to'];

/** Everything about one parsed message: the context the rules used and what they found. */
export interface MessageAnalysis {
  ctx: MessageContext;
  html: HtmlAnalysis;
  findings: MessageResult['findings'];
  platform: string | null;
}

/** The sending platform: header signatures first, then the host of a List-Unsubscribe URL. */
export function detectPlatform(parsed: ParsedMessage, detector: Detector): string | undefined {
  const fromHeaders = detector.platforms.detect(parsed.headers);
  if (fromHeaders) return fromHeaders;
  for (const value of parsed.header('list-unsubscribe')) {
    for (const m of value.matchAll(/<(https?:\/\/[^>]+)>/gi)) {
      const host = parseUrl(m[1]).host;
      for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
        const vendor = detector.sendingDomains.get(h);
        if (vendor) return vendor;
      }
      const vendor = detector.sendingDomains.get(registrable(host));
      if (vendor) return vendor;
    }
  }
  return undefined;
}

export function analyseParsed(parsed: ParsedMessage, detector: Detector): MessageAnalysis {
  const platformId = detectPlatform(parsed, detector);
  const ctx: MessageContext = {
    addresses: addressFinderFor([...parsed.recipients, ...detector.me]),
    senderDomains: senderDomains(parsed),
    ...(platformId ? { platform: detector.vendors.get(platformId) } : {}),
  };
  const html = parsed.html ? analyseHtml(parsed.html, ctx, detector) : { resources: [], links: [], findings: [], tracked: false };
  const findings = [...html.findings];
  const receiptHeaders = parsed.headers.filter((h) => RECEIPT_HEADERS.includes(h.name));
  for (const rule of detector.messageRules) {
    const hit = rule.check({ receiptHeaders });
    if (hit) findings.push(base(rule, hit, { url: receiptHeaders.map((h) => h.value).join(', '), kind: 'header' }));
  }
  return { ctx, html, findings, platform: platformId ?? null };
}

/** Parses one message and runs the rules; a message that cannot be read becomes a failed result, never an exception. */
export async function analyseMessage(source: string, bytes: Buffer, detector: Detector): Promise<MessageResult> {
  let parsed;
  try {
    parsed = await parseMessage(bytes);
  } catch (error) {
    return failedResult(source, reasonOf(error));
  }
  const { ctx, html, findings, platform } = analyseParsed(parsed, detector);
  const traits = messageTraits(parsed, source);
  const result: MessageResult = {
    source,
    messageId: parsed.messageId,
    from: parsed.from,
    date: parsed.date,
    subject: parsed.subject,
    tracked: html.tracked,
    linkTracked: findings.some((f) => f.category === 'link-tracking'),
    addressLeak: findings.some((f) => f.category === 'address-leak'),
    readReceipt: findings.some((f) => f.category === 'read-receipt'),
    platform,
    senderDomain: parsed.fromAddress?.includes('@') ? registrable(parsed.fromAddress.split('@')[1]) : null,
    ...traits,
    thirdParty: html.resources.some((r) => partyOf(r.facts.parts.host, ctx.senderDomains, false) === 'third-party'),
    resources: html.resources.length,
    html: parsed.html !== null,
    findings,
    warnings: parsed.warnings,
    error: null,
  };
  return detector.redact ? redactResult(result, ctx.addresses, knownIdentifiers(html)) : result;
}

export function failedResult(source: string, error: string): MessageResult {
  return {
    source,
    messageId: null,
    from: null,
    date: null,
    subject: null,
    tracked: false,
    linkTracked: false,
    addressLeak: false,
    readReceipt: false,
    platform: null,
    senderDomain: null,
    bulk: false,
    spam: false,
    transactional: false,
    thirdParty: false,
    resources: 0,
    html: false,
    findings: [],
    warnings: [],
    error,
  };
}
