import path from 'node:path';
import { OutputError } from '../errors.js';
import { placeOf, statIfExists } from './file-identity.js';
import { resolveOutputPath } from './os-path.js';

/**
 * The checks a report file (`-o`) gets before any scanning: its folder exists and is a folder, and
 * the name is not a folder. Whether the folder can be written to is proven by creating the
 * temporary file right after (AtomicFileSink.open), which no permission check can predict as well.
 */
export function checkReportTarget(output: string): void {
  const dir = path.dirname(resolveOutputPath(output));
  const folder = statIfExists(dir);
  if (!folder) throw new OutputError(`cannot write ${output}: the folder ${dir} does not exist`, 'create it first');
  if (!folder.isDirectory()) throw new OutputError(`cannot write ${output}: ${dir} is not a folder`);
  if (placeOf(output).existing?.isDirectory()) throw new OutputError(`cannot write ${output}: it is a folder`, '-o takes a file name');
}
