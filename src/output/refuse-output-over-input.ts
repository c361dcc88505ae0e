import { lstatSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { identityOfStats, placeOf, sameIdentity, statIfExists } from './file-identity.js';
import { inputIdentities } from './input-identities.js';
import { reachable, type Reached } from './reachable.js';

/**
 * Refuses (a UsageError: one line, exit 2, nothing written) an output that is one of the inputs
 * or lies inside an input folder. Judged by device and inode after following links, never by the
 * path strings: a symlink or a hard link to the mbox, `FOLDER/x.json` reached through a linked
 * folder, or a dangling link whose target is inside an input folder are all caught. Call it for
 * every file a command writes, before any work is done.
 */
export function refuseOutputOverInput(output: string | undefined, inputs: readonly string[]): void {
  if (output === undefined || output === '') return;
  const place = placeOf(output);
  const existing = place.existing ? identityOfStats(place.existing) : undefined;
  const found = inputIdentities(inputs);
  for (const input of found) {
    if (existing && sameIdentity(existing, input)) {
      throw new UsageError(`the output file ${output} is also an input (${input.name}); choose another path`);
    }
    if (input.isDirectory && place.dirs.some((dir) => sameIdentity(dir, input))) {
      throw new UsageError(`the output file ${output} is inside the input folder ${input.name}; choose a path outside it`);
    }
  }
  // Only an existing regular file under the output's own name loses its content to the rename.
  const folder = statIfExists(path.dirname(path.resolve(output)));
  if (existing && folder && isRegularFile(output)) {
    const folderId = identityOfStats(folder);
    const roots = found.filter((input) => input.isDirectory).map((input) => input.name);
    // A file with more than one name may be a hard link of a message inside an input folder: then
    // every plain file there is compared too (only in that case: it costs a stat per file).
    const hardLinked = (place.existing?.nlink ?? 1) > 1;
    const reach = firstOf(reachable(roots, { plainFiles: hardLinked }), (r) => (r.stats.isDirectory() ? sameIdentity(r.id, folderId) : sameIdentity(r.id, existing)));
    if (reach) throw new UsageError(`the output file ${output} is also an input (the input reaches it through ${reach.path}); choose another path`);
  }
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

function firstOf(items: Iterable<Reached>, test: (item: Reached) => boolean): Reached | undefined {
  for (const item of items) if (test(item)) return item;
  return undefined;
}
