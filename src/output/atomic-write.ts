import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { outputError } from './output-error.js';
import { removeTemp, trackTemp, untrackTemp } from './pending-writes.js';
import { fsyncFolderOf } from './fsync-folder.js';
import { modeFor, tempPathBeside } from './temp-path.js';

/**
 * Writes `bytes` to `target` so that the target is either what it was or all of `bytes`, never a
 * part: a temporary file beside it is written, flushed to disk, then renamed over it. The rename
 * replaces the directory entry `target`; when that entry is a symlink or a hard link to another
 * file (an input, say), the link is replaced and the file it pointed to is left untouched: never
 * write through the target with a plain open instead. The temporary file is opened with O_EXCL, so
 * it cannot be a link planted in advance either.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  const temp = tempPathBeside(target);
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', modeFor(target));
    trackTemp(temp);
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    untrackTemp(temp);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeTemp(temp);
    throw outputError(target, error);
  }
  fsyncFolderOf(target);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write error is the one worth reporting.
  }
}
