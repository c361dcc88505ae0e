import { mulberry32 } from '../../stats/bootstrap.js';
import type { MessageResult } from '../../types.js';

/** How many messages of each kind the page lists in full; the figures always count every message. */
export const SAMPLE_LIMITS = { tracked: 2_000, failed: 200, other: 500 } as const;

export type SampleKind = keyof typeof SAMPLE_LIMITS;

/** The messages chosen for the page, per kind, with how many there were to choose from. */
export interface MessageSample {
  messages: MessageResult[];
  seen: Record<SampleKind, number>;
  listed: Record<SampleKind, number>;
}

const kindOf = (r: MessageResult): SampleKind => (r.error !== null ? 'failed' : r.tracked ? 'tracked' : 'other');

/**
 * Picks the messages the page shows in detail while the scan streams, in memory bounded by
 * SAMPLE_LIMITS whatever the mailbox: every tracked message, every failed one and every other
 * one up to its limit; past it a uniform random sample of that kind (reservoir sampling,
 * Vitter's algorithm R, seeded so the same input gives the same page). 100,000 messages as one
 * page of 100,000 rows would take seconds to open and to filter; 2,700 rows stay responsive.
 */
export class MessageSampler {
  private readonly kept: Record<SampleKind, Array<[number, MessageResult]>> = { tracked: [], failed: [], other: [] };
  private readonly seen: Record<SampleKind, number> = { tracked: 0, failed: 0, other: 0 };
  private readonly random = mulberry32(1);
  private order = 0;

  add(result: MessageResult): void {
    const kind = kindOf(result);
    const index = this.seen[kind]++;
    const entry: [number, MessageResult] = [this.order++, result];
    const kept = this.kept[kind];
    if (kept.length < SAMPLE_LIMITS[kind]) {
      kept.push(entry);
      return;
    }
    const slot = Math.floor(this.random() * (index + 1));
    if (slot < kept.length) kept[slot] = entry;
  }

  build(): MessageSample {
    const all = [...this.kept.tracked, ...this.kept.failed, ...this.kept.other].sort((a, b) => a[0] - b[0]);
    return {
      messages: all.map(([, r]) => r),
      seen: { ...this.seen },
      listed: { tracked: this.kept.tracked.length, failed: this.kept.failed.length, other: this.kept.other.length },
    };
  }
}
