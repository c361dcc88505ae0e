import { type MimeNode, readMimeTree } from '../mail/mime-structure.js';

/**
 * What a position in an .eml counts lines of, in words for the formats: `part 1.2 (text/html)`
 * (the IMAP part number of the message's one text/html part, RFC 3501 6.4.5), or `decoded HTML of
 * 2 text/html parts` where the scan joins several. A line:column there is a place in the decoded
 * part, not a line of the .eml file (headers, other parts and the transfer encoding come first),
 * so no format may show it as a file position.
 */
export function htmlPartLabel(bytes: Buffer): string {
  const parts: string[] = [];
  collect(readMimeTree(bytes), '', parts);
  if (parts.length === 1) return `part ${parts[0]} (text/html)`;
  return parts.length === 0 ? 'decoded HTML' : `decoded HTML of ${parts.length} text/html parts`;
}

/** The part numbers of the text/html bodies the scan reads (not attachments), in message order. */
function collect(node: MimeNode, number: string, out: string[]): void {
  if (node.multipart) {
    node.children.forEach((child, i) => collect(child, number ? `${number}.${i + 1}` : `${i + 1}`, out));
    return;
  }
  if (node.attached) {
    // Inside an attached message at part 2, its parts are 2.1, 2.2 ... and a single body is 2.1 (RFC 3501's example).
    const inner = number || '1';
    collect(node.attached, node.attached.multipart ? inner : `${inner}.1`, out);
    return;
  }
  const attachment = /^\s*attachment/i.test(node.headers.get('content-disposition') ?? '');
  if (node.type === 'text/html' && !attachment) out.push(number || '1');
}
