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
  // At k = 0 the lower bound is exactly 0 and at k = n the upper bound exactly 1 (centre and half
  // are then equal in exact arithmetic); computed, they can round to 3e-17 or 0.9999999999999999,
  // an interval that leaves out the estimate itself.
  const lower = k === 0 ? 0 : Math.max(0, centre - half);
  const upper = k === n ? 1 : Math.min(1, centre + half);
  return { value: p, interval: [lower, upper], standardError: Math.sqrt((p * (1 - p)) / n) };
}
