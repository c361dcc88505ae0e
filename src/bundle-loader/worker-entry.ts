// What a scan worker thread starts from (src/engine/worker-pool.ts): the bundle's analysis worker,
// loaded with the code cache as the CLI is (load-bundle.ts).
import { loadBundle } from './load-bundle.js';

loadBundle('analysis-worker.cjs');
