import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package-root.js';
import type { MessageResult } from '../types.js';
import { failedResult } from './analyse-message.js';
import { DEFAULT_MESSAGE_TIMEOUT_MS } from './deadline.js';
import type { DetectorOptions } from './detector.js';
import { MessageTimeout } from './stage.js';
import { BATCH, BUSY, PROGRESS_SLOTS, SEQ, type WorkerInit } from './worker-progress.js';
import { Watchdog } from './watchdog.js';

// Workers run the built bundle (rolldown.config.mjs), loaded with its code cache as the CLI is
// (src/bundle-loader/): tests run src/ through vitest, but a worker needs plain JS, and one bundle
// starts faster than the modules of dist/src/ one by one.
const WORKER_FILE = path.join(PACKAGE_ROOT, 'dist', 'src', 'bundle-loader', 'worker-entry.js');

// Messages travel in batches: one transfer and one reply per batch instead of per message.
// Measured on the benchmark mbox (2 workers): per-message posting left the workers idle a tenth
// of the time and cost another twentieth in postMessage.
const BATCH_MESSAGES = 32;
const BATCH_BYTES = 1 << 20;
// Workers that die before analysing anything, in a row: the install is broken, not a message.
const MAX_STARTUP_DEATHS = 3;
// Times a message is sent again after its worker died while it waited behind another message:
// a bound, so that a worker dying for reasons of its own cannot keep the run going forever.
const MAX_ATTEMPTS = 3;

/** A batch as the worker receives it: every message's bytes in one transferred buffer. */
export interface BatchJob {
  batch: number;
  sources: string[];
  /** End offset of each message in bytes. */
  ends: number[];
  bytes: Uint8Array;
  /** Each message's time budget in milliseconds. */
  timeoutMs: number;
}

export interface BatchReply {
  batch: number;
  results: MessageResult[];
}

/** What a worker sends instead of a reply when it meets a bug of pixelaudit itself (a chunk that cannot be loaded). */
export interface InternalErrorReply {
  internalError: { message: string; stack: string; code?: string };
}

interface Queued {
  source: string;
  bytes: Buffer;
  resolve: (result: MessageResult) => void;
  reject: (error: Error) => void;
  /** Times it was sent to a worker. */
  attempts: number;
}

interface InHand {
  jobs: Queued[];
  /** A batch of one, sent again after its worker died: a second death fails the message. */
  retry: boolean;
}

/** One worker and what it holds. */
export interface Slot {
  worker: Worker;
  /** Batches sent and not yet answered, in the order the worker takes them. */
  batches: Map<number, InHand>;
  /** What the worker analyses now, written by the worker (see worker-progress.ts). */
  progress: Int32Array;
  dead: boolean;
}

export interface PoolOptions {
  /** Each message's time budget in milliseconds. */
  timeoutMs?: number;
}

