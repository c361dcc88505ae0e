import { analyseParsed } from '../../src/engine/analyse-message.js';
import { extractResources } from '../../src/html/extract-resources.js';
import { parseMessageSlow } from '../../src/mail/parse-message.js';
import { detector, htmlMessage } from '../helpers.js';

/** The URLs pixelaudit's HTML extraction lists for `html` (every resource, Outlook-only ones included). */
export function extractorUrls(html: string): string[] {
  return extractResources(html).resources.map((r) => r.url);
}

/**
 * The URLs the whole analysis lists when `html` is the body of a message: MIME decoding,
 * extraction and the resource facts `explain` shows, the way `scan` reaches them.
 */
export async function scanUrls(html: string): Promise<string[]> {
  const parsed = await parseMessageSlow(htmlMessage(html));
  return analyseParsed(parsed, detector()).html.resources.map((r) => r.facts.resource.url);
}
