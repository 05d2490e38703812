import { Z95 } from './order-statistics.js';

/** A probability estimated from trials, with its Monte Carlo error. */
export interface Probability {
  readonly value: number;
  /** 95% Wilson score interval. */
  readonly interval: readonly [number, number];
  /** Binomial standard error sqrt(p(1 - p) / n). */
  readonly standardError: number;
}

/**
 * The share of n trials in which something happened (k of them), with a 95% Wilson score interval
 * (E. B. Wilson, JASA 22 (1927) 209-212), which stays inside [0, 1] and behaves at 0 and n.
 *
 * @example probability(80, 100) // => { value: 0.8, interval: [0.711, 0.867], standardError: 0.04 }
 * Complexity: O(1).
 */
export function probability(k: number, n: number, z = Z95): Probability {
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, interval: [Math.max(0, centre - half), Math.min(1, centre + half)], standardError: Math.sqrt((p * (1 - p)) / n) };
}
