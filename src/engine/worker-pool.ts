import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package-root.js';
import type { MessageResult } from '../types.js';
import type { DetectorOptions } from './detector.js';

// Workers run the compiled code: tests run src/ through vitest, but a worker needs plain JS.
const WORKER_FILE = path.join(PACKAGE_ROOT, 'dist', 'src', 'engine', 'analysis-worker.js');

// Messages travel in batches: one transfer and one reply per batch instead of per message.
// Measured on the benchmark mbox (2 workers): per-message posting left the workers idle a tenth
// of the time and cost another twentieth in postMessage.
const BATCH_MESSAGES = 32;
const BATCH_BYTES = 1 << 20;

/** A batch as the worker receives it: every message's bytes in one transferred buffer. */
export interface BatchJob {
  batch: number;
  sources: string[];
  /** End offset of each message in bytes. */
  ends: number[];
  bytes: Uint8Array;
}

export interface BatchReply {
  batch: number;
  results: MessageResult[];
}

interface Queued {
  source: string;
  bytes: Buffer;
  resolve: (result: MessageResult) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed pool of analysis workers. Messages are queued into a batch that goes to the worker
 * with the fewest batches in hand once it is full (or when flushed); each message still gets a
 * promise of its own result.
 */
export class WorkerPool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly pending = new Map<number, Queued[]>();
  private queue: Queued[] = [];
  private queueBytes = 0;
  private nextBatch = 0;
  /** Messages handed to analyse() so far; the first `sent` of them have gone to a worker. */
  private queued = 0;
  private sent = 0;
  private failure: Error | undefined;

  constructor(jobs: number, options: DetectorOptions) {
    for (let i = 0; i < jobs; i++) {
      // A young generation of 8 MB (V8's default is larger): measured on the benchmark mbox with
      // the heap growth setting, two workers peak at about 270 MB; 16 MB added about 20 MB for
      // no steady gain, 4 MB was slower.
      const worker = new Worker(WORKER_FILE, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      const slot = { worker, busy: 0 };
      worker.on('message', ({ batch, results }: BatchReply) => {
        slot.busy--;
        const jobs = this.pending.get(batch) ?? [];
        this.pending.delete(batch);
        jobs.forEach((job, i) => job.resolve(results[i]));
      });
      worker.on('error', (error) => this.fail(error));
      this.workers.push(slot);
    }
  }

  /** The index of the message among all analysed, and its result to come. */
  analyse(source: string, bytes: Buffer): { index: number; result: Promise<MessageResult> } {
    const index = this.queued++;
    const result = new Promise<MessageResult>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ source, bytes, resolve, reject });
    });
    this.queueBytes += bytes.length;
    if (this.queue.length >= BATCH_MESSAGES || this.queueBytes >= BATCH_BYTES) this.flush();
    return { index, result };
  }

  /** Whether the message with this index has gone to a worker (else flush() before waiting on it). */
  isSent(index: number): boolean {
    return index < this.sent;
  }

  flush(): void {
    if (this.queue.length === 0) return;
    const jobs = this.queue;
    this.queue = [];
    this.queueBytes = 0;
    this.sent += jobs.length;
    // One buffer of its own for the batch: the mbox splitter's slices share memory that must not be detached.
    const bytes = new Uint8Array(jobs.reduce((n, j) => n + j.bytes.length, 0));
    const ends: number[] = [];
    let at = 0;
    for (const job of jobs) {
      bytes.set(job.bytes, at);
      at += job.bytes.length;
      ends.push(at);
    }
    const batch = this.nextBatch++;
    this.pending.set(batch, jobs);
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    const job: BatchJob = { batch, sources: jobs.map((j) => j.source), ends, bytes };
    slot.worker.postMessage(job, [bytes.buffer]);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const jobs of this.pending.values()) for (const job of jobs) job.reject(error);
    for (const job of this.queue) job.reject(error);
    this.pending.clear();
    this.queue = [];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
