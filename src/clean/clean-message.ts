import { analyseParsed } from '../engine/analyse-message.js';
import type { Detector } from '../engine/detector.js';
import { parseMessage } from '../mail/parse-message.js';
import { findHtmlParts } from './mime-parts.js';
import { decodeBody, encodeBody } from './transfer-encoding.js';

/** A transparent 1x1 GIF inside the message: it loads nothing. */
export const INERT_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export interface CleanOutcome {
  bytes: Buffer;
  /** Tracking resources replaced by the inert image. */
  resources: number;
  /** Tracked links replaced by their destination. */
  links: number;
}

/**
 * A copy of the message with every tracking resource replaced by an inert inline image and
 * every tracked link whose destination is known replaced by that destination. Only the bodies
 * of changed text/html parts are rewritten (in their own transfer encoding and charset); all
 * other bytes stay as they were. A changed message gets an X-Pixelaudit-Cleaned header, since
 * its DKIM body hash no longer verifies.
 */
export async function cleanMessage(bytes: Buffer, detector: Detector): Promise<CleanOutcome> {
  const parsed = await parseMessage(bytes);
  const { html } = analyseParsed(parsed, detector);
  const replace = new Map<string, string>();
  for (const r of html.resources) {
    if (!r.finding?.tracking) continue;
    replace.set(r.facts.resource.url, INERT_IMAGE);
    // The form in the HTML may differ (`//host/...`, line breaks inside the URL).
    const written = r.facts.resource.written?.trim();
    if (written) replace.set(written, INERT_IMAGE);
  }
  for (const l of html.links) {
    if (l.facts.destination && l.findings.some((f) => f.category === 'link-tracking')) replace.set(l.facts.link.url, l.facts.destination);
  }
  if (replace.size === 0) return { bytes, resources: 0, links: 0 };

  const text = bytes.toString('latin1');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const counts = { resources: 0, links: 0 };
  const cleaned = rewriteParts(text, replace, eol, counts, 0);
  if (counts.resources + counts.links === 0) return { bytes, resources: 0, links: 0 };
  const { resources, links } = counts;
  const note = `X-Pixelaudit-Cleaned: ${resources} tracking resource${resources === 1 ? '' : 's'} replaced, ${links} tracked link${links === 1 ? '' : 's'} unwrapped; DKIM signatures over the body no longer verify${eol}`;
  return { bytes: Buffer.from(note + cleaned, 'latin1'), resources, links };
}

/**
 * Rewrites the HTML parts of a message (latin1 text of its bytes), and those of attached messages
 * in base64 or quoted-printable, which are decoded, rewritten the same way and encoded again.
 */
function rewriteParts(text: string, replace: Map<string, string>, eol: string, counts: { resources: number; links: number }, depth: number): string {
  // Work from the last part back so earlier offsets stay valid.
  for (const part of findHtmlParts(text, depth).reverse()) {
    const raw = text.slice(part.bodyStart, part.bodyEnd);
    const trailing = /(\r?\n)*$/.exec(raw)?.[0] ?? '';
    const decoded = decodeBody(raw, part.encoding, part.charset);
    let changed = decoded;
    if (part.kind === 'encoded-message') {
      changed = rewriteParts(decoded, replace, decoded.includes('\r\n') ? '\r\n' : '\n', counts, depth + 1);
    } else {
      for (const [from, to] of replace) {
        const { text: next, count } = replaceBounded(changed, from, to);
        if (count === 0) continue;
        changed = next;
        if (to === INERT_IMAGE) counts.resources += count;
        else counts.links += count;
      }
    }
    if (changed === decoded) continue;
    const encoded = encodeBody(changed, part.encoding, part.charset, eol).replace(/(\r?\n)+$/, '') + trailing;
    text = text.slice(0, part.bodyStart) + encoded + text.slice(part.bodyEnd);
  }
  return text;
}

/** Replaces a URL where it stands whole (each `&` written as `&` or `&amp;`), never inside a longer URL. */
function replaceBounded(html: string, url: string, replacement: string): { text: string; count: number } {
  let count = 0;
  const safe = replacement.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const pattern = url.split('&').map(escapeRegExp).join('(?:&amp;|&)');
  const re = new RegExp(`(?<=["'(\\s=,]|^)${pattern}(?=["'\\s),>]|&quot;|$)`, 'g');
  const text = html.replace(re, () => {
    count++;
    return safe;
  });
  return { text, count };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
