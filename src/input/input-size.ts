import { Walker } from './walk.js';

/**
 * Total bytes of the input files (folders walked by the same walker as the scan, so links are
 * followed once and loops end), stopping early once `stopAt` is reached; undefined when stdin is
 * among the inputs (its size is unknown). Missing and unreadable paths count 0.
 */
export async function totalBytes(paths: string[], stopAt = Number.POSITIVE_INFINITY): Promise<number | undefined> {
  if (paths.includes('-')) return undefined;
  const walker = new Walker();
  let total = 0;
  for (const p of paths) {
    for await (const entry of walker.walk(p)) {
      if (entry.type === 'file') total += entry.size;
      if (total >= stopAt) return total;
    }
  }
  return total;
}

/** Whether the inputs hold at least `limit` bytes (stdin counts as large). */
export async function atLeastBytes(paths: string[], limit: number): Promise<boolean> {
  const total = await totalBytes(paths, limit);
  return total === undefined || total >= limit;
}
