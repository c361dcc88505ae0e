import v8 from 'node:v8';

/**
 * Flags Node must be started with, for whatever starts pixelaudit's code in a process of its own
 * (the bench, the tests): none. V8 sizes the main thread's young generation only from Node's
 * command line (`--max-semi-space-size`; 32 MB of RSS by default once a scan fills it), and a
 * `#!/usr/bin/env -S node --max-semi-space-size=8` first line in bin/pixelaudit.js took 20 MB off
 * the peak with two workers (433 -> 413 MB on the 300 MB mbox, load 20-31), but busybox's `env`
 * (Alpine, the node:alpine images CI often runs), OpenBSD's and NetBSD's have no `-S`: the
 * installed command would fail there at once. Not kept: a flag put here must also go on bin/'s
 * first line, and test/launcher.test.ts keeps the two equal.
 */
export const LAUNCH_FLAGS: readonly string[] = [];

/**
 * Lets V8 grow the heap by 10% after a full collection instead of its default (up to 4x).
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
export function tuneHeapForStreaming(): void {
  v8.setFlagsFromString('--heap-growing-percent=10');
}
