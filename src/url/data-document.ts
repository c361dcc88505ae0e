import parseDataURL from 'data-urls';

/**
 * What a `data:` URL holds when a browser reads it as a document or a style sheet. pixelaudit
 * never fetches a data: URL, but Chromium 150 loads what such a document or sheet refers to
 * (`<iframe src="data:text/html,<img src=remote>">`, a `<link>` or `@import` of
 * `data:text/css,...`): its content is read with the same extraction (the oracle's data-* cases).
 * Decoded by the fetch standard's data: URL processor (the data-urls package), not by hand.
 */
export type DataContent = { type: 'html' | 'svg' | 'css'; text: string; essence: string } | { reason: string };

/** How the container reads it: a frame-like element (iframe, object, embed) or a sheet (link, @import). */
export type DataReader = 'frame' | 'sheet';

// Decoding never grows a data: URL (percent and base64 decoding shrink it), so one message's
// documents are bounded by its size times the depth: both are capped (see extraction-sink.ts).
const DATA = /^[\u0000-\u0020]*d[\t\n\r]*a[\t\n\r]*t[\t\n\r]*a[\t\n\r]*:/i;

/**
 * The document or sheet a data: URL holds for `reader`, a reason when it is a data: URL that
 * holds none (an image for a frame, a bad URL), or undefined when `raw` is not a data: URL.
 */
export function dataContent(raw: string, reader: DataReader): DataContent | undefined {
  if (!DATA.test(raw)) return undefined;
  const parsed = parseDataURL(raw);
  if (!parsed) return { reason: 'data: is not fetched from the network' };
  const essence = parsed.mimeType.essence;
  // A sheet is read whatever its type (a superset: Chromium may refuse a non-CSS type in standards mode).
  const type = reader === 'sheet' ? 'css' : FRAME_TYPES[essence];
  if (!type) return { reason: `data: is not fetched from the network (a ${essence} holds no document that loads)` };
  return { type, text: decode(parsed.body, parsed.mimeType.parameters.get('charset')), essence };
}

/** A data: URL of `essence` holding `text` (UTF-8, percent-encoded): what clean writes back for a rewritten one. */
export function dataUrlOf(essence: string, text: string): string {
  return `data:${essence};charset=utf-8,${encodeURIComponent(text)}`;
}

// What a frame shows as a document whose subresources load; an SVG read as an image (an img's
// data:image/svg+xml) loads none, and is not read at all. XML types are read with the HTML
// parser: its foreign-content rules keep `<svg><image href>` an SVG image.
const FRAME_TYPES: Record<string, 'html' | 'svg' | undefined> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'image/svg+xml': 'svg',
  'text/xml': 'svg',
  'application/xml': 'svg',
};

function decode(body: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    // An unknown label: UTF-8, which keeps every ASCII URL as written.
    return new TextDecoder('utf-8').decode(body);
  }
}
