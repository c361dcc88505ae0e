import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { identityOfStats, sameIdentity, type FileIdentity } from './file-identity.js';

/**
 * The first symlink below `roots` (following linked folders once, loops cut by identity) that leads
 * to the file `target`, if any. A file an input folder links to is read by the scan like any other
 * input, and renaming a report over its name would leave the link leading to the report while the
 * mail is gone. Hard links need no search: a rename leaves the other names of the old file intact.
 * Unreadable folders are passed over here; the scan itself reports them.
 */
export function findLinkToFile(roots: readonly string[], target: FileIdentity): string | undefined {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      const key = idKey(identityOfStats(statSync(dir)));
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
      else if (sameIdentity(identityOfStats(stats), target)) return full;
    }
  }
  return undefined;
}

function idKey(id: FileIdentity): string {
  return `${id.dev}:${id.ino}`;
}
