import { lstatSync, realpathSync, statSync } from 'node:fs';
import { OutputError } from '../errors.js';
import { resolveOutputPath } from './os-path.js';

/**
 * What a symlink in the target's last name means. 'follow' for reports, baselines and tables (the
 * user's own link, kept a link). 'replace' for `clean`'s mail tree, where a link left in an old
 * output folder may point into the input: renaming over it replaces the link and the input stays
 * untouched (its guards count on that).
 */
export type LinkPolicy = 'follow' | 'replace';

/** Where an output is written, and how. */
export interface WritePlace {
  /** The path opened or renamed onto. */
  path: string;
  /** True for an existing target that is not a regular file or folder (a device, FIFO, tty, /proc/self/fd/N): written straight to, no rename. */
  stream: boolean;
}

/**
 * The place a write of `file` reaches, with a symlink in the last name followed: `-f sarif:ln`
 * with `ln -> real/report.sarif` writes real/report.sarif and leaves `ln` a link (renaming onto
 * `ln` itself would turn the link into a regular file and leave the target stale). A target that
 * is a device or FIFO once links are followed (`/dev/stdout` -> /proc/self/fd/1, which realpath
 * cannot name when fd 1 is a pipe) is opened through the path as given, never renamed over:
 * replacing /dev/stdout would break it for the whole machine. A dangling link is refused: what it
 * names may be anywhere, and creating a file through it is rarely what was meant. With 'replace'
 * a link in the last name is renamed over (a device or FIFO is still written straight to).
 */
export function writePlaceOf(file: string, links: LinkPolicy): WritePlace {
  const resolved = resolveOutputPath(file);
  let followed;
  try {
    followed = statSync(resolved);
  } catch (error) {
    if (links === 'follow' && isLink(resolved)) throw new OutputError(`cannot write ${file}: it is a symbolic link to nothing (dangling); remove the link or point it at a file`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: resolved, stream: false };
    throw error;
  }
  if (!followed.isFile() && !followed.isDirectory()) return { path: resolved, stream: true };
  return { path: links === 'follow' && isLink(resolved) ? realpathSync.native(resolved) : resolved, stream: false };
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
