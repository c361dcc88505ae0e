import fc from 'fast-check';

/**
 * A generated input: its bytes, and a short account of how it was made, which is what a failure
 * prints (fast-check also prints the seed and path that rebuild it exactly).
 */
export interface FuzzCase {
  what: string;
  bytes: Buffer;
}

export const named = (what: string, bytes: Buffer): FuzzCase => Object.assign({ what, bytes }, { [fc.toStringMethod]: () => `${what} (${bytes.length} bytes)` });

export type Encoding = '8bit' | 'base64' | 'quoted-printable';

export function encodeBody(text: string, cte: Encoding): string {
  if (cte === 'base64') return Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\r\n');
  if (cte === 'quoted-printable') {
    return Buffer.from(text)
      .toString('latin1')
      .replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
      .replace(/[^\r\n]{72}/g, '$&=\r\n');
  }
  return text;
}

/** A single-part HTML message with these header lines. */
export function message(headers: string[], html: string, cte: Encoding = '8bit'): Buffer {
  const head = [...headers, 'Date: Tue, 14 May 2024 09:12:33 +0000', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', `Content-Transfer-Encoding: ${cte}`];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${encodeBody(html, cte)}\r\n`);
}

export type Structure = 'single' | 'alternative' | 'nested' | 'junk-base64' | 'footer-base64' | 'unclosed';

export const structureArb = fc.constantFrom<Structure>('single', 'alternative', 'nested', 'junk-base64', 'footer-base64', 'unclosed');

/** Puts an HTML body into a MIME shape: alternative, message/rfc822 nested N deep, base64 with junk. */
export function shape(structure: Structure, html: string, depth: number, cte: Encoding): string {
  const htmlPart = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n${encodeBody(html, cte)}`;
  switch (structure) {
    case 'single':
      return htmlPart;
    case 'alternative':
      return `Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nplain\r\n--b1\r\n${htmlPart}\r\n--b1--\r\n`;
    case 'unclosed':
      return `Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\n${htmlPart}\r\n`;
    case 'junk-base64':
      return `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${encodeBody(html, 'base64')}\r\n#!junk*&^%$ not base64\r\n`;
    case 'footer-base64':
      return `Content-Type: multipart/mixed; boundary="b2"\r\n\r\n--b2\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${encodeBody(html, 'base64')}\r\n_______________________________________________\r\nList mailing list\r\nhttps://lists.example.org/listinfo\r\n--b2--\r\n`;
    case 'nested': {
      let inner = `From: inner@example.com\r\nSubject: fwd\r\n${htmlPart}`;
      for (let d = 0; d < depth; d++) {
        inner = `Content-Type: multipart/mixed; boundary="n${d}"\r\n\r\n--n${d}\r\nContent-Type: text/plain\r\n\r\nforwarded\r\n--n${d}\r\nContent-Type: message/rfc822\r\n\r\nFrom: f${d}@example.com\r\nSubject: Fwd ${d}\r\nMIME-Version: 1.0\r\n${inner}\r\n--n${d}--\r\n`;
      }
      return inner;
    }
  }
}
