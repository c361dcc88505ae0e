import { AMP_HTML_TYPE, base64DataEnd, isAttachedMessageType, MAX_ATTACHED_DEPTH, type MimeNode, mimeNodes, readMimeTree } from '../mail/mime-structure.js';

/**
 * A part located in the raw message (latin1 offsets = byte offsets): a text/html leaf, or an
 * attached message in base64 or quoted-printable, whose own parts are found after decoding it.
 */
export interface RawHtmlPart {
  kind: 'html' | 'encoded-message';
  bodyStart: number;
  /** End of the encoded data; for base64, text after the data (a list footer) is left as it is. */
  bodyEnd: number;
  encoding: string;
  charset: string;
}

/**
 * Every text/html leaf (in multiparts and identity-encoded message/rfc822 parts) with the byte
 * range of its body, as the structure check reads the message (one reader, mime-structure.ts),
 * as deep in attached messages as the scan reads them. `level` is the attached-message level of
 * `text` itself (an attached message that clean decoded is one level below its parent).
 */
export function findHtmlParts(text: string, level = 0): RawHtmlPart[] {
  const bytes = Buffer.from(text, 'latin1');
  const out: RawHtmlPart[] = [];
  for (const node of mimeNodes(readMimeTree(bytes))) {
    const depth = level + node.messageDepth;
    // An encoded attached message holds the next level; the scan reads none past the limit.
    if (depth > MAX_ATTACHED_DEPTH || (depth === MAX_ATTACHED_DEPTH && isAttachedMessageType(node.type))) continue;
    const part = htmlPart(bytes, node);
    if (part) out.push(part);
  }
  return out;
}

function htmlPart(bytes: Buffer, node: MimeNode): RawHtmlPart | null {
  if (node.tooDeep || node.multipart) return null;
  const { encoding, bodyStart } = node;
  if (isAttachedMessageType(node.type)) {
    if (encoding !== 'base64' && encoding !== 'quoted-printable') return null;
    return { kind: 'encoded-message', bodyStart, bodyEnd: dataEnd(bytes, node), encoding, charset: 'latin1' };
  }
  if (node.type !== 'text/html' && node.type !== AMP_HTML_TYPE) return null;
  return { kind: 'html', bodyStart, bodyEnd: dataEnd(bytes, node), encoding: encoding || '7bit', charset: node.charset ?? 'utf-8' };
}

/** Where the encoded data ends: base64 data stops before a trailer (the line break before it stays with it). */
function dataEnd(bytes: Buffer, node: MimeNode): number {
  if (node.encoding !== 'base64') return node.bodyEnd;
  let end = base64DataEnd(bytes, node.bodyStart, node.bodyEnd);
  if (end === node.bodyEnd) return end;
  if (end > node.bodyStart && bytes[end - 1] === 0x0a) end--;
  if (end > node.bodyStart && bytes[end - 1] === 0x0d) end--;
  return end;
}
