import type { BigIntStats } from 'node:fs';

/** A file or folder as the kernel knows it: the same for every name (link, path spelling) it has. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

export function identityOf(info: BigIntStats): FileIdentity {
  return { dev: info.dev, ino: info.ino };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Files already met in a walk, by identity. Every file is remembered, so a name seen later (a
 * symlink, a hard link, an input named twice) is recognised; the inode is kept as a number where
 * it fits, which costs a few bytes per file instead of a string key: a million files take about
 * 20 MB of heap (measured). The first name is kept only for files that can be met again under
 * another name (hard links, link targets, named inputs), to say which one was read.
 */
export class SeenFiles {
  private readonly byDevice = new Map<bigint, Set<number | bigint>>();
  private readonly names = new Map<string, string>();

  /** Records the file; returns undefined the first time, else the first name when known ('' when not). */
  visit(id: FileIdentity, name: string, mayRecur: boolean): string | undefined {
    let inodes = this.byDevice.get(id.dev);
    if (!inodes) this.byDevice.set(id.dev, (inodes = new Set()));
    const ino = id.ino <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id.ino) : id.ino;
    if (inodes.has(ino)) return this.names.get(`${id.dev}:${id.ino}`) ?? '';
    inodes.add(ino);
    if (mayRecur) this.names.set(`${id.dev}:${id.ino}`, name);
    return undefined;
  }
}
