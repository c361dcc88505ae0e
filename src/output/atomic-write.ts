import { closeSync, constants, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { entryExists } from './file-identity.js';
import { writePlaceOf, type LinkPolicy } from './write-place.js';
import { outputError } from './output-error.js';
import { removeTemp, trackTemp, untrackTemp } from './pending-writes.js';
import { fsyncFolderOf } from './fsync-folder.js';
import { modeFor, tempPathBeside } from './temp-path.js';

/**
 * Writes `bytes` to `target` so that the target is either what it was or all of `bytes`, never a
 * part: a temporary file beside it is written, then renamed over it. When the target exists, the
 * file (and then its folder) is flushed to disk before and after the rename, so that not even a
 * power cut can leave an empty file where the old one was. A new file is not flushed: there is
 * nothing to lose, and two flushes cost 6 to 12 ms per file here against 0.7 ms for the rest,
 * which would double the time `clean` takes on a folder of small messages. The rename
 * replaces the directory entry of the target. A symlink there is followed with links 'follow'
 * (reports: the link stays a link, its target gets the bytes) and replaced with 'replace' (clean's
 * mail, where a stale link may point into the input). A hard link is replaced, never written into.
 * The temporary file is opened with O_EXCL, so it cannot be a link planted in advance either.
 */
export function writeFileAtomic(name: string, bytes: Uint8Array | string, links: LinkPolicy = 'replace'): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  let target: string;
  try {
    // Where the OS puts it (the place the guards checked), and a device or FIFO is written straight to.
    const where = writePlaceOf(name, links);
    target = where.path;
    if (where.stream) return writeStraight(target, data);
  } catch (error) {
    throw outputError(name, error);
  }
  const temp = tempPathBeside(target);
  const replacing = entryExists(target);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', modeFor(target));
    trackTemp(temp);
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
    if (replacing) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    untrackTemp(temp);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeTemp(temp);
    throw outputError(name, error);
  }
  if (replacing) fsyncFolderOf(target);
}

function writeStraight(target: string, data: Uint8Array): void {
  const fd = openSync(target, constants.O_WRONLY);
  try {
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
  } finally {
    closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write error is the one worth reporting.
  }
}
