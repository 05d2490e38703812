import { selectOrderStatistics } from './order-statistics.js';

/** Expected shortfall with its 95% Monte Carlo interval. */
export interface ShortfallEstimate {
  readonly value: number;
  readonly interval: readonly [number, number];
}

/**
 * Expected shortfall (the mean of the lowest k = ceil(share x n) trials) with a 95% interval from
 * its asymptotic variance, [Var(X | X <= q) + (1 - a)(ES - q)^2] / (n a) at a = k / n, q the k-th
 * smallest value (normal approximation; the interval is [ES, ES] when the worst years do not vary).
 * Same value as tail.ts's expectedShortfall.
 *
 * @example expectedShortfallEstimate(revenue, 0.1).interval // 95% interval of the mean of the worst 10%
 * Complexity: O(n) expected.
 */
export function expectedShortfallEstimate(values: ArrayLike<number>, share: number, scratch = new Float64Array(values.length)): ShortfallEstimate {
  const n = values.length;
  scratch.set(values);
  const k = Math.max(1, Math.ceil(share * n));
  selectOrderStatistics(scratch, n, [k - 1]);
  let sum = 0;
  let q = -Infinity;
  for (let i = 0; i < k; i++) {
    sum += scratch[i]!;
    if (scratch[i]! > q) q = scratch[i]!;
  }
  const es = sum / k;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (scratch[i]! - es) ** 2;
  const a = k / n;
  const tailVar = k > 1 ? ss / (k - 1) : 0;
  const se = Math.sqrt((tailVar + (1 - a) * (es - q) ** 2) / (n * a));
  return { value: es, interval: [es - 1.959963984540054 * se, es + 1.959963984540054 * se] };
}
