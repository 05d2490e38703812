import { meanAll } from '../../math/mean-all.js';
import { scratchFloat64 } from './scratch.js';
import { selectOrderStatistics } from '../order-statistics.js';
import { checkShare } from '../../scenario/share-argument.js';

/**
 * The indices of the worst `share` of trials of y: exactly k = ceil(share x n) of them, the k lowest
 * values (ties at the cut broken by trial order).
 *
 * @example worstTrials(Float64Array.of(5, 1, 4, 2, 3), 0.4) // => Int32Array [1, 3]
 * Complexity: O(n) expected.
 */
export function worstTrials(y: ArrayLike<number>, share = 0.1): Int32Array {
  checkShare(share, 'worstTrials: share');
  const n = y.length;
  const k = Math.max(1, Math.ceil(share * n));
  const scratch = scratchFloat64('worst', n);
  scratch.set(y);
  const cut = selectOrderStatistics(scratch, n, [k - 1]).get(k - 1)!;
  const out = new Int32Array(k);
  let j = 0;
  for (let i = 0; i < n && j < k; i++) if (y[i]! < cut) out[j++] = i;
  for (let i = 0; i < n && j < k; i++) if (y[i]! === cut) out[j++] = i;
  return out.sort();
}

/** The mean of values over the given trials, and its standard error (sd / sqrt(count)). */
export interface MeanEstimate {
  readonly mean: number;
  readonly standardError: number;
}

/**
 * Mean of values over the trials in `indices`, with its standard error.
 * @example meanOver(conversion.percentile, worst) // => { mean: 0.31, standardError: 0.009 }
 * Complexity: O(indices).
 */
export function meanOver(values: ArrayLike<number>, indices: Int32Array): MeanEstimate {
  const k = indices.length;
  let s = 0;
  for (let j = 0; j < k; j++) s += values[indices[j]!]!;
  const mean = s / k;
  let ss = 0;
  for (let j = 0; j < k; j++) ss += (values[indices[j]!]! - mean) ** 2;
  return { mean, standardError: k > 1 ? Math.sqrt(ss / (k - 1) / k) : NaN };
}

/** One component's part of the bad years' shortfall. */
export interface ComponentShortfall {
  readonly component: string;
  /** Its mean over all trials, and over the worst ones. */
  readonly mean: number;
  readonly worstMean: number;
  /** mean - worstMean: how much less it brings in the bad years (negative: more). */
  readonly shortfall: number;
  /** shortfall / the metric's shortfall; the shares add up to 1 when the components add up to the metric. */
  readonly share: number;
}

/**
 * How the shortfall of the worst trials splits by component: for each component c,
 * shortfall_c = mean_all(c) - mean_worst(c), and its share of the metric's own shortfall
 * mean_all(y) - mean_worst(y). Components that add up to y (plus a constant) give shares that add up
 * to 1 exactly: their shortfalls' sum is then the denominator (within float32's rounding of y's own).
 *
 * @example componentShortfalls(revenue, worst, [{ component: 'churn', values: churn }])[0].share // => 0.35
 * Complexity: O(n x components).
 */
export function componentShortfalls(y: ArrayLike<number>, worst: Int32Array, components: ReadonlyArray<{ readonly component: string; readonly values: ArrayLike<number> }>): ComponentShortfall[] {
  const parts = components.map(({ component, values }) => {
    const mean = meanAll(values);
    const worstMean = meanOver(values, worst).mean;
    return { component, mean, worstMean, shortfall: mean - worstMean };
  });
  // The metric's shortfall as the components' shortfalls add up: the same number as y's own
  // (mean_all(y) - mean_worst(y)) when they add up to y, but without the rounding of float32
  // breakdowns against a float64 total, which made a shortfall that is all churn read 99.9999995%.
  // y's own is kept for components that do not add up to it (a subset).
  const own = meanAll(y) - meanOver(y, worst).mean;
  const summed = parts.reduce((a, p) => a + p.shortfall, 0);
  const total = Math.abs(summed - own) <= 1e-6 * Math.max(Math.abs(own), Math.abs(summed)) ? summed : own;
  return parts.map((p) => ({ ...p, share: total !== 0 ? p.shortfall / total : 0 }));
}
