import { randomBytes } from 'node:crypto';

// What the server reports comes from the message: only plain tokens go into the rebuilt header,
// so a quote or line break in a charset cannot add headers or boundaries of its own.
const CHARSET = /^[A-Za-z0-9._:+-]{1,64}$/;

/** Whether a charset name from BODYSTRUCTURE is a plain token that goes into the rebuilt header (else the default is used). */
export function isPlainCharset(charset: string): boolean {
  return CHARSET.test(charset);
}
const ENCODINGS = new Set(['7bit', '8bit', 'binary', 'quoted-printable', 'base64']);

/**
 * Rebuilds a message from its header block and its HTML parts (still transfer-encoded, as
 * BODY.PEEK[n] returns them), so the same parser and rules give the same answer as for the
 * whole file, without downloading attachments.
 */
export function rebuildMessage(header: Buffer, parts: Array<{ charset?: string; encoding?: string; body: Buffer }>): Buffer {
  // Drop the original MIME framing headers: the rebuilt body has its own.
  const kept = header
    .toString('latin1')
    .replace(/\r?\n\r?\n[\s\S]*$/, '')
    .split(/\r?\n(?![ \t])/)
    .filter((line) => !/^(content-type|content-transfer-encoding|mime-version)\s*:/i.test(line))
    .join('\r\n');
  const boundary = `pixelaudit-rebuilt-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [Buffer.from(`${kept}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n`, 'latin1')];
  for (const part of parts) {
    const charset = part.charset && isPlainCharset(part.charset) ? `; charset="${part.charset}"` : '';
    const encoding = part.encoding && part.encoding !== '7bit' && ENCODINGS.has(part.encoding) ? `Content-Transfer-Encoding: ${part.encoding}\r\n` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: text/html${charset}\r\n${encoding}\r\n`, 'latin1'), part.body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
