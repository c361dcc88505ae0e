import { isMissingModule, KnownError } from '../errors.js';
import { decodeWords } from '../mail/header-fields.js';
import { parseMessageFast, parseMessageSlow, type ParsedMessage } from '../mail/parse-message.js';
import type { MessageResult } from '../types.js';
import { addressFinderFor, MAX_ADDRESSES } from '../url/address-leak.js';
import { parseUrl } from '../url/url-parts.js';
import { analyseHtml, base, type HtmlAnalysis, type MessageContext } from './analyse-html.js';
import type { Detector } from './detector.js';
import { partyOf, registrable, senderDomains } from './party.js';
import { messageTraits } from './traits.js';
import { knownIdentifiers, redactResult } from './redact.js';
import { redactFailure } from './redact-failure.js';
import { Deadline, DEFAULT_MESSAGE_TIMEOUT_MS, NO_DEADLINE, type DeadlineLike } from './deadline.js';
import { checkRule, failureReason, MessageTimeout, staged, StageError } from './stage.js';
import { MAX_TREE_NODES } from '../html/tree-size-cap.js';

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
    for (const url of bracketedHttpUrls(value)) {
      const host = parseUrl(url).host;
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

/** Runs every rule on a parsed message. Each step's exceptions carry its stage (see stage.ts). */
/**
 * The `<http...>` URLs of a header value (what /<(https?:\/\/[^>]+)>/gi matched), by hand: that
 * expression rescanned to the end of the value from every `<` when no `>` followed (quadratic).
 */
function bracketedHttpUrls(value: string): string[] {
  const out: string[] = [];
  let lt = value.indexOf('<');
  while (lt !== -1) {
    const scheme = /^https?:\/\//i.exec(value.slice(lt + 1, lt + 9));
    const first = scheme ? lt + 1 + scheme[0].length : -1; // the URL needs a character after '//'
    if (!scheme || first >= value.length || value[first] === '>') {
      lt = value.indexOf('<', lt + 1);
      continue;
    }
    const gt = value.indexOf('>', first + 1);
    if (gt === -1) break; // no '>' later: no later '<' can close either
    out.push(value.slice(lt + 1, gt));
    lt = value.indexOf('<', gt + 1);
  }
  return out;
}

export function analyseParsed(parsed: ParsedMessage, detector: Detector, deadline: DeadlineLike = NO_DEADLINE): MessageAnalysis {
  const { platformId, ctx } = staged('headers', () => {
    const platformId = detectPlatform(parsed, detector);
    const ctx: MessageContext = {
      addresses: addressFinderFor([...detector.me, ...parsed.recipients]),
      senderDomains: senderDomains(parsed),
      ...(platformId ? { platform: detector.vendors.get(platformId) } : {}),
    };
    return { platformId, ctx };
  })();
  const html = parsed.html ? staged('html', analyseHtml)(parsed.html, ctx, detector, deadline) : { resources: [], links: [], rejected: [], notLoaded: [], findings: [], tracked: false };
  const findings = [...html.findings];
  const receiptHeaders = parsed.headers.filter((h) => RECEIPT_HEADERS.includes(h.name));
  for (const rule of detector.messageRules) {
    const hit = checkRule(rule, { receiptHeaders });
    // Decoded as a client shows it: the raw encoded word (`=?utf-8?Q?reader=2Ekiss=40example=2Eorg?=`)
    // spelt the address in a form no mask knows.
    if (hit) findings.push(base(rule, hit, { url: receiptHeaders.map((h) => decodeWords(h.value)).join(', '), kind: 'header' }));
  }
  return { ctx, html, findings, platform: platformId ?? null };
}

/** How analyseMessage may spend its time. */
export interface AnalyseOptions {
  /** The message's time budget in milliseconds (default DEFAULT_MESSAGE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * Parses one message and runs the rules. Never throws: a message that cannot be read, or whose
 * analysis throws in any stage, or that runs over its time budget, becomes a failed result with
 * the reason, so one message never stops the run.
 */
export async function analyseMessage(source: string, bytes: Buffer, detector: Detector, options: AnalyseOptions = {}): Promise<MessageResult> {
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS);
  try {
    const parsed = await parseWithin(bytes, deadline);
    deadline.check();
    const result = resultOf(source, parsed, detector, deadline);
    // The analysis ticks as it goes; this also counts the last stretch and the redaction.
    deadline.check();
    return result;
  } catch (error) {
    // A part of pixelaudit that failed to load would fail every message alike: the run stops (exit 2, bug report).
    if (isMissingModule(error)) throw error;
    const failed = failedResult(source, failureReason(error));
    return detector.redact ? redactFailure(failed, bytes, detector) : failed;
  }
}

/**
 * mailparser's parse, raced against the budget. The race returns at the deadline when the parse
 * yields to the event loop (its stream steps do); the abandoned parse runs on in the background
 * and its outcome is dropped. Known input errors keep their own words; anything else is `mime:`.
 */
async function parseWithin(bytes: Buffer, deadline: Deadline): Promise<ParsedMessage> {
  // The fast path is synchronous and linear: it needs no timer (one per message cost about 5% of
  // a scan of the benchmark-style mbox). Its errors are the mime stage's too.
  let fast: ParsedMessage | null;
  try {
    fast = parseMessageFast(bytes);
  } catch (error) {
    throw error instanceof KnownError ? error : new StageError('mime', error);
  }
  if (fast) return fast;
  let timer: NodeJS.Timeout | undefined;
  const parsing = parseMessageSlow(bytes, deadline).catch((error: unknown) => {
    // Unwrapped, so the bug report shows where the import failed; the structure check's own deadline ticks are the budget's.
    throw error instanceof KnownError || error instanceof MessageTimeout || isMissingModule(error) ? error : new StageError('mime', error);
  });
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MessageTimeout(deadline.budgetMs)), deadline.remaining());
  });
  try {
    return await Promise.race([parsing, expired]);
  } finally {
    clearTimeout(timer);
    parsing.catch(() => undefined);
  }
}

