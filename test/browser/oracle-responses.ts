import { crc32, deflateSync } from 'node:zlib';

/** Width and height of the PNG every image request gets: the visibility cases read it back. */
export const PNG_WIDTH = 40;
export const PNG_HEIGHT = 20;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, decodable PNG of PNG_WIDTH x PNG_HEIGHT grey pixels (built here so its size is known, not guessed). */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte: none
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const PNG = png(PNG_WIDTH, PNG_HEIGHT);

export interface OracleResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * What the oracle answers to a resource request, by the path's extension: harmless bodies of the
 * right type, and nothing that could start another load. A stylesheet is an empty comment (a
 * remote stylesheet's own url()s are beyond what a message's HTML shows), a frame is plain text
 * markup, a font or media file is a few bytes the decoder rejects, and anything else (pixels
 * have no extension: `/open?u=1`) is the PNG.
 */
export function respond(pathname: string): OracleResponse {
  const ext = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase() ?? '';
  // no-store: a second case must never be answered from a cache (each case has its own context too).
  const common = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
  const of = (type: string, body: Buffer | string) => ({ status: 200, headers: { ...common, 'content-type': type }, body: Buffer.from(body) });
  switch (ext) {
    case 'css':
      return of('text/css', '/* oracle stylesheet */');
    case 'html':
    case 'htm':
      return of('text/html; charset=utf-8', '<!doctype html><title>frame</title><p>frame');
    case 'vtt':
      return of('text/vtt', 'WEBVTT\n');
    case 'woff':
    case 'woff2':
    case 'ttf':
    case 'otf':
      return of('font/woff2', 'not a font');
    case 'mp4':
    case 'webm':
    case 'mp3':
    case 'ogg':
    case 'wav':
      return of('video/mp4', 'not media');
    case 'txt':
      return of('text/plain', 'text');
    default:
      return of('image/png', PNG);
  }
}
