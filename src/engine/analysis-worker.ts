// A worker thread of the scan pool: builds its own detector once, then analyses the batches it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessageResult } from '../types.js';
import { analyseMessage } from './analyse-message.js';
import { createDetector, type DetectorOptions } from './detector.js';
import type { BatchJob, BatchReply } from './worker-pool.js';

const detector = createDetector(workerData as DetectorOptions);

parentPort?.on('message', async (job: BatchJob) => {
  const all = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const results: MessageResult[] = [];
  let start = 0;
  for (let i = 0; i < job.sources.length; i++) {
    results.push(await analyseMessage(job.sources[i], all.subarray(start, job.ends[i]), detector));
    start = job.ends[i];
  }
  const reply: BatchReply = { batch: job.batch, results };
  parentPort?.postMessage(reply);
});
