import type { Slot } from './worker-pool.js';
import { BATCH, BUSY, INDEX, SEQ } from './worker-progress.js';
import { monotonicMs } from './monotonic-ms.js';

/**
 * The hard backstop of the time budget in the worker pool. A worker checks its own budget
 * cooperatively (deadline.ts) and fails a slow message itself; the watchdog catches what that
 * cannot: a worker stuck inside one step that never returns to a check. A message seen running
 * for 1.5 x the budget gets its worker terminated (V8 stops it even inside a regular expression).
 */
export class Watchdog {
  private timer: NodeJS.Timeout | undefined;
  private readonly seen = new WeakMap<Slot, { seq: number; since: number }>();
  private readonly limitMs: number;
  private readonly everyMs: number;

  constructor(
    budgetMs: number,
    private readonly slots: readonly Slot[],
    private readonly onStuck: (slot: Slot, batch: number, index: number) => void,
  ) {
    this.limitMs = budgetMs * 1.5;
    this.everyMs = Math.min(1000, Math.max(10, budgetMs / 4));
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), this.everyMs);
    // The watchdog alone never keeps the process alive.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private check(): void {
    const now = monotonicMs();
    for (const slot of [...this.slots]) {
      if (slot.dead) continue;
      const p = slot.progress;
      const seq = Atomics.load(p, SEQ);
      if (Atomics.load(p, BUSY) !== 1) {
        this.seen.delete(slot);
        continue;
      }
      const last = this.seen.get(slot);
      if (!last || last.seq !== seq) this.seen.set(slot, { seq, since: now });
      else if (now - last.since > this.limitMs) {
        this.seen.delete(slot);
        this.onStuck(slot, Atomics.load(p, BATCH), Atomics.load(p, INDEX));
      }
    }
  }
}
