import { OPEN_FILE, OPEN_SEGMENT, SPACER_FILE, STRONG_SEGMENT } from './beacon-words.js';
import type { UrlParts } from './url-parts.js';

/** The open-style word in a URL's path (`/open`, `/o/`, `/track`, `/pixel.gif` ...), if any. */
export function openStyleWord(parts: UrlParts, strongOnly = false): string | undefined {
  return openStyleWordIn(parts, lowerSegments(parts), strongOnly);
}

/**
 * Both answers of openStyleWord (any word, strong words only), for what the rules read about
 * every resource: the path's segments lower-cased once for the two, not once per question.
 */
export function openStyleWords(parts: UrlParts): { openWord: string | undefined; strongOpenWord: string | undefined } {
  const segments = lowerSegments(parts);
  return { openWord: openStyleWordIn(parts, segments, false), strongOpenWord: openStyleWordIn(parts, segments, true) };
}

function lowerSegments(parts: UrlParts): string[] {
  return parts.segments.map((s) => s.toLowerCase());
}

function openStyleWordIn(parts: UrlParts, segments: string[], strongOnly: boolean): string | undefined {
  // The most telling word wins: `/wf/open` reports `open`, not `wf`. The one- and two-letter
  // words (`/o/`, `/op/`) are strong only as the first segment, where endpoints put them:
  // deep inside a path (`/v0/b/bucket/o/file.png`, Firebase Storage) they name something else.
  const strong = segments.find((s, i) => STRONG_SEGMENT.has(s) && (s.length > 2 || i === 0));
  if (strong) return strong;
  if (!strongOnly) {
    const weak = segments.find((s) => OPEN_SEGMENT.has(s));
    if (weak) return weak;
  }
  for (const segment of segments) {
    const file = OPEN_FILE.exec(segment);
    // A file named like a spacer (pixel.gif, 1x1.gif) is not an endpoint by its name alone.
    if (file && (!strongOnly || ((file[1].length > 1 || segments.length > 1) && !SPACER_FILE.test(segment)))) return segment;
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
