import v8 from 'node:v8';

/**
 * Lets a function run about 15 times longer in V8's interpreter and baseline code before
 * TurboFan optimizes it (`--interrupt-budget`, 67,584 by default in Node 20's V8 11.3).
 *
 * Most pixelaudit runs are short (one message, a folder of a few hundred), and in those TurboFan
 * cost more than it saved: on the 200 .eml files of the peer row it compiled about 300 functions
 * (the tokenizers, the tree builder, the URL classifier; up to 250 ms each on a loaded machine,
 * their inlining makes them large), and V8's helper threads that do it used more CPU than the
 * main thread (1.7 s against 1.5 s of 3.2 s). With a larger budget only what stays hot is
 * optimized, later. Measured at load 15-21, CPU time, interleaved runs:
 *   peer row, 200 .eml, one job (4 runs each): 2.63-3.00 s default, 2.07-2.27 s at 200,000,
 *     1.85-2.29 s at 400,000, 1.79-1.95 s at 1,000,000, 1.90-2.07 s at 3,000,000;
 *   bench-100.mbox, 4,461 messages, one worker (2 runs each): 13.1-15.5 s default,
 *     11.6-12.9 s at 1,000,000, 10.9-13.9 s at 400,000: long runs lose nothing (fewer
 *     functions optimized and thrown away again; peak RSS 222 -> 203 MB).
 * Process-wide, so it holds for the worker threads too.
 *
 * V8 checks its code cache against its flags: like the heap flag (heap.ts) this is set by the
 * bundle loader before the first chunk is compiled, and when the build writes the cache.
 */
export const TIER_UP_BUDGET = 1_000_000;

export function delayTierUp(): void {
  v8.setFlagsFromString(`--interrupt-budget=${TIER_UP_BUDGET}`);
}
