import { quantile } from '../tail.js';
import type { PreparedInput } from './input.js';

/** The metric's median in each bin of an input, at the bin's mean percentile and its median value. */
export interface BinMedians {
  readonly percentile: Float64Array;
  readonly median: Float64Array;
  readonly count: Float64Array;
  /**
   * The median of the input's own values in each bin (z for the market): where medianCrossing places
   * the bin's median of the metric. Absent from a caller's own BinMedians: the bins' mean percentiles
   * are used then.
   */
  readonly value?: Float64Array;
}

/**
 * Medians of y in each of the input's equal-count bins, with the mean own percentile of each bin and
 * the median of its own values (a bin is a run of the input's sorted values: bins follow its ranks).
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
  const groupedX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = fill[input.bin[i]!]!++;
    grouped[j] = y[i]!;
    groupedX[j] = input.x[i]!;
  }
  const median = new Float64Array(K);
  const value = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    percentile[k] = count[k]! > 0 ? percentile[k]! / count[k]! : NaN;
    const [a, b] = [start[k]!, start[k + 1]!];
    if (b > a) alongSlope(grouped.subarray(a, b), groupedX.subarray(a, b));
    median[k] = b > a ? quantile(grouped.subarray(a, b), 0.5).value : NaN;
    value[k] = b > a ? sortedMedian(input.sorted, a, b) : NaN;
  }
  // Bins that split one run of equal values (a discrete driver's 5% drawn in a third of the years)
  // have the same median driver value: their medians differ by chance (and by a neighbour value's few
  // trials in a bin that straddles two runs), and a target between them would 'cross' inside the
  // run. Each such run of bins gets the median of all its trials. Continuous draws: no two bins share one.
  for (let k = 0; k < K; ) {
    let e = k + 1;
    while (e < K && count[e]! > 0 && value[e] === value[k]) e++;
    if (e - k > 1) {
      const pooled = quantile(grouped.subarray(start[k]!, start[e]!), 0.5).value;
      for (let j = k; j < e; j++) median[j] = pooled;
    }
    k = e;
  }
  return { percentile, median, count, value };
}

/**
 * A bin's metric values moved, in place, to the bin's median input value along the bin's
 * least-squares slope: y - slope (x - median x). Their median is then the metric's median at that
 * value, the other inputs as drawn, without the spread of the input inside the bin (the outer bins
 * of a beta or lognormal driver span much of its range, and their plain median of the metric sits
 * off the metric at their median value: a target at a beta conversion's P5 crossed at P5.3).
 */
function alongSlope(y: Float64Array, x: Float64Array): void {
  const c = y.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < c; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / c;
  const my = sy / c;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < c; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  if (!(sxx > 1e-12 * c)) return;
  const slope = sxy / sxx;
  const xm = quantile(Float64Array.from(x), 0.5).value;
  for (let i = 0; i < c; i++) y[i] = y[i]! - slope * (x[i]! - xm);
}

