import { closeSync, constants, createReadStream, fstatSync, openSync } from 'node:fs';
import { SKIP } from './walk.js';

/** Why a walked file is not read: it stopped being a regular file between the walk and the open. */
export class NotRegularFile extends Error {
  readonly code = 'ENOTREGULAR';
  constructor() {
    super(SKIP.special);
  }
}

/**
 * A descriptor of the regular file at `file`, for every input read by scan, clean and the
 * small-file path. Opened non-blocking and checked on the open descriptor: the path may have been
 * swapped for a FIFO or a device since the walk saw a regular file, and a blocking open of a FIFO
 * waits for a writer forever (the attack in issue 12: `createReadStream(file)` hung the run).
 * O_NOFOLLOW is not used: the walker follows symlinks to files by design, and the fstat of what
 * was opened is the check that matters. O_NONBLOCK changes nothing for a regular file's reads.
 */
export function openRegularFile(file: string): number {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new NotRegularFile();
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

export interface RegularStreamOptions {
  highWaterMark?: number;
  start?: number;
  end?: number;
}

/**
 * The content of a regular file as a stream of buffers, opened by openRegularFile when the first
 * chunk is asked for, so a refused or missing file is an error of the iteration (a failed entry
 * with its reason), never an exception from whoever built the stream. Stopping early closes it.
 */
export async function* streamRegularFile(file: string, options: RegularStreamOptions = {}): AsyncGenerator<Buffer> {
  const fd = openRegularFile(file);
  yield* createReadStream('', { fd, autoClose: true, ...options }) as AsyncIterable<Buffer>;
}
