import { isAscii } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { tuneHeapForStreaming } from '../cli/heap.js';
import { delayTierUp } from '../cli/tier-up.js';
import { openIfRegular, readToEnd } from '../input/regular-file.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { cacheFileContent, hashOf, v8DataIn } from './cache-file.js';

/**
 * Runs the rolldown bundle (dist/bundle, CommonJS chunks) with V8's code cache: each chunk is
 * compiled by vm.Script from the bytecode that `npm run build` saved for it
 * (write-code-cache.ts), so a short run does not compile the 1.5 MB HTML chunk and the rest
 * again. Node 20 offers a code cache only this way (module.enableCompileCache() is Node 22.1+).
 * Measured, scan of one .eml, 15 runs each, load 11-14: 0.32 s of CPU from the ES-module bundle,
 * 0.22 s with the cache (0.33 s compiling the same CommonJS chunks without one).
 *
 * The cache is only ever read here, from the install folder (never beside the mail, never
 * written at run time). Each file starts with the SHA-256 of the chunk it was made from (2 ms
 * for all chunks here): V8 itself checks only its version, its flags and the source's length,
 * and would run stale bytecode for a chunk edited to the same length. Then comes the hash of V8's
 * data, which V8 does not check at all (cache-file.ts). A missing, stale, damaged or rejected
 * cache (another Node, other V8 flags in NODE_OPTIONS) means the chunk is compiled from its
 * text, silently, as any script is.
 */
export const BUNDLE_DIR = path.join(PACKAGE_ROOT, 'dist', 'bundle');
export const CODE_CACHE_DIR = path.join(BUNDLE_DIR, 'code-cache');
/**
 * No cache file the build writes comes near this (the largest, the HTML chunk's, is 1.7 MB); a
 * larger one is not ours and is passed over unread, rather than read into memory at start-up.
 */
export const CODE_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/**
 * What happened to each chunk's cache in this thread, for the tests and the build's check:
 * `missing` when there is none for this chunk text (no file, or one made from another text),
 * `rejected` when there is one that cannot be used (damaged, unreadable, not a regular file, too
 * large, or refused by V8).
 */
export const codeCacheStats = { accepted: 0, rejected: 0, missing: 0 };

interface Chunk {
  module: { exports: unknown };
  script: vm.Script;
  sourceHash: Buffer;
}
const chunks = new Map<string, Chunk>();

/** The cache file of a chunk: code-cache/ mirrors the bundle's folders. */
export function cacheFileOf(file: string): string {
  return path.join(CODE_CACHE_DIR, `${path.relative(BUNDLE_DIR, file)}.v8`);
}

/**
 * The exports of one of the bundle's entries (`main.cjs`, `analysis-worker.cjs`), with every
 * chunk it requires loaded the same way. With source maps on (NODE_OPTIONS=--enable-source-maps,
 * as a bug report suggests) Node's own loader runs the bundle, which maps stacks; it has no cache.
 */
export function loadBundle(entry: string): unknown {
  // V8 rejects a cache made under other flag values, so the flags the CLI sets are set
  // before the first chunk is compiled, here and when the cache is written.
  tuneHeapForStreaming();
  delayTierUp();
  if (process.sourceMapsEnabled) return createRequire(path.join(BUNDLE_DIR, entry))(path.join(BUNDLE_DIR, entry));
  return load(path.join(BUNDLE_DIR, entry));
}

// The chunk is wrapped as Node wraps a CommonJS module, on one line with the chunk's first, so
// stack columns past line 1 are the chunk's own.
const WRAP_HEAD = Buffer.from('(function (exports, require, module, __filename, __dirname) {');
const WRAP_TAIL = Buffer.from('\n})');

