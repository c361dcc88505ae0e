/** A small seeded PRNG (mulberry32): the same seed gives the same intervals on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 95% percentile interval of a share when whole senders are resampled: messages from one sender
 * are correlated, so a few heavy senders should not narrow the interval as if every message
 * were independent. `clusters` holds each sender's [messages, positives].
 */
export function clusterBootstrap(clusters: Array<[number, number]>, resamples = 1000, seed = 1): { low: number; high: number } {
  const m = clusters.length;
  if (m === 0) return { low: 0, high: 0 };
  const same = sameShare(clusters);
  if (same !== undefined) return { low: same, high: same };
  return resampledInterval(clusters, resamples, seed);
}

/**
 * The share every resample has when all senders have the same share (one sender, as in a scan
 * of one message, or all tracking every message), else undefined. Then every resample's k/n
 * is the same rational, and division rounds it to the same number, so the interval is that
 * share exactly, without the 1,000 resamples (6 of them for one message: 4-7 ms of CPU, most of
 * it compiling the loop). Compared by cross products, exact while they stay under 2^53.
 */
function sameShare(clusters: Array<[number, number]>): number | undefined {
  const [n0, k0] = clusters[0];
  for (const [n, k] of clusters) if (!(n > 0) || n >= 2 ** 26 || k < 0 || k > n || k * n0 !== k0 * n) return undefined;
  return k0 / n0;
}

/** The percentile interval of `resamples` resamples of whole senders. */
export function resampledInterval(clusters: Array<[number, number]>, resamples = 1000, seed = 1): { low: number; high: number } {
  const m = clusters.length;
  const random = mulberry32(seed);
  const shares: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let n = 0;
    let k = 0;
    for (let i = 0; i < m; i++) {
      const [cn, ck] = clusters[Math.floor(random() * m)];
      n += cn;
      k += ck;
    }
    shares.push(n ? k / n : 0);
  }
  shares.sort((a, b) => a - b);
  return { low: shares[Math.floor(0.025 * (resamples - 1))], high: shares[Math.ceil(0.975 * (resamples - 1))] };
}
