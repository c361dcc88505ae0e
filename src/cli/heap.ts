import v8 from 'node:v8';

/**
 * Lets V8 grow the heap by 30% after a full collection instead of its default (up to 4x).
 * A scan's live data is small and steady (one message per worker, the running tables), but the
 * garbage each message leaves is promoted and would otherwise pile up until the next, distant
 * limit. Measured on the 300 MB benchmark mbox: peak RSS with one worker 201-228 MB -> 155 MB,
 * with two 343-409 MB -> 260 MB, and no slower. It is not a cap: a huge message still gets the
 * heap it needs. Process-wide, so it holds for the worker threads too.
 *
 * V8 checks its code cache against its flags: set them here only, where the bundle loader
 * (src/bundle-loader/load-bundle.ts) sets them before the first chunk is compiled, or every run
 * after the change compiles without its cache. (Tried for start-up: a young generation growing
 * 8x instead of 2x, --semi-space-growth-factor=8, saved 10-30 ms of CPU in a one-message run but
 * raised the peak RSS of a 60 MB mbox with two workers from 301 to 323 MB.)
 */
// 30, not 10 as first measured: with about 60 MB live (caches, tables) and per-message maps that
// reach the old space (FormMatcher's were about 40% of what did), 10% gave 53 full collections
// a one-worker scan of the 105 MB bench mbox. Fresh processes, interleaved, load 14-23, CPU:
// 10%: 53-54 full collections, 19.5/20.1 s, peak RSS 247/249 MB; 30%: 32, 17.9/19.0 s,
// 257/257 MB; 50%: 24, 17.9/17.0 s, 262/265 MB (four more 50% runs against 10%: 16.1, 15.9,
// 18.3, 14.4 s against 17.9, 18.0, 19.7, 18.6). Two workers, 50%: 21.3 s and 409 MB against
// 22.6 s and 416 MB. 30% takes most of the gain for 8-10 MB of RSS.
export function tuneHeapForStreaming(): void {
  v8.setFlagsFromString('--heap-growing-percent=30');
}
