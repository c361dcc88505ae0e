import { analyseParsed } from '../../src/engine/analyse-message.js';
import { extractResources } from '../../src/html/extract-resources.js';
import { parseMessageSlow } from '../../src/mail/parse-message.js';
import { detector, htmlMessage } from '../helpers.js';
import type { Listed } from './compare.js';
import type { ListedImage } from './compare-visibility.js';

/** The URLs pixelaudit's HTML extraction lists for `html` (every resource, Outlook-only ones included). */
export function extractorUrls(html: string): string[] {
  return extractorLists(html).resources;
}

export function extractorLists(html: string): Listed {
  const e = extractResources(html);
  return { resources: e.resources.map((r) => r.url), notLoaded: e.notLoaded.map((r) => r.url) };
}

/**
 * What the whole analysis lists when `html` is the body of a message: MIME decoding,
 * extraction and the resource facts `explain` shows, the way `scan` reaches them.
 */
export async function scanLists(html: string): Promise<Listed> {
  const parsed = await parseMessageSlow(htmlMessage(html));
  const h = analyseParsed(parsed, detector()).html;
  return { resources: h.resources.map((r) => r.facts.resource.url), notLoaded: h.notLoaded.map((r) => r.url) };
}

/**
 * pixelaudit's hidden and size verdicts on the images of `html`: the src of each img and input
 * type=image (a renamed kind shows up as images Chromium has and pixelaudit lacks, never as a pass).
 */
export function listedImages(html: string): ListedImage[] {
  return extractResources(html)
    .resources.filter((r) => r.kind === 'img' || r.kind === 'input-image')
    .map((r) => ({ url: r.url, hidden: r.hiddenBy !== undefined && r.hiddenBy !== 'tiny', tiny: r.hiddenBy === 'tiny', width: r.width, height: r.height }));
}
