import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Whether the inputs hold at least `limit` bytes, stopping as soon as they do (stdin counts as large). */
export async function atLeastBytes(paths: string[], limit: number): Promise<boolean> {
  let total = 0;
  const visit = async (p: string): Promise<boolean> => {
    if (p === '-') return true;
    let info;
    try {
      info = await stat(p);
    } catch {
      return false;
    }
    if (info.isFile()) total += info.size;
    else if (info.isDirectory()) {
      for (const entry of await readdir(p)) {
        if (await visit(path.join(p, entry))) return true;
      }
    }
    return total >= limit;
  };
  for (const p of paths) if (await visit(p)) return true;
  return false;
}

/** Total bytes of the input files (folders walked), or undefined when stdin is among them. */
export async function totalBytes(paths: string[]): Promise<number | undefined> {
  let total = 0;
  const visit = async (p: string): Promise<boolean> => {
    if (p === '-') return false;
    let info;
    try {
      info = await stat(p);
    } catch {
      return true;
    }
    if (info.isFile()) total += info.size;
    else if (info.isDirectory()) for (const entry of await readdir(p)) if (!(await visit(path.join(p, entry)))) return false;
    return true;
  };
  for (const p of paths) if (!(await visit(p))) return undefined;
  return total;
}
