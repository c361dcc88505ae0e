import { readdirSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { identityOfStats, type FileIdentity } from './file-identity.js';

/** A folder visited below an input, or a file that a symlink below it leads to. */
export interface Reached {
  /** The path it was reached by (through the link, for a link). */
  path: string;
  /** Its identity after following links. */
  id: FileIdentity;
  stats: BigIntStats;
  /** Reached through a symlink of its own (a linked file or folder), not as a plain entry. */
  viaLink: boolean;
}

/**
 * Every folder below the input folders `roots`, following symlinked folders once (loops cut by
 * identity), and every file a symlink among them leads to: what a scan that follows links can
 * read, beyond the paths the ancestors check already covers. Plain files are not stat'ed, so the
 * cost is one readdir per folder and one stat per link. Unreadable folders are passed over here;
 * the scan reports them.
 */
export function* reachable(roots: readonly string[], options: { plainFiles?: boolean } = {}): Generator<Reached> {
  const seen = new Set<string>();
  const pending: Array<{ dir: string; viaLink: boolean }> = roots.map((dir) => ({ dir, viaLink: false }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    let entries;
    try {
      const stats = statSync(next.dir, { bigint: true });
      const id = identityOfStats(stats);
      const key = `${id.dev}:${id.ino}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield { path: next.dir, id, stats, viaLink: next.viaLink };
      entries = readdirSync(next.dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(next.dir, entry.name);
      if (entry.isDirectory()) pending.push({ dir: full, viaLink: false });
      // Plain files are stat'ed only when asked: to find a hard link of the output among them.
      if (options.plainFiles && entry.isFile()) {
        try {
          const stats = statSync(full, { bigint: true });
          yield { path: full, id: identityOfStats(stats), stats, viaLink: false };
        } catch {
          // gone or unreadable: the scan reports it
        }
      }
      if (!entry.isSymbolicLink()) continue;
      let stats;
      try {
        stats = statSync(full, { bigint: true });
      } catch {
        continue;
      }
      if (stats.isDirectory()) pending.push({ dir: full, viaLink: true });
      else yield { path: full, id: identityOfStats(stats), stats, viaLink: true };
    }
  }
}
