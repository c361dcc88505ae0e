import { lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { OutputError } from '../errors.js';
import { outputError } from './output-error.js';

/**
 * Makes a folder of an output tree (what `mkdir -p` does), except that a symlink in its place is
 * replaced by a real folder, never followed: with `--force`, an old output tree may hold a link
 * into the input, and writing through it would land the copy on the original. The top of the tree
 * is checked by checkCleanTarget, which hands over its real path.
 */
export function makeOutputDir(dir: string): void {
  let stats;
  try {
    stats = lstatSync(dir);
  } catch {
    stats = undefined;
  }
  try {
    if (stats?.isSymbolicLink()) unlinkSync(dir);
    else if (stats && !stats.isDirectory()) throw new OutputError(`cannot write ${dir}: a file is where the copy needs a folder`);
    else if (stats) return;
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw outputError(dir, error);
  }
}
