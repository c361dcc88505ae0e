import { UsageError } from '../errors.js';

/** Which part of the input this process handles: `--shard K/N`, K from 1 to N. */
export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
  /** Files at least this large are split by message offset (default LARGE_FILE; smaller in tests). */
  largeFile?: number;
  /** Block size for offsets inside a large file (default SHARD_BLOCK). */
  block?: number;
}

/** Files at least this large are split by message offset instead of going whole to one shard. */
export const LARGE_FILE = 64 * 1024 * 1024;
/** Inside a large mbox, messages are dealt out in blocks of this many bytes by the offset of their separator. */
export const SHARD_BLOCK = 8 * 1024 * 1024;

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new UsageError(`--shard takes K/N with 1 <= K <= N, not "${value}"`);
  return { index: k - 1, count: n };
}

/** FNV-1a: a stable hash, the same on every machine and Node version. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Whether this shard owns a whole file (or a failure about a path), by a hash of the path as given. */
export function ownsPath(shard: Shard | undefined, path: string): boolean {
  return !shard || fnv1a(path) % shard.count === shard.index;
}

/** Whether this shard owns the message of a large mbox whose separator is at `offset`. */
export function ownsOffset(shard: Shard | undefined, offset: number): boolean {
  return !shard || Math.floor(offset / (shard.block ?? SHARD_BLOCK)) % shard.count === shard.index;
}
