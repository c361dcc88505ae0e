import { OPEN_FILE, OPEN_SEGMENT, SPACER_FILE, STRONG_SEGMENT } from './beacon-words.js';
import { pathSegments, type UrlParts } from './url-parts.js';

/** The open-style word in a URL's path (`/open`, `/o/`, `/track`, `/pixel.gif` ...), if any. */
export function openStyleWord(parts: UrlParts, strongOnly = false): string | undefined {
  const segments = pathSegments(parts.path).map((s) => s.toLowerCase());
  for (const segment of segments) {
    if ((strongOnly ? STRONG_SEGMENT : OPEN_SEGMENT).has(segment)) return segment;
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
  const segments = pathSegments(parts.path);
  const last = segments[segments.length - 1];
  return last && SPACER_FILE.test(last) ? last : undefined;
}
