import { createHash } from 'node:crypto';

/**
 * The layout of a code cache file (dist/bundle/code-cache/*.v8): the SHA-256 of the chunk text
 * it was made from, the SHA-256 of V8's data, then V8's data.
 *
 * V8 checks its own header before it reads the data (its version, its flags, the source's
 * length, the data's length) and rejects a mismatch cleanly, so neither its version nor a flags
 * hash is repeated here. It does not check the data itself: its checksum is computed and verified
 * only under --verify-snapshot-checksum, which is off in release builds, and a damaged payload
 * stops the process in the deserializer (one bit flipped in main.cjs.v8: "Fatal error ...
 * unreachable code", exit 133, or a segfault, before anything is printed). Hence the payload's
 * own hash, checked before V8 sees a byte of it.
 *
 * This is an integrity check against accidental damage (a disk, a copy, a bad unpack), not a
 * defence: the install folder is trusted, and whoever can write it can change the chunks
 * themselves. SHA-256 because it is the fastest of Node 20's hashes here (SHA extensions), and the
 * loader already uses it for the source: hashing the 2.8 MB of all cache files took 3.8-4.8 ms
 * warm against 5.8-7.0 ms for SHA-1 and 11.6-14.5 ms for MD5 (min-median of 10 fresh processes,
 * load 17); zlib's CRC-32 was faster (1.8-2.8 ms) but loading node:zlib, which nothing else in a
 * short run needs, cost 1.6-14 ms by itself.
 */
const HASH_BYTES = 32;
export const CACHE_HEADER_BYTES = 2 * HASH_BYTES;

/** The hash that names a chunk's text, and the one that seals V8's data. */
export function hashOf(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** What the build writes for a chunk whose text hashes to `sourceHash`. */
export function cacheFileContent(sourceHash: Buffer, v8Data: Buffer): Buffer {
  return Buffer.concat([sourceHash, hashOf(v8Data), v8Data]);
}

/**
 * V8's data in a cache file's content: `stale` when the file was made from another chunk text
 * (or is too short to say), `damaged` when its data is not what the build wrote.
 */
export function v8DataIn(content: Buffer, sourceHash: Buffer): Buffer | 'stale' | 'damaged' {
  if (content.length <= CACHE_HEADER_BYTES || !content.subarray(0, HASH_BYTES).equals(sourceHash)) return 'stale';
  const data = content.subarray(CACHE_HEADER_BYTES);
  return hashOf(data).equals(content.subarray(HASH_BYTES, CACHE_HEADER_BYTES)) ? data : 'damaged';
}
