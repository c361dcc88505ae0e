import { realpathSync } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';

/**
 * The path a write to `file` reaches, resolved as the OS resolves it: the folder part is handed to
 * realpath(3) as written, so `L/../x` with `L -> A/sub` is `A/x` (the link is followed first, then
 * `..` leaves its target), where `path.resolve` would collapse `..` textually and say `./x`. Node's
 * own `realpathSync` normalises first too, so only `realpathSync.native` is used. For a folder that
 * does not exist yet, the nearest existing ancestor is resolved the same way and the missing names
 * are appended; a `.` or `..` after a missing name cannot be reached by the OS and is refused. The
 * last name is kept as it is (a link there is the caller's to follow or replace). Every check and
 * every write of an output goes through this, so the place checked is the place written.
 */
export function resolveOutputPath(file: string, base: string = process.cwd()): string {
  const full = path.isAbsolute(file) ? file : `${base.replace(/\/+$/, '')}/${file}`;
  const trimmed = full.length > 1 ? full.replace(/\/+$/, '') || '/' : full;
  const cut = trimmed.lastIndexOf('/');
  const name = trimmed.slice(cut + 1);
  if (name === '' || name === '.' || name === '..') return resolveFolder(trimmed, file);
  return joinName(resolveFolder(trimmed.slice(0, cut) || '/', file), name);
}

function resolveFolder(dir: string, file: string): string {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    try {
      const real = realpathSync.native(current);
      for (const name of missing) {
        if (name === '.' || name === '..') throw new OutputError(`cannot write ${file}: the folder ${dir} does not exist`, 'create it first');
      }
      return missing.reduceRight((at, name) => joinName(at, name), real);
    } catch (error) {
      if (error instanceof OutputError) throw error;
      const cut = current.lastIndexOf('/');
      if (cut < 0 || current === '/') return path.resolve(dir);
      const name = current.slice(cut + 1);
      if (name !== '') missing.push(name);
      current = current.slice(0, cut) || '/';
    }
  }
}

function joinName(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}
