import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** `imap://...`, `file:///...`: a location that is a URI already rather than a path. */
export function isAbsoluteUri(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

/** The id SARIF results use for the folder relative paths start from (run.originalUriBaseIds). */
export const SRCROOT = '%SRCROOT%';

/** The base folder as a `file:` URI ending in `/`, as SARIF requires of a base URI. */
export function baseUri(baseDir: string): string {
  const href = pathToFileURL(path.resolve(baseDir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * An artifact's location for SARIF: relative to the base folder (with `uriBaseId`) when the file
 * is inside it, so a log made in a CI checkout matches the repository's paths; an absolute
 * `file:` URI otherwise; an absolute URI (`imap://...`) as it is. Paths are percent-encoded by
 * the URL standard's file-URL rules (`pathToFileURL`), so a `#`, `?`, `%` or space in a file name
 * stays part of the path.
 */
export function artifactLocation(artifact: string, baseDir: string): { uri: string; uriBaseId?: string } {
  if (isAbsoluteUri(artifact)) return { uri: artifact };
  const base = baseUri(baseDir);
  const href = pathToFileURL(path.resolve(baseDir, artifact)).href;
  return href.startsWith(base) ? { uri: relativeReference(href.slice(base.length)), uriBaseId: SRCROOT } : { uri: href };
}

/**
 * A relative path as a relative reference (RFC 3986 4.2): a `:` in its first segment would make
 * `a:b.html` or `c:foo.html` read as a URI with the scheme `a:` or `c:`, so it is percent-encoded
 * there (`a%3Ab.html`), which reads back as the same path. `pathToFileURL` has already encoded
 * `%`, spaces, `#`, `?` and non-ASCII characters; a `:` after the first `/` is left as it is.
 */
function relativeReference(rel: string): string {
  const slash = rel.indexOf('/');
  const first = slash === -1 ? rel : rel.slice(0, slash);
  return first.replaceAll(':', '%3A') + (slash === -1 ? '' : rel.slice(slash));
}

/** A path for tools that want one relative to the checkout (GitHub annotations): relative when inside the base folder, else as given. */
export function relativePath(artifact: string, baseDir: string): string {
  const rel = path.relative(path.resolve(baseDir), path.resolve(baseDir, artifact));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : artifact;
}
