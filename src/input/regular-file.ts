import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * How every file pixelaudit reads by path is opened: non-blocking, then checked on the open
 * descriptor. A blocking open of a FIFO waits for a writer forever (the attack in issue 12, and
 * a FIFO in place of a code cache file), and the path may have been swapped since anyone looked
 * at it; O_NONBLOCK changes nothing for a regular file's reads. O_NOFOLLOW is not used: the walker
 * follows symlinks to files by design, and the fstat of what was opened is the check that
 * matters. Only node:fs here, so the bundle loader (src/bundle-loader/load-bundle.ts) can use it
 * before the bundle runs, at no cost but this one module.
 *
 * The descriptor and size of the regular file at `file`; undefined, closed, when what opened is
 * not one (a FIFO, a device, a folder). Throws what open and fstat throw (ENOENT...).
 */
export function openIfRegular(file: string): { fd: number; size: number } | undefined {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  let regular = false;
  try {
    const stat = fstatSync(fd);
    regular = stat.isFile();
    if (regular) return { fd, size: stat.size };
  } finally {
    if (!regular) closeSync(fd);
  }
  return undefined;
}

/**
 * An open file's content from its current position to its end, never more than `limit` bytes,
 * in one buffer. Sized for `expectedSize` plus one byte, so the usual file is read in one call
 * and its end seen in the next; a file that grew since it was sized is still read whole.
 */
export function readToEnd(fd: number, expectedSize: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expectedSize + 1, limit));
  let length = 0;
  while (length < limit) {
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}
