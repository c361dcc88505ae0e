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
