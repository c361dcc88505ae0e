// A worker thread of the scan pool: builds its own detector once, then analyses messages it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseMessage } from './analyse-message.js';
import { createDetector, type DetectorOptions } from './detector.js';

const detector = createDetector(workerData as DetectorOptions);

parentPort?.on('message', async (job: { id: number; source: string; bytes: Uint8Array }) => {
  const result = await analyseMessage(job.source, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), detector);
  parentPort?.postMessage({ id: job.id, result });
});
