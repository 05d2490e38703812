import { quickselect } from 'simple-statistics';

/**
 * Why a quantile's interval, a standard deviation or a standard error cannot be estimated from a
 * single value: an order-statistic interval is bounded by the neighbours of the quantile's rank and
 * one value has none (its "interval" would be the value itself, of no width); a sample standard
 * deviation has n - 1 = 0 degrees of freedom. Every other count, 2 and up, has both.
 */
export const ONE_TRIAL = '1 trial: an interval, a standard deviation or a standard error needs at least 2';

/** z of a two-sided 95% interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/**
 * 0-based ranks [lo, hi] of a distribution-free confidence interval for the p-quantile of n
 * values: the order statistics X(lo) <= Q(p) <= X(hi) with coverage about 1 - alpha, from the
 * normal approximation to the binomial count of values below Q(p) (Conover, "Practical
 * Nonparametric Statistics", 3rd ed., section 3.2): 1-based ranks r = ceil(np - z sqrt(np(1 - p)))
 * and s = ceil(np + z sqrt(np(1 - p))).
 *
 * @example confidenceRanks(1000, 0.5) // => [469, 530]
 * Complexity: O(1).
 */
export function confidenceRanks(n: number, p: number, z = Z95): [number, number] {
  const centre = n * p;
  const half = z * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(1, Math.ceil(centre - half));
  const hi = Math.min(n, Math.ceil(centre + half));
  // When n p (1 - p) < 0.26 (a P1 of fewer than 27 trials, a P10 of 2), the half-width is under one
  // rank and the ranks can both fall below the two order statistics the type-7 estimate lies
  // between: an interval of zero width that leaves out the estimate. Widen it to hold them. (With
  // half >= 1, that is, for all but a handful of trials, they always hold them already.)
  const h = (n - 1) * p;
  return [Math.min(lo - 1, Math.floor(h)), Math.max(hi - 1, Math.min(n - 1, Math.ceil(h)))];
}

/**
 * Place the order statistics at the given 0-based positions of xs[0..n) and return them by
 * position. Positions are selected in increasing order, each by simple-statistics' quickselect
 * (Floyd-Rivest) within what lies above the previous one, so nothing is fully sorted.
 *
 * @example selectOrderStatistics(Float64Array.of(5, 1, 4, 2, 3), 5, [0, 4]) // => Map { 0 => 1, 4 => 5 }
 * Complexity: O(n) expected per position.
 */
export function selectOrderStatistics(xs: Float64Array, n: number, positions: Iterable<number>): Map<number, number> {
  const sorted = [...new Set(positions)].filter((k) => k >= 0 && k < n).sort((a, b) => a - b);
  const arr = xs as unknown as number[];
  const out = new Map<number, number>();
  let left = 0;
  for (const k of sorted) {
    if (n - 1 > left && k >= left) quickselect(arr, k, left, n - 1);
    left = k + 1;
    out.set(k, xs[k]!);
  }
  return out;
}

/** Type-7 (R, numpy default) quantile from already selected order statistics. */
export function type7(selected: ReadonlyMap<number, number>, n: number, p: number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const xlo = selected.get(lo)!;
  return h === lo ? xlo : xlo + (h - lo) * (selected.get(lo + 1)! - xlo);
}

/** The positions type7() needs for p. */
export function type7Positions(n: number, p: number): number[] {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  return h === lo ? [lo] : [lo, lo + 1];
}
