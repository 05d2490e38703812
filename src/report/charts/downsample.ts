/**
 * Per-trial values reduced to a few hundred points, so a chart of a million trials stays a small
 * spec. Percentiles here use the same rule as `describe()` (type 7), so a curve passes exactly
 * through the summary's P10, P50 and P90.
 */

import { type7At } from '../../analysis/order-statistics.js';
import { sortedFinite as sortFinite, type SortWorkspace } from '../../math/sorted-values.js';

/** The finite values, sorted ascending (a copy; float32 columns are widened exactly). Complexity: O(n log n). */
export function sortedFinite(values: ArrayLike<number>, workspace?: SortWorkspace): Float64Array {
  return sortFinite(values, workspace);
}

/**
 * The p-quantile of sorted values, type 7 (R's and numpy's default), at the position describe()
 * reads it (type7Position: the P30 of 11 trials, at 1 - 0.7, is the 4th value, not 4e-16 of the way past it),
 * with NaN for no values; a p outside [0, 1] is refused (RangeError).
 *
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileAt(sorted.length, p, (rank) => sorted[rank]!);
}

/**
 * quantileSorted of n sorted values given by their 0-based rank: `at` is asked for the one or two
 * ranks around the quantile's position (column-order.ts gives them selected, not sorted).
 * @example quantileAt(4, 0.5, (r) => [1, 2, 3, 4][r]!) // => 2.5
 */
export function quantileAt(n: number, p: number, at: (rank: number) => number): number {
  if (n === 0) return NaN;
  // As simple-statistics' quantileSorted refused it (a p beyond [0, 1] would read past the values).
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile must be between 0 and 1, got ${p}`);
  return type7At(n, p, at);
}

/** A step of 1, 2, 2.5 or 5 times a power of ten near `raw`, so bin edges are round numbers. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return m * power;
}

export interface HistogramBin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
  /** count / trials: the share of simulated years in [start, end). */
  readonly share: number;
}

/**
 * Round-edged bins of equal width (about `target` of them) covering `range` (default: all the
 * values); each bin is [start, end), the last one closed. Values outside the bins are not
 * counted; shares are of all the values, so they add up to the share inside.
 *
 * @example histogram(sorted, 40, [quantileSorted(sorted, 0.005), quantileSorted(sorted, 0.995)])
 * Complexity: O(n + bins).
 */
export function histogram(sorted: ArrayLike<number>, target = 40, range?: readonly [number, number]): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  return histogramOf(sorted, n, target, range ?? [sorted[0]!, sorted[n - 1]!]);
}

/**
 * histogram() of the finite values of `values` in any order, n of them (shares are of n): a bin's
 * count does not depend on the order the values come in, and NaN or ±Infinity falls in no bin.
 * @example histogramOf(Float64Array.of(3, NaN, 1), 2, 40, [1, 3]) // the bins of histogram(Float64Array.of(1, 3), 40, [1, 3])
 * Complexity: O(values + bins).
 */
export function histogramOf(values: ArrayLike<number>, n: number, target: number, range: readonly [number, number]): HistogramBin[] {
  if (n === 0) return [];
  const [min, max] = range;
  const step = max > min ? niceStep((max - min) / target) : niceStep(Math.max(Math.abs(min) * 0.01, 1));
  const first = Math.floor(min / step) * step;
  const bins = Math.max(1, Math.floor((max - first) / step) + 1);
  const last = first + bins * step;
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= first && v <= last)) continue;
    counts[Math.min(bins - 1, Math.floor((v - first) / step))]! += 1;
  }
  return Array.from(counts, (count, i) => ({ start: first + i * step, end: first + (i + 1) * step, count, share: count / n }));
}

/** [lo, hi] widened around its middle when it is empty, so a scale never has a zero-width domain. */
export function nonEmptySpan(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  const pad = Math.max(Math.abs(lo) * 0.01, 1);
  return [lo - pad, hi + pad];
}

export interface ExceedancePoint {
  /** The amount. */
  readonly value: number;
  /** The chance of coming in at or above it: 1 - p where value is the p-quantile. */
  readonly probability: number;
}

/**
 * The exceedance curve P(X >= x) at `steps` + 1 evenly spaced probabilities: the point with
 * probability 1 - p sits at the p-quantile (type 7), so the curve crosses 90% at P10 exactly.
 *
 * @example exceedanceCurve(sortedFinite(revenue), 200).find((pt) => pt.probability === 0.9)!.value // P10
 * Complexity: O(steps).
 */
export function exceedanceCurve(sorted: ArrayLike<number>, steps = 200): ExceedancePoint[] {
  return exceedanceCurveOf({ count: sorted.length, quantile: (p) => quantileSorted(sorted, p) }, steps);
}

/** Values as far as a curve reads them: how many, and their type-7 p-quantile (column-order.ts). */
export interface Quantiles {
  readonly count: number;
  quantile(p: number): number;
}

/** The probabilities exceedanceCurve reads the quantiles of, in its order. */
export function exceedanceProbabilities(steps = 200): number[] {
  // As describe() computes it: a whole percentage (or half) divided by 100, the same double.
  return Array.from({ length: steps + 1 }, (_, i) => (i * 100) / steps / 100);
}

/** exceedanceCurve of values given by their quantiles. */
export function exceedanceCurveOf(values: Quantiles, steps = 200): ExceedancePoint[] {
  if (values.count === 0) return [];
  return exceedanceProbabilities(steps).map((p, i) => ({ value: values.quantile(p), probability: (100 - (i * 100) / steps) / 100 }));
}
