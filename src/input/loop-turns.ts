import { monotonicMs } from '../engine/monotonic-ms.js';

/**
 * How long synchronous work may hold the event loop before it gets a turn. A folder of small
 * files is walked, read (read-small-file.ts) and, with --jobs 1, analysed without one real I/O
 * wait: every await is a microtask, so signal handlers (Ctrl-C, a batch system's SIGTERM),
 * timers and stream callbacks waited until the end of the scan (8.9-22 s on a 20,000-file
 * maildir, issue 12). 50 ms keeps Ctrl-C prompt; a macrotask turn costs a few microseconds.
 */
const TURN_EVERY_MS = 50;

/** Gives the event loop a macrotask turn when TURN_EVERY_MS have passed since the last one. */
export class LoopTurns {
  private last = monotonicMs();

  async take(): Promise<void> {
    if (monotonicMs() - this.last < TURN_EVERY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = monotonicMs();
  }
}