function load(file: string): unknown {
  const known = chunks.get(file);
  if (known) return known.module.exports;
  let wrapped: Buffer;
  try {
    wrapped = readWrapped(file);
  } catch (error) {
    // Worded and coded as Node's loaders word a missing module: callers tell a broken install
    // from a broken message by it (isMissingModule in src/errors.ts).
    throw Object.assign(new Error(`Cannot find module '${file}': ${(error as Error).message}`), { code: 'ERR_MODULE_NOT_FOUND', cause: error });
  }
  const bytes = wrapped.subarray(WRAP_HEAD.length, wrapped.length - WRAP_TAIL.length);
  // The build writes ASCII only (rolldown charset 'ascii'): one-byte text, no UTF-8 decoding.
  // Decoded once with its wrapper: joining strings would make a second copy of each large chunk
  // for V8 to flatten (3.4 MB more garbage, enough to bring a full collection into a short run).
  const source = isAscii(wrapped) ? wrapped.toString('latin1') : wrapped.toString('utf8');
  const sourceHash = hashOf(bytes);
  const cache = cacheFor(file, sourceHash);
  const cachedData = typeof cache === 'string' ? undefined : cache;
  const script = new vm.Script(source, { filename: file, cachedData });
  if (cache === 'missing') codeCacheStats.missing++;
  else if (cache === 'rejected' || script.cachedDataRejected) codeCacheStats.rejected++;
  else codeCacheStats.accepted++;
  const module = { exports: {} };
  chunks.set(file, { module, script, sourceHash });
  const outside = createRequire(file);
  const dir = path.dirname(file);
  // The bundle's own chunks are required by relative path; packages and Node's modules are Node's.
  const require = (id: string): unknown => (id.startsWith('./') || id.startsWith('../') ? load(path.resolve(dir, id)) : outside(id));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, require, module, file, dir);
  return module.exports;
}

/**
 * A chunk's bytes between WRAP_HEAD and WRAP_TAIL, read into place (one buffer, no copy). Opened
 * as every file pixelaudit reads (openIfRegular): a FIFO in place of a chunk fails the load
 * instead of waiting for a writer forever.
 */
function readWrapped(file: string): Buffer {
  const opened = openIfRegular(file);
  if (!opened) throw new Error('not a regular file');
  const { fd, size } = opened;
  try {
    const out = Buffer.allocUnsafe(WRAP_HEAD.length + size + WRAP_TAIL.length);
    WRAP_HEAD.copy(out, 0);
    let at = WRAP_HEAD.length;
    for (let n; at < WRAP_HEAD.length + size && (n = readSync(fd, out, at, WRAP_HEAD.length + size - at, null)) > 0; ) at += n;
    WRAP_TAIL.copy(out, at);
    return out.subarray(0, at + WRAP_TAIL.length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The V8 data saved for exactly this chunk text, checked whole; or why there is none to use.
 * Anything but a regular file up to CODE_CACHE_MAX_BYTES is passed over without a read (a FIFO
 * would block a plain open until a writer came: start-up hung forever).
 */
function cacheFor(file: string, sourceHash: Buffer): Buffer | 'missing' | 'rejected' {
  let content: Buffer;
  try {
    const opened = openIfRegular(cacheFileOf(file));
    if (!opened) return 'rejected';
    try {
      if (opened.size > CODE_CACHE_MAX_BYTES) return 'rejected';
      content = readToEnd(opened.fd, opened.size, CODE_CACHE_MAX_BYTES + 1);
    } finally {
      closeSync(opened.fd);
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'rejected';
  }
  if (content.length > CODE_CACHE_MAX_BYTES) return 'rejected';
  const data = v8DataIn(content, sourceHash);
  return data === 'stale' ? 'missing' : data === 'damaged' ? 'rejected' : data;
}

/**
 * Every chunk compiled so far with its cache file's content (cache-file.ts: its source's hash,
 * the hash of V8's data, V8's data).
 * Taken after a run, the data holds the bytecode of every function that ran, not only the top
 * level a fresh compile gives.
 */
export function codeCacheOfLoadedChunks(): Array<{ file: string; data: Buffer }> {
  return [...chunks].map(([file, c]) => ({ file: cacheFileOf(file), data: cacheFileContent(c.sourceHash, c.script.createCachedData()) }));
}