/** The type-7 median of ascending values from index `from` to `to` (exclusive). */
function sortedMedian(sorted: ArrayLike<number>, from: number, to: number): number {
  const h = (to - 1 - from) / 2;
  const lo = from + Math.floor(h);
  return lo + 1 < to ? sorted[lo]! + (from + h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
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
  /**
   * The median reaches the target at own percentile `percentile`: at or above it when `direction` is
   * 'up', at or below when 'down'. `value`: the input's value there, when the bins carry their values.
   */
  | { readonly kind: 'crosses'; readonly percentile: number; readonly value?: number; readonly direction: 'up' | 'down' }
  /** The median reaches the target across the input's whole range. */
  | { readonly kind: 'always' }
  /** No value of this input alone brings the median to the target. */
  | { readonly kind: 'never'; readonly direction: 'up' | 'down' };

/**
 * The own percentile p at which the metric's median, the other inputs as drawn, equals the target:
 * the bins' medians made monotone in the direction the metric moves with the input (weighted
 * isotonic regression, the direction from the sign of the medians' weighted covariance with the
 * percentile), then interpolated linearly between bins. 'up' means the target is reached at
 * percentiles >= p, 'down' at percentiles <= p.
 *
 * Interpolated in the input's value when the bins carry it (binMedians), each bin's median of the
 * metric at its median value, and p = percentileAt(value): a metric linear in a driver (revenue in
 * conversion, leads or ACV) is then met where the line meets the target, wherever that falls. Between
 * bins' mean percentiles instead, a driver whose quantiles curve (a beta's tails) put the crossing of
 * a target at its P5 at about P5.8, at its P95 at about P94.3 (20,000 trials, 20 bins): the outer bins
 * span the most value. `percentileAt`: the input's percentile at a value (inputPercentileAt); without
 * it, linear between the bins' (value, mean percentile) points. `ends`: the input's values at its P1
 * and P99, to which the outer bins are extended (with `percentileAt`); without them 'never' and
 * 'always' begin at the outer bins' median values.
 *
 * @example medianCrossing(binMedians(revenue, conversion), 120e6, (v) => inputPercentileAt(conversion, v)) // => { kind: 'crosses', percentile: 0.71, value: 0.061, direction: 'up' }
 * Complexity: O(K) and one percentileAt.
 */
export function medianCrossing(b: BinMedians, target: number, percentileAt?: (value: number) => number, ends?: CrossingEnds): Crossing {
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
  const values = b.value;
  const v = values ? order.map((i) => values[idx[i]!]!) : undefined;
  // The outer bins' medians sit at their median values (a P97.5 and a P2.5 with 20 bins, a P87.5
  // below 1,250 trials), not at the driver's ends: extended along the last segment's slope in value
  // out to the driver's P1 and P99 (`ends`), so that 'never' and 'always' mean beyond those years.
  if (v && ends && percentileAt && f.length >= 2) {
    const K = f.length;
    const [first, last] = direction === 'up' ? [ends.low, ends.high] : [ends.high, ends.low];
    const slope = (a: number, c: number) => (v[c]! !== v[a]! ? (f[c]! - f[a]!) / (v[c]! - v[a]!) : 0);
    const fFirst = f[0]! + slope(0, 1) * (first - v[0]!);
    const fLast = f[K - 1]! + slope(K - 2, K - 1) * (last - v[K - 1]!);
    const beyond = direction === 'up' ? (a: number, c: number) => a < c : (a: number, c: number) => a > c;
    const fx = [...(beyond(first, v[0]!) ? [fFirst] : []), ...f, ...(beyond(v[K - 1]!, last) ? [fLast] : [])];
    const vx = [...(beyond(first, v[0]!) ? [first] : []), ...v, ...(beyond(v[K - 1]!, last) ? [last] : [])];
    if (fx[0]! >= target) return { kind: 'always' };
    if (fx[fx.length - 1]! < target) return { kind: 'never', direction };
    let k = 1;
    while (fx[k]! < target) k++;
    const value = vx[k - 1]! + ((target - fx[k - 1]!) / (fx[k]! - fx[k - 1]!)) * (vx[k]! - vx[k - 1]!);
    return { kind: 'crosses', percentile: percentileAt(value), value, direction };
  }
  if (f[0]! >= target) return { kind: 'always' };
  if (f[f.length - 1]! < target) return { kind: 'never', direction };
  let k = 1;
  while (f[k]! < target) k++;
  const [f0, f1] = [f[k - 1]!, f[k]!];
  const t = (target - f0) / (f1 - f0);
  const between = x[k - 1]! + t * (x[k]! - x[k - 1]!);
  if (!v) return { kind: 'crosses', percentile: between, direction };
  const value = v[k - 1]! + t * (v[k]! - v[k - 1]!);
  return { kind: 'crosses', percentile: percentileAt ? percentileAt(value) : between, value, direction };
}

/** The driver's values at its P1 and P99: how far medianCrossing extends its outer bins. */
export interface CrossingEnds {
  readonly low: number;
  readonly high: number;
}
