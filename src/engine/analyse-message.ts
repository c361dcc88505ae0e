import { reasonOf } from '../errors.js';
import { parseMessage } from '../mail/parse-message.js';
import type { MessageResult } from '../types.js';
import { AddressFinder } from '../url/address-leak.js';
import { analyseHtml } from './analyse-html.js';
import type { Detector } from './detector.js';
import { redactFinding } from './redact.js';

/** Parses one message and runs the rules; a message that cannot be read becomes a failed result, never an exception. */
export async function analyseMessage(source: string, bytes: Buffer, detector: Detector): Promise<MessageResult> {
  let parsed;
  try {
    parsed = await parseMessage(bytes);
  } catch (error) {
    return failedResult(source, reasonOf(error));
  }
  const addresses = new AddressFinder([...parsed.recipients, ...detector.me]);
  const analysis = parsed.html ? analyseHtml(parsed.html, addresses, detector) : { findings: [], resources: [], tracked: false };
  return {
    source,
    messageId: parsed.messageId,
    from: parsed.from,
    date: parsed.date,
    subject: parsed.subject,
    tracked: analysis.tracked,
    resources: analysis.resources.length,
    html: parsed.html !== null,
    findings: detector.redact ? analysis.findings.map((f) => redactFinding(f, addresses)) : analysis.findings,
    warnings: parsed.warnings,
    error: null,
  };
}

export function failedResult(source: string, error: string): MessageResult {
  return { source, messageId: null, from: null, date: null, subject: null, tracked: false, resources: 0, html: false, findings: [], warnings: [], error };
}
