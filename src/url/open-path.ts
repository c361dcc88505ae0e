import { OPEN_FILE, OPEN_SEGMENT, SPACER_FILE, STRONG_SEGMENT } from './beacon-words.js';
import type { UrlParts } from './url-parts.js';

/** The open-style word in a URL's path (`/open`, `/o/`, `/track`, `/pixel.gif` ...), if any. */
export function openStyleWord(parts: UrlParts, strongOnly = false): string | undefined {
  const segments = parts.segments.map((s) => s.toLowerCase());
  // The most telling word wins: `/wf/open` reports `open`, not `wf`.
  const strong = segments.find((s) => STRONG_SEGMENT.has(s));
  if (strong) return strong;
  if (!strongOnly) {
    const weak = segments.find((s) => OPEN_SEGMENT.has(s));
    if (weak) return weak;
  }
  for (const segment of segments) {
    const file = OPEN_FILE.exec(segment);
    if (file && (!strongOnly || file[1].length > 1 || segments.length > 1)) return segment;
  }
  for (const { name, value } of parts.params) {
    if (/^(type|event|action|evt|ev|a)$/i.test(name) && /^(open|opened|view|impression|read)$/i.test(value)) return `${name}=${value}`;
  }
  return undefined;
}

/** The spacer-style file name at the end of the path (`spacer.gif`, `blank.gif` ...), if any. */
export function spacerFileName(parts: UrlParts): string | undefined {
  const segments = parts.segments;
  const last = segments[segments.length - 1];
  return last && SPACER_FILE.test(last) ? last : undefined;
}
