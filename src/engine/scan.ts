import type { FileIdentity } from '../input/file-identity.js';
import { withInputWarnings } from '../input/input-warnings.js';
import { readInputs } from '../input/read-inputs.js';
import type { Shard } from '../input/shard.js';
import { Aggregate } from '../report/aggregate.js';
import type { Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import { analyseMessage, failedResult } from './analyse-message.js';
import type { Detector, DetectorOptions } from './detector.js';

export interface ScanOptions {
  detector: Detector;
  /** What the workers need to build the same detector. */
  detectorOptions?: DetectorOptions;
  /**
   * Threads that analyse at most: this one and up to jobs - 1 workers (started as the input needs
   * them); 1 analyses in this thread alone.
   */
  jobs?: number;
  /** Each message's time budget in milliseconds (default DEFAULT_MESSAGE_TIMEOUT_MS). */
  messageTimeoutMs?: number;
  maxMessageBytes: number;
  stdin?: AsyncIterable<Buffer>;
  stdinFile?: FileIdentity;
  shard?: Shard;
  /** Called for every message, scanned or failed, in input order. */
  onResult: (result: MessageResult) => void | Promise<void>;
  /** Called after each result with the bytes of message read so far. */
  onProgress?: (messages: number, bytes: number) => void;
}

interface InFlight {
  result: Promise<MessageResult>;
  bytes: number;
  /** The pool's index of the message, when a worker analyses it. */
  index?: number;
}

const WINDOW_BYTES = 32 * 1024 * 1024;
/**
 * Messages each worker holds (queued or sent, not answered) before this thread analyses the next
 * one itself: three batches, so a worker still has two to go while this thread is busy with a
 * message of its own.
 */
const WORKER_BACKLOG = 96;
/**
 * The largest message this thread analyses itself; larger ones always go to a worker. Here only
 * the cooperative deadline guards a message, and it cannot stop one step of a library call (a CSS
 * token, a header block): those steps are linear in the message's size, so a bound on the size
 * bounds them. The costliest known per byte is a CSS token at 0.12-0.24 us a byte (outside review 5:
 * 28 MiB of one string token took 3.3 s of CPU in one tokenizer call): 1 MiB is at most about a
 * quarter of a second in one step, and a message over it keeps the watchdog's hard stop and a
 * heap of its own. None of the benchmark mbox's 4,461 messages is over 1 MiB. While this thread
 * analyses, the watchdog's timer and the workers' replies wait for it: a stuck worker is
 * terminated at most one message budget later than it would be (a bounded delay, not lost).
 */
const HERE_MAX_BYTES = 1024 * 1024;

export interface ScanOutcome {
  summary: Summary;
  /** Input paths that could not be used at all (missing, not mail, a folder without mail). */
  unusableInputs: number;
  /** Messages analysed in this thread rather than by a worker (for tests and measurements). */
  analysedHere: number;
}

/**
 * Reads every input and analyses each message, with jobs - 1 worker threads beside this one when
 * jobs > 1. Results are emitted in input order; at most jobs x 96 messages and 32 MB of them are
 * in flight, so reading waits for the workers (backpressure) and memory stays flat whatever the
 * archive size.
 *
 * This thread analyses too, whenever the workers hold WORKER_BACKLOG messages each: with two
 * jobs, one worker and this thread instead of two workers and a thread that only reads. Same
 * parallelism on two cores, one V8 isolate less (its heap, its caches, its malloc arena): on the
 * 100 MB slice of the benchmark mbox, peak RSS 307-312 MB against 356-366 MB, the same CPU time
 * (21.4 against 22.1 s, one run each, load 16-19) and byte-identical results. What this thread
 * analyses has the guards of --jobs 1 (the cooperative deadline, not the watchdog's termination),
 * so it takes only messages of at most HERE_MAX_BYTES.
 */
export async function scan(paths: string[], options: ScanOptions): Promise<ScanOutcome> {
  const summary = new Aggregate(options.detector.vendors);
  if (!options.detector.redact) summary.markUnredacted();
  const jobs = Math.max(1, options.jobs ?? 1);
  const timeoutMs = options.messageTimeoutMs;
  const detectorOptions = { ...options.detectorOptions, redact: options.detector.redact, me: options.detector.me };
  // The pool (and worker_threads) is loaded only for a scan that may use it.
  const workers = jobs - 1;
  const pool = workers > 0 ? new (await import('./worker-pool.js')).WorkerPool(workers, detectorOptions, { timeoutMs }) : undefined;
  let analysedHere = 0;
  const inFlight: InFlight[] = [];
  let inFlightBytes = 0;
  const windowMessages = pool ? jobs * WORKER_BACKLOG : 0;
  let unusableInputs = 0;
  let messages = 0;
  let bytes = 0;
  const emitOldest = async (): Promise<void> => {
    const oldest = inFlight.shift() as InFlight;
    inFlightBytes -= oldest.bytes;
    if (pool && oldest.index !== undefined && !pool.isSent(oldest.index)) pool.flush();
    const result = await oldest.result;
    summary.add(result);
    await options.onResult(result);
    options.onProgress?.(++messages, bytes);
  };
  try {
    for await (const item of readInputs(paths, { maxMessageBytes: options.maxMessageBytes, stdin: options.stdin, stdinFile: options.stdinFile, shard: options.shard })) {
      if (item.type === 'skipped') {
        summary.skip(item);
        continue;
      }
      if (item.type === 'failed') {
        if (item.wholeInput) unusableInputs++;
        inFlight.push({ result: Promise.resolve(failedResult(item.source, item.error)), bytes: 0 });
      } else {
        bytes += item.bytes.length;
        inFlightBytes += item.bytes.length;
        const toPool = pool !== undefined && (item.bytes.length > HERE_MAX_BYTES || pool.outstanding() < workers * WORKER_BACKLOG);
        if (!toPool) analysedHere++;
        const job = toPool ? pool.analyse(item.source, item.bytes) : { result: analyseMessage(item.source, item.bytes, options.detector, { timeoutMs }) };
        const result = withInputWarnings(job.result, item.warnings);
        // When the pool stops the run (an internal error), every message in flight rejects with it and
        // only the oldest is awaited: the others must not become unhandled rejections (exit 1, a raw stack).
        result.catch(() => undefined);
        inFlight.push({ ...job, result, bytes: item.bytes.length });
      }
      while (inFlight.length > windowMessages || (inFlightBytes > WINDOW_BYTES && inFlight.length > 1)) await emitOldest();
    }
    pool?.flush();
    while (inFlight.length) await emitOldest();
  } finally {
    await pool?.close();
  }
  return { summary: summary.build(), unusableInputs, analysedHere };
}
