import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { identityOfStats, sameIdentity, type FileIdentity } from './file-identity.js';

/**
 * Where the input folders `roots`, following their symlinks (linked folders once, loops cut by
 * identity), reach an existing file: a symlink that leads to it (`file`), or a folder holding its
 * name (`folder`). Such a file is read by the scan like any other input, and renaming a report over
 * its name would leave the mail gone. Hard links elsewhere need no search: a rename leaves the
 * other names of the old file intact. Unreadable folders are passed over here; the scan reports them.
 */
export function findLinkToFile(roots: readonly string[], file: FileIdentity, folder: FileIdentity): string | undefined {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      const id = identityOfStats(statSync(dir));
      if (sameIdentity(id, folder)) return dir;
      const key = `${id.dev}:${id.ino}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      if (!entry.isSymbolicLink()) continue;
      let stats;
      try {
        stats = statSync(full);
      } catch {
        continue;
      }
      if (stats.isDirectory()) pending.push(full);
      else if (sameIdentity(identityOfStats(stats), file)) return full;
    }
  }
  return undefined;
}
