import { createReadStream } from 'node:fs';
import { openIfRegular } from './regular-file.js';
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
 * small-file path, opened as regular-file.ts says (non-blocking, checked on the descriptor: the
 * path may have been swapped for a FIFO or a device since the walk saw a regular file).
 */
export function openRegularFile(file: string): number {
  const opened = openIfRegular(file);
  if (!opened) throw new NotRegularFile();
  return opened.fd;
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
