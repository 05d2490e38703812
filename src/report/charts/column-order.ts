/**
 * What a chart reads of a column's order: how many finite values it has, a few of their type-7
 * quantiles and a histogram of them. Read from the column's values selected at the quantiles' ranks
 * (analysis/rank-select.ts: two passes over the column), not from the whole column sorted (six
 * radix passes of float64 values, and a copy): the same numbers, bit for bit. The distribution and
 * exceedance charts read 101 quantiles of each of two columns and two more for the histogram's range.
 */

import { type7Positions } from '../../analysis/order-statistics.js';
import { finiteExtent, selectRanks } from '../../analysis/rank-select.js';
import { histogramOf, quantileAt, type HistogramBin, type Quantiles } from './downsample.js';

export interface ColumnOrder extends Quantiles {
  /** How many finite values the column has (NaN and ±Infinity are left out, as a sort of the finite values leaves them). */
  readonly count: number;
  /** The p-quantile of the finite values, type 7: quantileSorted of them sorted (NaN for none; a p outside [0, 1] is refused). */
  quantile(p: number): number;
  /** histogram() of the finite values sorted: the same bins, counts and shares. */
  histogram(target: number, range: readonly [number, number]): HistogramBin[];
}

/**
 * A column's order, its values at the ranks of `probabilities` selected in one go. A quantile at any
 * other p is selected when asked (one more pass over the column: correct, only slower).
 *
 * @example selectedOrder(Float32Array.of(3, NaN, 1, 2), [0.5]).quantile(0.5) // => 2
 * Complexity: O(n) for the column, plus sorting the few values of the wanted ranks' buckets.
 */
export function selectedOrder(values: ArrayLike<number>, probabilities: Iterable<number>): ColumnOrder {
  const extent = finiteExtent(values);
  const { count } = extent;
  const ranksOf = (ps: Iterable<number>) => [...ps].flatMap((p) => (p >= 0 && p <= 1 ? type7Positions(count, p) : []));
  const selected = count > 0 ? selectRanks(values, ranksOf(probabilities), extent) : new Map<number, number>();
  const at = (rank: number): number => {
    let v = selected.get(rank);
    if (v === undefined) {
      v = selectRanks(values, [rank], extent).get(rank)!;
      selected.set(rank, v);
    }
    return v;
  };
  return {
    count,
    quantile: (p) => quantileAt(count, p, at),
    histogram: (target, range) => histogramOf(values, count, target, range),
  };
}

/**
 * The order of values already sorted ascending and finite (sortedFinite's): read from them directly.
 * @example sortedOrder(Float64Array.of(1, 2, 3, 4)).quantile(0.5) // => 2.5
 */
export function sortedOrder(sorted: ArrayLike<number>): ColumnOrder {
  return {
    count: sorted.length,
    quantile: (p) => quantileAt(sorted.length, p, (rank) => sorted[rank]!),
    histogram: (target, range) => histogramOf(sorted, sorted.length, target, range),
  };
}
