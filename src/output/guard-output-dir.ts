import path from 'node:path';
import { OutputError } from '../errors.js';
import { placeOf } from './file-identity.js';
import { refuseOutputOverInput } from './refuse-output-over-input.js';

/**
 * For a command that writes several named files into a folder (`report --tables-dir`): each file
 * is refused when it is an input or inside an input folder, and a file in the folder's place is
 * one clear line. A missing folder is fine: it is created when the files are written.
 */
export function guardOutputDir(dir: string, fileNames: readonly string[], inputs: readonly string[]): void {
  const place = placeOf(dir);
  if (place.existing && !place.existing.isDirectory()) throw new OutputError(`cannot write into ${dir}: it is a file, not a folder`);
  for (const name of fileNames) refuseOutputOverInput(path.join(dir, name), inputs);
}