/**
 * A pool of up to `jobs` analysis workers. Messages are queued into a batch that goes to an idle
 * worker once it is full (or when flushed); each message gets a promise of its own result, so
 * the caller keeps input order whatever happens to the workers.
 *
 * Workers start only when a batch finds none idle: a small input never pays for `jobs` workers.
 * A worker that throws, dies (out of memory, a crash) or is terminated by the watchdog (a message
 * stuck past its budget) is replaced: the message it was on fails when the watchdog stopped it,
 * and every other message it held is sent again alone; a message whose worker dies a second
 * time fails with the reason. The run goes on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private queue: Queued[] = [];
  private queueBytes = 0;
  private nextBatch = 0;
  /** Messages handed to analyse() so far; the first `sent` of them have gone to a worker. */
  private queued = 0;
  private sent = 0;
  private failure: Error | undefined;
  private startupDeaths = 0;
  private closing = false;
  private readonly timeoutMs: number;
  private readonly watchdog: Watchdog;
  /** Workers started, replacements included (for tests and measurements). */
  started = 0;

  constructor(
    private readonly jobs: number,
    private readonly options: DetectorOptions,
    pool: PoolOptions = {},
  ) {
    this.timeoutMs = pool.timeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS;
    this.watchdog = new Watchdog(this.timeoutMs, this.slots, (slot, batch, index) => this.stuck(slot, batch, index));
  }

  /** The index of the message among all analysed, and its result to come. */
  analyse(source: string, bytes: Buffer): { index: number; result: Promise<MessageResult> } {
    const index = this.queued++;
    const result = new Promise<MessageResult>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ source, bytes, resolve, reject, attempts: 0 });
    });
    // The caller awaits results in order and may stop at the first rejection: the others must
    // not become unhandled rejections (they crashed the process with a raw stack).
    result.catch(() => undefined);
    this.queueBytes += bytes.length;
    if (this.queue.length >= BATCH_MESSAGES || this.queueBytes >= BATCH_BYTES) this.flush();
    return { index, result };
  }

  /** Messages handed to analyse() and not yet answered: queued, or in a batch a live worker holds. */
  outstanding(): number {
    let n = this.queue.length;
    for (const slot of this.slots) for (const { jobs } of slot.batches.values()) n += jobs.length;
    return n;
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
    this.dispatch(jobs, false);
  }

  private dispatch(jobs: Queued[], retry: boolean): void {
    if (this.failure) {
      for (const job of jobs) job.reject(this.failure);
      return;
    }
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
    const slot = this.pick();
    for (const job of jobs) job.attempts++;
    slot.batches.set(batch, { jobs, retry });
    const job: BatchJob = { batch, sources: jobs.map((j) => j.source), ends, bytes, timeoutMs: this.timeoutMs };
    slot.worker.postMessage(job, [bytes.buffer]);
  }

  /** An idle worker, else a new one while under `jobs`, else the one with the fewest batches. */
  private pick(): Slot {
    const live = this.slots.filter((s) => !s.dead);
    const idle = live.find((s) => s.batches.size === 0);
    if (idle) return idle;
    if (live.length < this.jobs) return this.spawn();
    return live.reduce((a, b) => (b.batches.size < a.batches.size ? b : a));
  }

  private spawn(): Slot {
    const progress = new Int32Array(new SharedArrayBuffer(PROGRESS_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const init: WorkerInit = { options: this.options, progress };
    // A young generation of 8 MB (V8's default is larger): measured on the benchmark mbox with
    // the heap growth setting, two workers peak at about 270 MB; 16 MB added about 20 MB for
    // no steady gain, 4 MB was slower.
    const worker = new Worker(WORKER_FILE, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    const slot: Slot = { worker, batches: new Map(), progress, dead: false };
    worker.on('message', (reply: BatchReply | InternalErrorReply) => {
      if ('internalError' in reply) return this.internalError(slot, reply.internalError);
      const { batch, results } = reply;
      const inHand = slot.batches.get(batch);
      if (!inHand) return;
      this.startupDeaths = 0;
      slot.batches.delete(batch);
      inHand.jobs.forEach((job, i) => job.resolve(results[i]));
    });
    worker.on('error', (error) => this.lost(slot, `analysis worker failed: ${error.message.split('\n')[0]}`));
    worker.on('exit', (code) => this.lost(slot, `analysis worker exited with code ${code}`));
    this.slots.push(slot);
    this.started++;
    this.watchdog.start();
    return slot;
  }

  /** The watchdog found `slot` on one message past the budget: stop it; that message fails. */
  private stuck(slot: Slot, batch: number, index: number): void {
    const inHand = slot.batches.get(batch);
    const culprit = inHand?.jobs[index];
    if (inHand && culprit) {
      inHand.jobs.splice(index, 1);
      culprit.resolve(failedResult(culprit.source, new MessageTimeout(this.timeoutMs).message));
    }
    this.lost(slot, new MessageTimeout(this.timeoutMs).message);
    void slot.worker.terminate();
  }

  /**
   * A worker is gone: every message it held goes again, alone, to a live or new worker, except
   * the message it died on when that one was already alone (its second death): that one fails.
   */
  private lost(slot: Slot, reason: string): void {
    if (slot.dead || this.closing) return;
    slot.dead = true;
    this.slots.splice(this.slots.indexOf(slot), 1);
    const held = [...slot.batches.entries()];
    slot.batches.clear();
    const p = slot.progress;
    if (Atomics.load(p, SEQ) === 0 && ++this.startupDeaths >= MAX_STARTUP_DEATHS) {
      this.fail(
        new Error(`${reason} before analysing any message, ${MAX_STARTUP_DEATHS} times`),
        held.map(([, h]) => h),
      );
      return;
    }
    const running = Atomics.load(p, BUSY) === 1 ? Atomics.load(p, BATCH) : -1;
    for (const [batch, { jobs, retry }] of held) {
      for (const job of jobs) {
        if ((retry && batch === running) || job.attempts >= MAX_ATTEMPTS) job.resolve(failedResult(job.source, reason));
        else this.dispatch([job], true);
      }
    }
  }

  /**
   * The worker met a bug of pixelaudit (a lazily loaded chunk missing): the run stops with it, as
   * with one job, where it reaches run()'s bug report. The stack is the worker's.
   */
  private internalError(slot: Slot, reported: InternalErrorReply['internalError']): void {
    if (slot.dead) return;
    const error: Error & { code?: string } = new Error(reported.message);
    error.stack = reported.stack;
    if (reported.code) error.code = reported.code;
    slot.dead = true;
    this.slots.splice(this.slots.indexOf(slot), 1);
    const held = [...slot.batches.values()];
    slot.batches.clear();
    void slot.worker.terminate();
    this.fail(error, held);
  }

  private fail(error: Error, held: InHand[]): void {
    this.failure = error;
    for (const { jobs } of held) for (const job of jobs) job.reject(error);
    for (const slot of this.slots) for (const { jobs } of slot.batches.values()) for (const job of jobs) job.reject(error);
    for (const job of this.queue) job.reject(error);
    for (const slot of this.slots) slot.batches.clear();
    this.queue = [];
  }

  async close(): Promise<void> {
    this.closing = true;
    this.watchdog.stop();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
