import iconv from 'iconv-lite';

/** Decodes a part body (as latin1 text of its bytes) to a string in its charset. */
export function decodeBody(raw: string, encoding: string, charset: string): string {
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(raw.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = decodeQp(raw);
  else bytes = Buffer.from(raw, 'latin1');
  return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
}

/** Encodes a string back the way the part was encoded, with the part's line ending. */
export function encodeBody(text: string, encoding: string, charset: string, eol: string): string {
  const bytes = iconv.encodingExists(charset) ? iconv.encode(text, charset) : Buffer.from(text, 'utf8');
  if (encoding === 'base64') return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(eol);
  if (encoding === 'quoted-printable') return encodeQp(bytes, eol);
  return bytes.toString('latin1');
}

function decodeQp(raw: string): Buffer {
  const text = raw.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Buffer.from(out);
}

/** RFC 2045 quoted-printable: hard line breaks kept, soft breaks before 76 characters. */
function encodeQp(bytes: Buffer, eol: string): string {
  const lines = bytes.toString('latin1').split(/\r?\n/);
  return lines
    .map((line) => {
      let encoded = '';
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        const last = i === line.length - 1;
        const plain = (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && !last);
        encoded += plain ? line[i] : `=${c.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      const out: string[] = [];
      while (encoded.length > 76) {
        let cut = 75;
        // Never split an =XX escape.
        if (encoded[cut - 1] === '=') cut -= 1;
        else if (encoded[cut - 2] === '=') cut -= 2;
        out.push(`${encoded.slice(0, cut)}=`);
        encoded = encoded.slice(cut);
      }
      out.push(encoded);
      return out.join(eol);
    })
    .join(eol);
}
