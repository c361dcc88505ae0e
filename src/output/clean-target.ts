import { realpathSync } from 'node:fs';
import { entryExists } from './file-identity.js';
import path from 'node:path';
import { OutputError, UsageError } from '../errors.js';
import { identityOfStats, placeOf, sameIdentity, statIfExists } from './file-identity.js';
import { reachable } from './reachable.js';
import { resolveOutputPath } from './os-path.js';

/**
 * Refuses a clean output that could overwrite or sit inside the input, or contain it, judged by
 * device and inode after following links (a symlink or a hard link to the input is the input),
 * and an existing output without `--force`. Returns the path to write to: for an existing folder,
 * its real path, so that the only link ever followed in the output tree is the one checked here
 * (makeOutputDir replaces any link found below it).
 */
export function checkCleanTarget(input: string, output: string, force: boolean): string {
  const from = statIfExists(input);
  if (!from) throw new UsageError(`${input}: no such file or folder`);
  const fromId = identityOfStats(from);
  // Where the OS puts the copy (`L/../x` with L a link is beside L's target): checked and written.
  const resolved = resolveOutputPath(output);
  const place = placeOf(resolved);
  const to = place.existing;
  if (to && sameIdentity(identityOfStats(to), fromId)) {
    throw new UsageError('the output is the input: clean never modifies the original; choose another path');
  }
  if (from.isDirectory() && place.dirs.some((dir) => sameIdentity(dir, fromId))) {
    throw new UsageError('the output is inside the input folder; choose a path outside it');
  }
  // A folder the input reaches through a link is read by the walk too: the copy may not go there either.
  if (from.isDirectory()) {
    const above = new Set(place.dirs.map((dir) => `${dir.dev}:${dir.ino}`));
    for (const r of reachable([input])) {
      if (r.viaLink && r.stats.isDirectory() && above.has(`${r.id.dev}:${r.id.ino}`)) {
        throw new UsageError(`the output is inside a folder the input reaches through ${r.path}; choose a path outside it`);
      }
    }
  }
  if (to?.isDirectory()) {
    const toId = identityOfStats(to);
    if (placeOf(input).dirs.some((dir) => sameIdentity(dir, toId))) throw new UsageError('the input is inside the output folder; choose another path');
    // A link in the input that leads into the old output: --force would replace what it reads.
    if (from.isDirectory()) {
      for (const r of reachable([input])) {
        if (r.viaLink && (sameIdentity(r.id, toId) || placeOf(realpathSync.native(r.path)).dirs.some((dir) => sameIdentity(dir, toId)))) {
          throw new UsageError(`the input links into the output folder (${r.path}); choose another path`);
        }
      }
    }
  }
  if (entryExists(resolved) && !force) throw new UsageError(`${output} exists; remove it or pass --force`);
  if (to && from.isDirectory() !== to.isDirectory()) {
    throw new OutputError(`cannot write ${output}: it is ${to.isDirectory() ? 'a folder' : 'a file'} and the input is ${from.isDirectory() ? 'a folder' : 'a file'}`);
  }
  if (!from.isDirectory()) {
    const dir = statIfExists(path.dirname(resolved));
    if (!dir?.isDirectory()) throw new OutputError(`cannot write ${output}: the folder ${path.dirname(resolved)} does not exist`, 'create it first');
  }
  return to?.isDirectory() ? realpathSync.native(resolved) : resolved;
}