function resultOf(source: string, parsed: ParsedMessage, detector: Detector, deadline: Deadline): MessageResult {
  const { ctx, html, findings: all, platform } = analyseParsed(parsed, detector, deadline);
  const { findings, warnings: shown } = listed(all, parsed.warnings);
  const dropped = ctx.addresses.dropped;
  const warnings = dropped > 0 ? [...shown, `${dropped} more recipient address${dropped === 1 ? ' was' : 'es were'} not looked for in URLs nor masked: a message's first ${MAX_ADDRESSES} are`] : [...shown];
  if (html.tagsOnly) warnings.push(TAGS_ONLY_WARNING);
  const traits = staged('headers', messageTraits)(parsed, source);
  const result: MessageResult = {
    source,
    messageIdHeader: parsed.messageId,
    from: parsed.from,
    date: parsed.date,
    subject: parsed.subject,
    tracked: html.tracked,
    // The verdicts count every finding, also those past the cap.
    linkTracked: all.some((f) => f.category === 'link-tracking'),
    addressLeak: all.some((f) => f.category === 'address-leak'),
    readReceipt: all.some((f) => f.category === 'read-receipt'),
    platform,
    senderDomain: parsed.fromAddress?.includes('@') ? staged('headers', registrable)(parsed.fromAddress.split('@')[1]) : null,
    ...traits,
    thirdParty: html.resources.some((r) => partyOf(r.facts.parts.host, ctx.senderDomains, false) === 'third-party'),
    resources: html.resources.length,
    html: parsed.html !== null,
    findings,
    warnings,
    error: null,
  };
  // One redaction step over the whole result, after the analysis (src/engine/redact.ts).
  return detector.redact ? staged('redact', redactResult)(result, ctx.addresses, knownIdentifiers(html), deadline) : result;
}

/** A document over the node cap was read from its tags alone (src/html/tag-tree.ts). */
export const TAGS_ONLY_WARNING = `the HTML has more than ${MAX_TREE_NODES.toLocaleString('en-US')} elements and comments (the per-message memory budget): no tree was built, every tag was read on its own, and its resources are listed as may-loads whose hidden-ness is not proven`;

/** The most findings one message lists: 100,000 copies of one pixel made a report too long for a string. */
export const MAX_FINDINGS = 2_000;

/**
 * The findings a result lists: the first MAX_FINDINGS of its resources and links, then every
 * header finding, with a warning that says how many more were judged but not listed.
 */
function listed(all: MessageResult['findings'], warnings: string[]): { findings: MessageResult['findings']; warnings: string[] } {
  const html = all.filter((f) => f.kind !== 'header');
  if (html.length <= MAX_FINDINGS) return { findings: all, warnings };
  const more = html.length - MAX_FINDINGS;
  return {
    findings: [...html.slice(0, MAX_FINDINGS), ...all.filter((f) => f.kind === 'header')],
    warnings: [...warnings, `${more} more finding${more === 1 ? '' : 's'} judged but not listed: a message lists at most ${MAX_FINDINGS} (its verdicts count them all)`],
  };
}

export function failedResult(source: string, error: string): MessageResult {
  return {
    source,
    messageIdHeader: null,
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
