import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Total bytes of the input files (folders walked), stopping early once `stopAt` is reached;
 * undefined when stdin is among the inputs (its size is unknown). Missing paths count 0.
 */
export async function totalBytes(paths: string[], stopAt = Number.POSITIVE_INFINITY): Promise<number | undefined> {
  let total = 0;
  let stdin = false;
  const visit = async (p: string): Promise<void> => {
    if (total >= stopAt || stdin) return;
    if (p === '-') {
      stdin = true;
      return;
    }
    let info;
    try {
      info = await stat(p);
    } catch {
      return;
    }
    if (info.isFile()) total += info.size;
    else if (info.isDirectory()) for (const entry of await readdir(p)) await visit(path.join(p, entry));
  };
  for (const p of paths) await visit(p);
  return stdin ? undefined : total;
}

/** Whether the inputs hold at least `limit` bytes (stdin counts as large). */
export async function atLeastBytes(paths: string[], limit: number): Promise<boolean> {
  const total = await totalBytes(paths, limit);
  return total === undefined || total >= limit;
}
