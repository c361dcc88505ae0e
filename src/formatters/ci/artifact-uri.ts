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
  return href.startsWith(base) ? { uri: href.slice(base.length), uriBaseId: SRCROOT } : { uri: href };
}

/** A path for tools that want one relative to the checkout (GitHub annotations): relative when inside the base folder, else as given. */
export function relativePath(artifact: string, baseDir: string): string {
  const rel = path.relative(path.resolve(baseDir), path.resolve(baseDir, artifact));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : artifact;
}
