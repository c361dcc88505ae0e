import { MessageTimeout } from './stage.js';
import { monotonicMs } from './monotonic-ms.js';

// Reading the clock costs tens of nanoseconds; the loops that call tick() run per element, so
// the clock is read every 256 ticks (an element costs about a microsecond: a check every 0.3 ms).
const TICKS_PER_CHECK = 256;

/**
 * A message's time budget, checked cooperatively by the loops whose work grows with the input
 * (the HTML walk, the resources, the links). In the scan's own thread this is the only guard:
 * JavaScript cannot interrupt a running function, so a single step between two ticks is bounded
 * only by the parsers being linear. In worker threads a watchdog also terminates a stuck worker.
 */
export class Deadline {
  private ticks = 0;
  private readonly end: number;

  constructor(readonly budgetMs: number) {
    this.end = monotonicMs() + budgetMs;
  }

  /** Throws MessageTimeout once the budget is spent; cheap enough to call per element. */
  tick(): void {
    if (++this.ticks % TICKS_PER_CHECK === 0) this.check();
  }

  check(): void {
    if (monotonicMs() > this.end) throw new MessageTimeout(this.budgetMs);
  }

  /** Milliseconds left, never negative. */
  remaining(): number {
    return Math.max(0, this.end - monotonicMs());
  }
}

/** A deadline that never passes, for callers without a budget (explain, clean). */
export const NO_DEADLINE = { tick(): void {}, check(): void {}, remaining: (): number => Number.POSITIVE_INFINITY, budgetMs: Number.POSITIVE_INFINITY };

export type DeadlineLike = Pick<Deadline, 'tick' | 'check' | 'remaining' | 'budgetMs'>;

/** The default per-message budget: seconds of work for one message is hostile, not mail. */
export const DEFAULT_MESSAGE_TIMEOUT_MS = 10_000;
