import { closeSync } from 'node:fs';
import { openRegularFile } from './open-input.js';
import { readToEnd } from './regular-file.js';

export { NotRegularFile } from './open-input.js';

/**
 * Files up to this size found by a folder walk are read whole, synchronously, in one open, fstat,
 * read and close. A read stream costs a dozen round trips through libuv's thread pool per file
 * (open, fstat, read, read at EOF, close, each resumed on the main thread): measured on a
 * 20,000-file maildir (440 MB) at load 14, reading alone took 27.3 s wall and 5.8 s CPU against
 * 2.5 s and 0.65 s for the same messages in one mbox. Larger files keep the stream, so memory
 * stays bounded and a huge file does not hold up the event loop.
 */
export const WHOLE_READ_MAX = 4 * 1024 * 1024;

/**
 * The whole content of a regular file, as one buffer, opened as every input is (openRegularFile:
 * non-blocking, refused unless the descriptor is a regular file). Read to the end of
 * file, so a file that grew since the walk is read whole, but never past `limit` bytes: past
 * the message size limit the content no longer matters, only that it is too large.
 */
export function readSmallFile(file: string, expectedSize: number, limit: number): Buffer {
  const fd = openRegularFile(file);
  try {
    return readToEnd(fd, expectedSize, limit);
  } finally {
    closeSync(fd);
  }
}
