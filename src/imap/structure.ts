import type { MessageStructureObject } from 'imapflow';
import { AMP_HTML_TYPE } from '../mail/mime-structure.js';

/** A text/html body part as BODYSTRUCTURE describes it. */
export interface HtmlPart {
  /** IMAP part number (`1`, `2`, `1.2` ...). */
  part: string;
  charset?: string;
  /** Content-Transfer-Encoding as the server reports it (lower-case). */
  encoding?: string;
}

/** How deep BODYSTRUCTURE is walked: past it, parts are not read and the result says so. */
export const MAX_STRUCTURE_DEPTH = 20;

/**
 * Every text/html part (and AMP part, text/x-amp-html) a client would show, in message order, including those of attached
 * messages (message/rfc822, whose parts BODYSTRUCTURE describes too), but not HTML attachments.
 * `tooDeep` is set when parts nested deeper than MAX_STRUCTURE_DEPTH were left unread.
 */
export function htmlParts(node: MessageStructureObject | undefined): { parts: HtmlPart[]; tooDeep: boolean } {
  const parts: HtmlPart[] = [];
  let tooDeep = false;
  const visit = (n: MessageStructureObject, depth: number): void => {
    if (depth > MAX_STRUCTURE_DEPTH) {
      tooDeep = true;
      return;
    }
    const type = (n.type ?? '').toLowerCase();
    // An AMP part is read as HTML, as in a whole message (src/mail/mime-structure.ts).
    if ((type === 'text/html' || type === AMP_HTML_TYPE) && n.disposition?.toLowerCase() !== 'attachment') {
      parts.push({ part: n.part ?? '1', charset: n.parameters?.charset, encoding: n.encoding?.toLowerCase() });
    }
    for (const child of n.childNodes ?? []) visit(child, depth + 1);
  };
  if (node) visit(node, 0);
  return { parts, tooDeep };
}
