import type { DetectorOptions } from './detector.js';

/**
 * What a worker is doing, in memory shared with the pool: written by the worker before each
 * message (a few atomic stores), read by the pool's watchdog without a message round trip, so a
 * worker stuck inside one message can be seen and stopped even though it answers nothing.
 */
export const SEQ = 0; // messages started so far
export const BUSY = 1; // 1 while a message is analysed
export const BATCH = 2; // the batch of that message
export const INDEX = 3; // its index in the batch
export const PROGRESS_SLOTS = 4;

/** The workerData of an analysis worker. */
export interface WorkerInit {
  options: DetectorOptions;
  progress: Int32Array;
}

export function markStarted(progress: Int32Array, batch: number, index: number): void {
  Atomics.store(progress, BATCH, batch);
  Atomics.store(progress, INDEX, index);
  Atomics.add(progress, SEQ, 1);
  Atomics.store(progress, BUSY, 1);
}

export function markDone(progress: Int32Array): void {
  Atomics.store(progress, BUSY, 0);
}
