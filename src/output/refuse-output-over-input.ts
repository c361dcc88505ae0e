import { lstatSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { identityOfStats, placeOf, sameIdentity, type FileIdentity } from './file-identity.js';
import { resolveOutputPath } from './os-path.js';
import { inputIdentities } from './input-identities.js';
import { reachable } from './reachable.js';

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
  // What a scan that follows links reads, beyond the input folders themselves: a folder reached
  // through a link (`in/md -> ../other/md`) is as much an input as `in`, so neither an existing file
  // nor a new one may go in it or below it. Walked whenever an input is a folder, whether or not
  // the output exists. Cost (one readdir per folder, one stat per link, plain files not stat'ed):
  // 102,000 files in 3,051 folders (page cache warm, 2 shared cores): 220 to 320 ms per output.
  const roots = found.filter((input) => input.isDirectory).map((input) => input.name);
  if (roots.length === 0) return;
  const above = new Set(place.dirs.map(keyOf));
  // A file with more than one name may be a hard link of a message inside an input folder: then
  // every plain file there is compared too (only in that case: it costs a stat per file).
  const hardLinked = existing !== undefined && isRegularFile(resolveOutputPath(output)) && (place.existing?.nlink ?? 1) > 1;
  for (const reach of reachable(roots, { plainFiles: hardLinked })) {
    if (reach.stats.isDirectory() ? above.has(keyOf(reach.id)) : existing !== undefined && sameIdentity(reach.id, existing)) {
      if (existing) throw new UsageError(`the output file ${output} is also an input (the input reaches it through ${reach.path}); choose another path`);
      throw new UsageError(`the output file ${output} is inside a folder the input reaches through ${reach.path}; choose a path outside it`);
    }
  }
}

function keyOf(id: FileIdentity): string {
  return `${id.dev}:${id.ino}`;
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
