import { quantile } from '../tail.js';
import type { PreparedInput } from './input.js';

/** The metric's median in each bin of an input, at the bin's mean percentile. */
export interface BinMedians {
  readonly percentile: Float64Array;
  readonly median: Float64Array;
  readonly count: Float64Array;
}

/**
 * Medians of y in each of the input's equal-count bins, with the mean own percentile of each bin.
 * @example binMedians(revenue, conversion).median[0] // revenue's median in the lowest 1/K of conversion years
 * Complexity: O(n) (a counting sort by bin, one selection per bin).
 */
export function binMedians(y: ArrayLike<number>, input: PreparedInput): BinMedians {
  const K = input.bins;
  const n = y.length;
  const count = new Float64Array(K);
  const percentile = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    count[input.bin[i]!]! += 1;
    percentile[input.bin[i]!]! += input.percentile[i]!;
  }
  const start = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) start[k + 1] = start[k]! + count[k]!;
  const fill = start.slice(0, K);
  const grouped = new Float64Array(n);
  for (let i = 0; i < n; i++) grouped[fill[input.bin[i]!]!++] = y[i]!;
  const median = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    percentile[k] = count[k]! > 0 ? percentile[k]! / count[k]! : NaN;
    median[k] = count[k]! > 0 ? quantile(grouped.subarray(start[k]!, start[k + 1]!), 0.5).value : NaN;
  }
  return { percentile, median, count };
}

/**
 * Weighted isotonic (non-decreasing) regression by pool-adjacent-violators.
 * @example isotonic([1, 3, 2, 4], [1, 1, 1, 1]) // => [1, 2.5, 2.5, 4]
 * Complexity: O(K).
 */
export function isotonic(values: ArrayLike<number>, weights: ArrayLike<number>): Float64Array {
  const K = values.length;
  const level: number[] = [];
  const weight: number[] = [];
  const size: number[] = [];
  for (let k = 0; k < K; k++) {
    level.push(values[k]!);
    weight.push(weights[k]!);
    size.push(1);
    while (level.length > 1 && level[level.length - 2]! > level[level.length - 1]!) {
      const w = weight[weight.length - 2]! + weight[weight.length - 1]!;
      const v = (level[level.length - 2]! * weight[weight.length - 2]! + level[level.length - 1]! * weight[weight.length - 1]!) / w;
      const s = size[size.length - 2]! + size[size.length - 1]!;
      level.length -= 1; weight.length -= 1; size.length -= 1;
      level[level.length - 1] = v;
      weight[weight.length - 1] = w;
      size[size.length - 1] = s;
    }
  }
  const out = new Float64Array(K);
  let k = 0;
  level.forEach((v, b) => {
    for (let j = 0; j < size[b]!; j++) out[k++] = v;
  });
  return out;
}

/** Where the metric's conditional median crosses a target along an input's own percentile. */
export type Crossing =
  /** The median reaches the target at own percentile `percentile`: at or above it when `direction` is 'up', at or below when 'down'. */
  | { readonly kind: 'crosses'; readonly percentile: number; readonly direction: 'up' | 'down' }
  /** The median reaches the target across the input's whole range. */
  | { readonly kind: 'always' }
  /** No value of this input alone brings the median to the target. */
  | { readonly kind: 'never'; readonly direction: 'up' | 'down' };

/**
 * The own percentile p at which the metric's median, the other inputs as drawn, equals the target:
 * the bins' medians made monotone in the direction the metric moves with the input (weighted
 * isotonic regression, the direction from the sign of the medians' weighted covariance with the
 * percentile), then interpolated linearly between bin centres. 'up' means the target is reached at
 * percentiles >= p, 'down' at percentiles <= p.
 *
 * @example medianCrossing(binMedians(revenue, conversion), 120e6) // => { kind: 'crosses', percentile: 0.71, direction: 'up' }
 * Complexity: O(K).
 */
export function medianCrossing(b: BinMedians, target: number): Crossing {
  const idx = [...b.count.keys()].filter((k) => b.count[k]! > 0);
  const u = idx.map((k) => b.percentile[k]!);
  const m = idx.map((k) => b.median[k]!);
  const w = idx.map((k) => b.count[k]!);
  const W = w.reduce((a, x) => a + x, 0);
  const mu = u.reduce((a, x, i) => a + x * w[i]!, 0) / W;
  const mm = m.reduce((a, x, i) => a + x * w[i]!, 0) / W;
  const cov = u.reduce((a, x, i) => a + w[i]! * (x - mu) * (m[i]! - mm), 0);
  const direction = cov >= 0 ? 'up' : 'down';
  // Fit non-decreasing in the direction of travel: for 'down', along decreasing percentile.
  const order = direction === 'up' ? idx.map((_, i) => i) : idx.map((_, i) => idx.length - 1 - i);
  const f = isotonic(order.map((i) => m[i]!), order.map((i) => w[i]!));
  const x = order.map((i) => u[i]!);
  if (f[0]! >= target) return { kind: 'always' };
  if (f[f.length - 1]! < target) return { kind: 'never', direction };
  let k = 1;
  while (f[k]! < target) k++;
  const [x0, x1, f0, f1] = [x[k - 1]!, x[k]!, f[k - 1]!, f[k]!];
  return { kind: 'crosses', percentile: x0 + ((target - f0) / (f1 - f0)) * (x1 - x0), direction };
}
