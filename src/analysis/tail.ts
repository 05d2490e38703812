import { confidenceRanks, intervalOutsideSample, ONE_TRIAL, selectOrderStatistics, type7, type7Positions } from './order-statistics.js';
import { finiteExtent, selectRanks } from './rank-select.js';
import { expectedShortfallEstimate } from './shortfall.js';

/**
 * A quantile of the trials with its 95% interval. The interval is null from a single trial, which
 * has no neighbouring order statistic to bound the quantile with, and when the interval would reach
 * beyond the lowest or highest trial (`notEstimable` then says so).
 */
export interface QuantileEstimate {
  readonly value: number;
  readonly interval: readonly [number, number] | null;
  readonly notEstimable?: string;
}

/** Copy values into scratch (natively for typed arrays); returns the count (values here are always finite). */
function load(values: ArrayLike<number>, scratch: Float64Array): number {
  scratch.set(values);
  return values.length;
}

/**
 * The p-quantile of the trials (type 7) with its distribution-free 95% interval.
 * Budget at confidence c is quantile(values, 1 - c): the value reached or beaten in c of trials.
 * Of a single value the interval is null (ONE_TRIAL).
 *
 * @example quantile(revenue, 0.2).value // the budget at 80% confidence (P20)
 * Complexity: O(n) expected.
 */
export function quantile(values: ArrayLike<number>, p: number, scratch?: Float64Array): QuantileEstimate {
  const n = values.length;
  const [lo, hi] = confidenceRanks(n, p);
  const positions = [...type7Positions(n, p), lo, hi];
  const extent = finiteExtent(values);
  // The order statistics are the same numbers however they are found: selected from buckets
  // (rank-select.ts) when every value is finite, else by quickselect over every value, as always.
  let selected: Map<number, number>;
  if (extent.count === n && n > 0) selected = selectRanks(values, positions, extent);
  else {
    const xs = scratch && scratch.length >= n ? scratch : new Float64Array(n);
    selected = selectOrderStatistics(xs, load(values, xs), positions);
  }
  // One value: its own quantile, with no interval to give (ONE_TRIAL).
  if (n === 1) return { value: type7(selected, n, p), interval: null, notEstimable: ONE_TRIAL };
  // An interval reaching beyond the sample (a P1 of 100 trials) would claim a coverage it does not have.
  const outside = intervalOutsideSample(n, p);
  if (outside !== undefined) return { value: type7(selected, n, p), interval: null, notEstimable: outside };
  return { value: type7(selected, n, p), interval: [selected.get(lo)!, selected.get(hi)!] };
}

/**
 * Expected shortfall: the mean of the worst `share` of trials (the lowest ceil(share x n) values),
 * what a bad year looks like on average below its P(share).
 *
 * @example expectedShortfall(revenue, 0.1) // mean revenue of the worst 10% of years
 * Complexity: O(n) expected.
 */
export function expectedShortfall(values: ArrayLike<number>, share: number, scratch = new Float64Array(values.length)): number {
  return expectedShortfallEstimate(values, share, scratch).value;
}
