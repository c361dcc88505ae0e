import v8 from 'node:v8';

/**
 * The main thread's semi-space, in MB: the V8 flag `bin/pixelaudit.js` passes on Node's command
 * line (its `#!/usr/bin/env -S node --max-semi-space-size=8` line; test/launcher.test.ts keeps the
 * two equal). V8 sizes the main isolate's young generation only from the command line, when the
 * process starts (16 MB semi-spaces by default on 64-bit, about 32 MB of RSS once a scan fills
 * them in its first second); set later, the flag does not change it. Measured: see "Folders,
 * start-up and memory" in the README.
 *
 * 8, not 4: with one job the analysis runs in the main thread, and 4 MB semi-spaces made that
 * scan cost 17.8-21.0 s of CPU against 14.4-17.0 s (100 MB slice, 4 runs each, load 24-31; 8 MB:
 * 15.7 and 16.2 s), although 4 took 34 MB off the peak with two workers (8 about half of that).
 * The flag caps the workers' semi-spaces too, but their 8 MB young generation
 * (src/engine/worker-pool.ts) is two 4 MB semi-spaces already, and the smaller one wins: the
 * workers are as they were.
 */
export const MAIN_SEMI_SPACE_MB = 8;

/** The flags Node must be started with, for whatever starts pixelaudit's code in a process of its own (the bench, the tests). */
export const LAUNCH_FLAGS: readonly string[] = [`--max-semi-space-size=${MAIN_SEMI_SPACE_MB}`];

/**
 * Lets V8 grow the heap by 10% after a full collection instead of its default (up to 4x).
 * A scan's live data is small and steady (one message per worker, the running tables), but the
 * garbage each message leaves is promoted and would otherwise pile up until the next, distant
 * limit. Measured on the 300 MB benchmark mbox: peak RSS with one worker 201-228 MB -> 155 MB,
 * with two 343-409 MB -> 260 MB, and no slower. It is not a cap: a huge message still gets the
 * heap it needs. Process-wide, so it holds for the worker threads too.
 *
 * The semi-space flag is set here as well, to the value the launcher passes. For the main thread
 * that is a no-op when the launcher already passed it and too late when it did not (`node
 * bin/pixelaudit.js`, `npm start`): either way the flags V8 hashes are the same, so the code cache
 * that `npm run build` made (with this same call) is accepted however Node was started; and the
 * workers, whose heaps are made later, get the same semi-spaces either way.
 *
 * V8 checks its code cache against its flags: set them here only, where the bundle loader
 * (src/bundle-loader/load-bundle.ts) sets them before the first chunk is compiled, or every run
 * after the change compiles without its cache. (Tried for start-up: a young generation growing
 * 8x instead of 2x, --semi-space-growth-factor=8, saved 10-30 ms of CPU in a one-message run but
 * raised the peak RSS of a 60 MB mbox with two workers from 301 to 323 MB.)
 */
export function tuneHeapForStreaming(): void {
  v8.setFlagsFromString('--heap-growing-percent=10');
  for (const flag of LAUNCH_FLAGS) v8.setFlagsFromString(flag);
}
