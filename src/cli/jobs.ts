import { availableParallelism } from 'node:os';

/**
 * The most worker threads `--jobs` accepts. Each worker holds its own copy of the tracker data
 * and a V8 heap (tens of MB): far more than the cores only costs memory (1,000 workers took 8 GB).
 */
export const MAX_JOBS = Math.max(64, availableParallelism());

/** A warning line when more workers are asked for than there are cores, else undefined. */
export function jobsWarning(jobs: number, cores = availableParallelism()): string | undefined {
  if (jobs <= cores) return undefined;
  return `pixelaudit: warning: --jobs ${jobs} is more than the ${cores} core${cores === 1 ? '' : 's'} here; extra workers only add memory\n`;
}
