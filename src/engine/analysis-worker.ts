// A worker thread of the scan pool: builds its own detector once, then analyses the batches it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessageResult } from '../types.js';
import { isMissingModule } from '../errors.js';
import { analyseMessage, failedResult } from './analyse-message.js';
import { createDetector } from './detector.js';
import { failureReason } from './stage.js';
import type { BatchJob, BatchReply, InternalErrorReply } from './worker-pool.js';
import { markDone, markStarted, type WorkerInit } from './worker-progress.js';

const { options, progress } = workerData as WorkerInit;
const detector = createDetector(options);

// Batches run strictly one after another: the pool's watchdog reads which message runs now,
// which only means something when messages do not interleave at mailparser's awaits.
let chain: Promise<void> = Promise.resolve();
let broken = false;
parentPort?.on('message', (job: BatchJob) => {
  chain = chain.then(() => (broken ? undefined : analyseBatch(job))).catch(reportInternalError);
});

/**
 * A module of pixelaudit that cannot be loaded is the install's fault, not a message's: the pool
 * is told (it stops the run with the bug report, exit 2, as one job does) and this worker takes
 * no more batches. Dying instead would make the pool send the messages again and fail them one
 * by one ("analysis worker failed"), a run that ends as if the mail were broken.
 */
function reportInternalError(error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const reply: InternalErrorReply = { internalError: { message: e.message, stack: e.stack ?? e.message, code: (e as NodeJS.ErrnoException).code } };
  broken = true;
  parentPort?.postMessage(reply);
}

async function analyseBatch(job: BatchJob): Promise<void> {
  const all = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const results: MessageResult[] = [];
  let start = 0;
  for (let i = 0; i < job.sources.length; i++) {
    markStarted(progress, job.batch, i);
    try {
      results.push(await analyseMessage(job.sources[i], all.subarray(start, job.ends[i]), detector, { timeoutMs: job.timeoutMs }));
    } catch (error) {
      // A module that cannot be loaded is no message's fault: the run stops (reportInternalError).
      if (isMissingModule(error)) throw error;
      // analyseMessage does not throw otherwise; should it ever, the message fails, not the worker.
      results.push(failedResult(job.sources[i], failureReason(error)));
    }
    markDone(progress);
    start = job.ends[i];
  }
  const reply: BatchReply = { batch: job.batch, results };
  parentPort?.postMessage(reply);
}
