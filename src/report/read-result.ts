import type { Finding, MessageResult } from '../types.js';

/**
 * A result line of any format `report` can merge, in the current shape (RESULT_FORMAT 2).
 * JSONL lines carry no version (each line stays one plain result, so `jq` and line counts keep
 * working): format 1 is told by its shape, a `messageId` on the result and on each finding, and
 * is renamed field by field (`messageIdHeader`, `messageKey`); its `why` prose is dropped, since
 * words are rendered from the rule's template when shown. Anything else is left for the caller's
 * shape check.
 */
export function readResult(raw: unknown): MessageResult {
  if (!raw || typeof raw !== 'object' || !('messageId' in raw) || 'messageIdHeader' in raw) return raw as MessageResult;
  const { messageId, findings, ...rest } = raw as Record<string, unknown> & { messageId: unknown; findings: unknown };
  return {
    ...rest,
    messageIdHeader: messageId,
    findings: Array.isArray(findings) ? findings.map(readFinding) : findings,
  } as MessageResult;
}

function readFinding(raw: unknown): Finding {
  if (!raw || typeof raw !== 'object' || !('messageId' in raw)) return raw as Finding;
  const old = raw as Record<string, unknown>;
  // fromEntries defines own properties: a `__proto__` key in a hostile line stays a plain key.
  const finding = Object.fromEntries(Object.entries(old).filter(([key]) => key !== 'messageId' && key !== 'why'));
  return { ...finding, messageKey: old.messageId } as unknown as Finding;
}
