import type { BigIntStats, Dirent } from 'node:fs';
import { realpathSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { reasonOf } from '../errors.js';
import { identityOf, SeenFiles, type FileIdentity } from './file-identity.js';
import { LoopTurns } from './loop-turns.js';

/** Why the walk passed over an entry: stable texts, so reports can group by them. */
export const SKIP = {
  hidden: 'hidden (the name starts with a dot)',
  maildirTmp: 'maildir tmp/: messages still being delivered, which mail clients do not show',
  duplicate: 'already read under another name (a link, or an input named twice)',
  loop: 'symlink loop: leads back to a folder that is being walked',
  brokenLink: 'broken symlink: its target does not exist',
  special: 'not a regular file (a socket, FIFO or device)',
  outside: 'symlink to a target outside the working folder and the folder named: not followed',
} as const;

/** One step of a walk, in a stable order: names sorted, each folder's entries before its next sibling. */
export type WalkEntry =
  /**
   * A file to read; `named` when it is the input itself rather than found in a folder. Only a
   * named input can be other than `regular` (a FIFO or character device, read like stdin).
   */
  | { type: 'file'; path: string; size: number; named: boolean; regular: boolean }
  /** A folder about to be walked (clean makes the matching output folder). */
  | { type: 'folder'; path: string }
  | { type: 'skipped'; path: string; reason: string /** The path already read, the folder looped to... */; detail?: string; folder: boolean }
  /** An entry that could hold mail but cannot be read (permission denied...): a warning, the walk goes on. */
  | { type: 'failed'; path: string; reason: string; folder: boolean };

/**
 * The one folder walker of scan, the size pass and clean. Symlinks (to files and folders) are
 * followed; a folder that is its own ancestor is a loop and is not entered again, and any file or
 * folder met a second time under another name (a link, a hard link, an input named twice) is
 * skipped with the name first read, judged by device and inode as ripgrep's `ignore` crate does.
 * One walker keeps what it has seen across all the inputs of a run: walk them with the same one.
 */
export class Walker {
  private readonly files = new SeenFiles();
  private readonly folders = new Map<string, string>();
  /** Each entry of a folder is where the reader and analysis of the last one have run: the loop gets its turns here. */
  private readonly turns = new LoopTurns();

  /** Records a file read outside the walk (standard input); returns the first name if it was met already ('' when unknown). */
  claim(id: FileIdentity, name: string): string | undefined {
    return this.files.visit(id, name, true);
  }

  /**
   * Walks `root`. With `within` (real paths of folders: `check` gives its working folder and the
   * root), a symlink met in a folder whose target lies outside all of them is not followed but
   * skipped (SKIP.outside, the target as detail): a link in a checkout must not take the walk
   * over the rest of the disk. Scan walks what it is given, links included, and passes none.
   */
  async *walk(root: string, within?: readonly string[]): AsyncGenerator<WalkEntry> {
    let info: BigIntStats;
    try {
      info = await stat(root, { bigint: true });
    } catch (error) {
      yield { type: 'failed', path: root, reason: describeFsError(error), folder: false };
      return;
    }
    yield* this.visit(root, info, [], true, true, within);
  }

  private async *visit(full: string, info: BigIntStats, ancestors: string[], named: boolean, link: boolean, within?: readonly string[]): AsyncGenerator<WalkEntry> {
    const id = identityOf(info);
    if (info.isDirectory()) {
      const key = keyOf(id);
      if (ancestors.includes(key)) {
        yield { type: 'skipped', path: full, reason: SKIP.loop, detail: this.folders.get(key), folder: true };
        return;
      }
      const first = this.folders.get(key);
      if (first !== undefined) {
        yield { type: 'skipped', path: full, reason: SKIP.duplicate, detail: first, folder: true };
        return;
      }
      this.folders.set(key, full);
      yield* this.folder(full, [...ancestors, key], within);
      return;
    }
    // A named pipe given as the input (`scan <(zcat archive.mbox.gz)`) is read like stdin; met in a
    // folder, a FIFO or device could block or never end, so it is passed over.
    if (!info.isFile() && !(named && (info.isFIFO() || info.isCharacterDevice()))) {
      yield { type: 'skipped', path: full, reason: SKIP.special, folder: false };
      return;
    }
    const first = this.files.visit(id, full, named || link || info.nlink > 1n);
    if (first !== undefined) {
      // A link to a file met directly before: its target is the name that was read.
      const detail = first || (link ? await realpath(full).catch(() => '') : '');
      yield { type: 'skipped', path: full, reason: SKIP.duplicate, ...(detail ? { detail } : {}), folder: false };
      return;
    }
    yield { type: 'file', path: full, size: Number(info.size), named, regular: info.isFile() };
  }

  private async *folder(dir: string, ancestors: string[], within?: readonly string[]): AsyncGenerator<WalkEntry> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      yield { type: 'failed', path: dir, reason: `folder not readable: ${describeFsError(error)}`, folder: true };
      return;
    }
    yield { type: 'folder', path: dir };
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const isMaildir = entries.some((e) => e.isDirectory() && e.name === 'cur');
    for (const entry of entries) {
      await this.turns.take();
      const full = path.join(dir, entry.name);
      // Maildir++ keeps its subfolders as .Sent, .Junk ... in the maildir root: those are mail.
      if (entry.name.startsWith('.') && !(isMaildir && entry.isDirectory())) {
        yield { type: 'skipped', path: full, reason: SKIP.hidden, folder: entry.isDirectory() };
        continue;
      }
      if (isMaildir && entry.name === 'tmp' && entry.isDirectory()) {
        if (await holdsAnything(full)) yield { type: 'skipped', path: full, reason: SKIP.maildirTmp, folder: true };
        continue;
      }
      let info: BigIntStats;
      try {
        // Synchronous: one stat of an entry just listed is a few microseconds, where the
        // promise form's round trip through the thread pool cost more than the call (see
        // read-small-file.ts for the measurements on a 20,000-file maildir).
        info = statSync(full, { bigint: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (entry.isSymbolicLink() && code === 'ENOENT') yield { type: 'skipped', path: full, reason: SKIP.brokenLink, folder: false };
        else if (code === 'ELOOP') yield { type: 'skipped', path: full, reason: SKIP.loop, folder: false };
        else yield { type: 'failed', path: full, reason: describeFsError(error), folder: entry.isDirectory() };
        continue;
      }
      if (within && entry.isSymbolicLink()) {
        const target = realpathSync(full);
        if (!within.some((w) => isInside(target, w))) {
          yield { type: 'skipped', path: full, reason: SKIP.outside, detail: target, folder: info.isDirectory() };
          continue;
        }
      }
      yield* this.visit(full, info, ancestors, false, entry.isSymbolicLink(), within);
    }
  }
}

/** Whether `file` is `folder` or below it (both real, absolute paths). */
export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function keyOf(id: FileIdentity): string {
  return `${id.dev}:${id.ino}`;
}

async function holdsAnything(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return true;
  }
}

/** A file-system error as a short reason for a report. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'symlink loop';
  // A folder replaced by a file since it was listed, or a path through a file ("a.eml/x").
  if (code === 'ENOTDIR') return 'not a folder (it, or a folder on its path, is a file)';
  return reasonOf(error);
}
