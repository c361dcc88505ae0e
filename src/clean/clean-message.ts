import { analyseParsed } from '../engine/analyse-message.js';
import type { Detector } from '../engine/detector.js';
import { parseMessage } from '../mail/parse-message.js';
import { InputError } from '../errors.js';
import { remoteUrl } from '../url/remote-url.js';
import { findHtmlParts } from './mime-parts.js';
import { rewriteHtml, type Lookup } from './rewrite-html.js';
import { decodeBody, encodeBody } from './transfer-encoding.js';

/** A transparent 1x1 GIF inside the message: it loads nothing. */
export const INERT_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export interface CleanOutcome {
  bytes: Buffer;
  /** Tracking resources replaced by the inert image. */
  resources: number;
  /** Tracked links replaced by their destination. */
  links: number;
  /**
   * Tracking resources that the same detector still finds in `bytes` (the copy as written): what
   * could not be made inert. Zero for a clean copy; the copy is still better than the original.
   */
  remaining: number;
}

/**
 * A copy of the message with every tracking resource replaced by an inert inline image and
 * every tracked link whose destination is known replaced by that destination. Only the bodies
 * of changed text/html parts are rewritten (in their own transfer encoding and charset); all
 * other bytes stay as they were. A changed message gets an X-Pixelaudit-Cleaned header, since
 * its DKIM body hash no longer verifies. The copy is analysed again with the same detector, and
 * what it still holds is counted in `remaining`: a success is never assumed.
 */
export async function cleanMessage(bytes: Buffer, detector: Detector): Promise<CleanOutcome> {
  const parsed = await parseMessage(bytes);
  // A message not read whole is never rewritten half read: its CLI copies it unchanged, as unreadable.
  if (parsed.incomplete) throw new InputError(`malformed message: ${parsed.incomplete}`);
  const { html } = analyseParsed(parsed, detector);
  const replace = new Map<string, string>();
  let tracking = 0;
  for (const r of html.resources) {
    if (!r.finding?.tracking) continue;
    tracking++;
    replace.set(r.facts.resource.url, INERT_IMAGE);
    // A relative URL was resolved against <base>: its written form is looked up too.
    const written = r.facts.resource.written?.trim();
    if (written) replace.set(written, INERT_IMAGE);
  }
  for (const l of html.links) {
    if (!l.facts.destination || !l.findings.some((f) => f.category === 'link-tracking')) continue;
    replace.set(l.facts.link.url, l.facts.destination);
    // A relative href was resolved against <base>: its written form is looked up too.
    const written = l.facts.link.written?.trim();
    if (written) replace.set(written, l.facts.destination);
  }
  if (replace.size === 0) return { bytes, resources: 0, links: 0, remaining: 0 };

  // A value is looked up as the extractor reads it: entities are already decoded; then the same
  // normalisation (tabs and line breaks dropped, ends trimmed, `//host` made http:), else as written.
  const lookup = (value: string): string | undefined => {
    const url = remoteUrl(value);
    return (url === undefined ? undefined : replace.get(url)) ?? replace.get(value.trim());
  };
  const text = bytes.toString('latin1');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const counts = { resources: 0, links: 0 };
  const cleaned = rewriteParts(text, lookup, eol, counts, 0);
  if (counts.resources + counts.links === 0) return { bytes, resources: 0, links: 0, remaining: tracking };
  const { resources, links } = counts;
  const note = `X-Pixelaudit-Cleaned: ${resources} tracking resource${resources === 1 ? '' : 's'} replaced, ${links} tracked link${links === 1 ? '' : 's'} unwrapped; DKIM signatures over the body no longer verify${eol}`;
  const out = Buffer.from(note + withoutContentLength(cleaned), 'latin1');
  return { bytes: out, resources, links, remaining: await trackingIn(out, detector) };
}

/** How many tracking resources the detector finds in a message: the scan's own verdict on the copy. */
async function trackingIn(bytes: Buffer, detector: Detector): Promise<number> {
  const { html } = analyseParsed(await parseMessage(bytes), detector);
  return html.resources.filter((r) => r.finding?.tracking).length;
}

/**
 * Rewrites the HTML parts of a message (latin1 text of its bytes), and those of attached messages
 * in base64 or quoted-printable, which are decoded, rewritten the same way and encoded again.
 */
function rewriteParts(text: string, lookup: Lookup, eol: string, counts: { resources: number; links: number }, depth: number): string {
  // Work from the last part back so earlier offsets stay valid.
  for (const part of findHtmlParts(text, depth).reverse()) {
    const raw = text.slice(part.bodyStart, part.bodyEnd);
    const trailing = raw.slice(raw.length - trailingLineBreaks(raw));
    const decoded = decodeBody(raw, part.encoding, part.charset);
    let changed: string;
    if (part.kind === 'encoded-message') {
      changed = rewriteParts(decoded, lookup, decoded.includes('\r\n') ? '\r\n' : '\n', counts, depth + 1);
    } else {
      changed = rewriteHtml(decoded, lookup, (to) => {
        if (to === INERT_IMAGE) counts.resources++;
        else counts.links++;
      });
    }
    if (changed === decoded) continue;
    const body = encodeBody(changed, part.encoding, part.charset, eol);
    const encoded = body.slice(0, body.length - trailingLineBreaks(body)) + trailing;
    text = text.slice(0, part.bodyStart) + encoded + text.slice(part.bodyEnd);
  }
  return text;
}

/**
 * How many characters of line breaks (CR and LF) end `text`, counted from the end: the regex
 * `(\r?\n)*$` does the same but is tried from every position of a long run of line breaks
 * (quadratic on a body of blank lines).
 */
function trailingLineBreaks(text: string): number {
  let i = text.length;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x0a || text.charCodeAt(i - 1) === 0x0d)) i--;
  return text.length - i;
}

/**
 * A rewritten body no longer has the length a top-level `Content-Length` header declares (mbox
 * writers add one): the header is dropped, so a reader that trusts it does not cut the copy
 * wrongly; readers fall back to the `From ` separators.
 */
function withoutContentLength(message: string): string {
  // The header block ends after the line break that precedes its blank line.
  const lf = message.indexOf('\n\n');
  const crlf = message.indexOf('\r\n\r\n');
  let end = message.length;
  if (lf !== -1) end = lf + 1;
  if (crlf !== -1 && crlf + 2 < end) end = crlf + 2;
  const lines: string[] = [];
  let dropping = false;
  let at = 0;
  while (at < end) {
    let next = message.indexOf('\n', at);
    if (next === -1 || next >= end) next = end;
    else next++;
    const line = message.slice(at, next);
    const folded = line.startsWith(' ') || line.startsWith('\t');
    if (!folded) dropping = /^content-length[ \t]*:/i.test(line);
    if (!dropping) lines.push(line);
    at = next;
  }
  return lines.join('') + message.slice(end);
}
