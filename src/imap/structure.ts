import type { MessageStructureObject } from 'imapflow';

/** A text/html body part as BODYSTRUCTURE describes it. */
export interface HtmlPart {
  /** IMAP part number (`1`, `2`, `1.2` ...). */
  part: string;
  charset?: string;
  /** Content-Transfer-Encoding as the server reports it (lower-case). */
  encoding?: string;
}

/**
 * Every text/html part a client would show, in message order, including those of attached
 * messages (message/rfc822, whose parts BODYSTRUCTURE describes too), but not HTML attachments.
 */
export function htmlParts(node: MessageStructureObject | undefined): HtmlPart[] {
  const out: HtmlPart[] = [];
  const visit = (n: MessageStructureObject, depth: number): void => {
    if (depth > 20) return;
    const type = (n.type ?? '').toLowerCase();
    if (type === 'text/html' && n.disposition?.toLowerCase() !== 'attachment') {
      out.push({ part: n.part ?? '1', charset: n.parameters?.charset, encoding: n.encoding?.toLowerCase() });
    }
    for (const child of n.childNodes ?? []) visit(child, depth + 1);
  };
  if (node) visit(node, 0);
  return out;
}
