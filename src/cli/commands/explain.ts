import { identifierLabel } from '../../url/identifiers.js';
import { Command, Option } from 'commander';
import { analyseParsed } from '../../engine/analyse-message.js';
import { createDetector } from '../../engine/detector.js';
import { redactDeep } from '../../engine/redact.js';
import { EXIT_OK } from '../../exit-codes.js';
import { InputError, KnownError } from '../../errors.js';
import { maskReason } from '../../engine/redact-failure.js';
import { readOneMessage } from '../../input/read-one.js';
import { parseMessage } from '../../mail/parse-message.js';
import { renderExplanation, type Explanation } from '../../formatters/explain.js';
import { safeJson } from '../../formatters/safe-text.js';
import type { Io } from '../io.js';
import { collect, positiveNumber } from '../options.js';

export function explainCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('explain')
    .description('show every remote resource of one message and which rules fired on it')
    .argument('<message>', 'a message file, or file#N for the N-th message of an mbox (from 1)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-redact', 'show recipient addresses and per-recipient tokens in URLs')
    .option('--me <address>', 'your address, looked for in URLs (repeatable)', collect)
    .option('--rules <path>', 'extra tracker data (repeatable)', collect)
    .option('--disable <id>', 'leave out a vendor or pattern id (repeatable)', collect)
    .option('--max-message-size <MB>', 'largest message read', positiveNumber('--max-message-size'), 32)
    .action(async (spec: string, flags: { format: string; redact: boolean; me?: string[]; rules?: string[]; disable?: string[]; maxMessageSize: number }) => {
      const detector = createDetector({ me: flags.me, redact: flags.redact, extra: flags.rules, disable: flags.disable });
      const { source, bytes } = await readOneMessage(spec, flags.maxMessageSize * 1024 * 1024);
      let parsed;
      try {
        parsed = await parseMessage(bytes);
      } catch (error) {
        // The reason can quote the message (a charset holding the address): masked like scan's.
        if (!(error instanceof KnownError) || !flags.redact) throw error;
        throw new InputError(maskReason(error.message, bytes, detector.me), error.hint);
      }
      const { ctx, html, findings, platform } = analyseParsed(parsed, detector);
      const clear: Explanation = {
        source,
        messageIdHeader: parsed.messageId,
        from: parsed.from,
        subject: parsed.subject,
        date: parsed.date,
        html: parsed.html !== null,
        tracked: html.tracked,
        platform,
        senderDomains: [...ctx.senderDomains],
        resources: html.resources.map((r) => ({
          url: r.facts.resource.url,
          ...(r.facts.resource.proxy ? { target: r.facts.resource.target, proxy: r.facts.resource.proxy } : {}),
          kind: r.facts.resource.kind,
          element: r.facts.resource.element,
          position: r.facts.resource.position,
          load: r.facts.resource.load,
          loadNote: r.facts.resource.loadNote ?? null,
          client: r.facts.resource.client ?? null,
          width: r.facts.resource.width ?? null,
          height: r.facts.resource.height ?? null,
          hidden: r.facts.resource.hiddenDetail ?? null,
          vendor: r.facts.match ? `${r.facts.match.vendor.name} (${r.facts.match.pattern.id}, ${r.facts.match.pattern.kind})` : null,
          identifiers: r.facts.identifiers.map((i) => identifierLabel(i)),
          openWord: r.facts.openWord ?? null,
          leaks: r.facts.leaks.map((l) => l.encoding),
          party: r.finding?.party ?? null,
          verdict: r.finding ? (r.finding.tracking ? 'tracking' : r.finding.category) : 'clean',
          rules: r.hits.map(({ rule, hit }) => ({ id: rule.meta.id, alias: rule.meta.alias, fired: hit !== undefined, ...(hit ? { messageKey: hit.messageKey } : {}) })),
          finding: r.finding ? { ruleId: r.finding.ruleId, rule: r.finding.rule, messageKey: r.finding.messageKey, data: r.finding.data } : null,
        })),
        rejected: html.rejected.map((x) => ({ written: x.written, kind: x.kind, element: x.element, position: x.position, reason: x.reason, client: x.client ?? null })),
        notLoaded: html.notLoaded.map((n) => ({ url: n.url, kind: n.kind, element: n.element, position: n.position })),
        links: html.links.map((l) => ({
          url: l.facts.link.url,
          position: l.facts.link.position,
          destination: l.facts.destination ?? null,
          findings: l.findings.map((f) => ({ ruleId: f.ruleId, rule: f.rule, messageKey: f.messageKey, data: f.data, party: f.party ?? null })),
        })),
        headers: findings.filter((f) => f.kind === 'header').map((f) => ({ ruleId: f.ruleId, rule: f.rule, messageKey: f.messageKey, data: f.data })),
      };
      // Made in clear, then masked as a whole like a scan result: every string, whatever its field.
      const explanation = flags.redact ? redactDeep(clear, ctx.addresses) : clear;
      await io.stdout.write(flags.format === 'json' ? `${safeJson(explanation, 2)}\n` : renderExplanation(explanation));
      setExit(EXIT_OK);
    });
}
