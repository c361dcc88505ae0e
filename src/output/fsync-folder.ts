import { closeSync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';

/**
 * Flushes the folder holding `target`, so the rename itself survives a power cut. Best effort:
 * some file systems refuse to open or flush a folder, and the data is already safe by then.
 */
export function fsyncFolderOf(target: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path.dirname(path.resolve(target)), 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here: the file's own fsync already happened.
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Nothing to do.
      }
    }
  }
}
