import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * A fresh name beside `target`, in the folder that holds the target's own directory entry (not the
 * folder a link points into): a rename is atomic only within one file system, and renaming over
 * the entry replaces it, link or not. Dot-prefixed so folder walks skip it.
 */
export function tempPathBeside(target: string): string {
  const dir = path.dirname(path.resolve(target));
  // Names are at most 255 bytes: a long target name is shortened in the temporary one, not refused.
  const base = Buffer.from(path.basename(target))
    .subarray(0, 180)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return path.join(dir, `.${base}.pixelaudit-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

const DEFAULT_MODE = 0o644;

/** The mode for the new file: that of the regular file it replaces, so a report kept private stays private. */
export function modeFor(target: string): number {
  try {
    const stats = statSync(target);
    if (stats.isFile()) return stats.mode & 0o777;
  } catch {
    // Nothing there yet.
  }
  return DEFAULT_MODE;
}
