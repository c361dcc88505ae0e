import { lstatSync, readlinkSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { resolveOutputPath } from './os-path.js';

// One notion of file identity for the walk and the output guard: device and inode as bigints
// (an inode number past 2^53 would lose its last bits as a number, and two files could look one).
import { identityOf, type FileIdentity } from '../input/file-identity.js';

export { sameIdentity, type FileIdentity } from '../input/file-identity.js';
export const identityOfStats = identityOf;

/** The stats of a path after following every link, or undefined when nothing is there (or a link dangles). */
export function statIfExists(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}

// Linux gives up after 40 links (ELOOP); a loop of links is no place to write to anyway.
const MAX_LINK_HOPS = 40;

/** Where a write to a path could land, as identities. */
export interface OutputPlace {
  /** The path a plain open would reach once every link of the last component is followed. */
  final: string;
  /** What is at `final` now, if anything. */
  existing?: BigIntStats;
  /** Identities of every existing folder above every path on the link chain, up to the root. */
  dirs: FileIdentity[];
}

/**
 * Follows the links of `file` (for a dangling link, up to the path it names, which a plain open
 * would create) and gathers the identity of every existing folder above each path on the way,
 * from the link's own folder to the root, after resolving links in those folders too. Comparing
 * these identities with the inputs', never the strings, is what catches `out.json -> mail.mbox`,
 * `linkdir/x.json` with `linkdir -> input-folder`, and a dangling link into an input folder.
 */
export function placeOf(file: string): OutputPlace {
  const dirs: FileIdentity[] = [];
  // Resolved as the OS does (a link followed before the `..` after it), never textually.
  let current = resolveOutputPath(file);
  for (let hop = 0; ; hop++) {
    addFoldersAbove(current, dirs);
    let link: BigIntStats | undefined;
    try {
      link = lstatSync(current, { bigint: true });
    } catch {
      return { final: current, dirs };
    }
    if (!link.isSymbolicLink() || hop >= MAX_LINK_HOPS) return { final: current, existing: statIfExists(current), dirs };
    current = resolveOutputPath(readlinkSync(current), path.dirname(current));
  }
}

/** Adds the identities of the existing folders above `file`, starting from the nearest one that exists. */
function addFoldersAbove(file: string, into: FileIdentity[]): void {
  let dir = path.dirname(file);
  // The nearest existing folder's real path names every real folder above it.
  for (;;) {
    try {
      dir = realpathSync.native(dir);
      break;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return;
      dir = up;
    }
  }
  for (;;) {
    const stats = statIfExists(dir);
    if (stats) into.push(identityOfStats(stats));
    const up = path.dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/** A name taken, even by a dangling link. */
export function entryExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
