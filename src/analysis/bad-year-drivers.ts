import type { BadYearDriver } from './bad-years.js';

/**
 * Which of the bad years' drivers to show, and which to name as apart from an ordinary year. A bad
 * year can come from a driver sitting high as well as low: a contraction probability (more customers
 * cut back) or a rep attrition sits near its P80 in the worst years of revenue. summary.json keeps
 * every driver, lowest average percentile first; a table or chart that showed only the first few of
 * them, or a sentence that named only the low ones, left out the driver behind the bad years
 * whenever it is one that hurts by rising.
 */

/** How far from 50% a driver's average own percentile in the bad years must be to be named (5 points, as before). */
export const APART_FROM_ORDINARY = 0.05;

/** How far from 50% a driver sits in the bad years: |mean percentile - 0.5|. */
const distance = (d: BadYearDriver) => Math.abs(d.meanPercentile - 0.5);

/**
 * The `count` drivers farthest from an ordinary year (50%), either way, in the order given (summary.json's:
 * lowest average percentile first); ties kept in that order. All of them when there are no more than `count`.
 *
 * @example farthestFromOrdinary([p10, p45, p50, p90], 2) // => [p10, p90]
 * Complexity: O(d log d).
 */
export function farthestFromOrdinary<D extends BadYearDriver>(drivers: readonly D[], count: number): D[] {
  if (drivers.length <= count) return [...drivers];
  const kept = new Set([...drivers.keys()].sort((a, b) => distance(drivers[b]!) - distance(drivers[a]!) || a - b).slice(0, count));
  return drivers.filter((_, i) => kept.has(i));
}

/**
 * The drivers that sit clearly apart from an ordinary year in the bad years, one rule for low and
 * high: an average own percentile at least APART_FROM_ORDINARY from 50% and more than 2 standard errors
 * from it (the terminal's "+/- 2 se"; a driver of no effect averages 50% give or take its noise: at
 * 200 trials a no-effect driver's mean over the 20 bad years has a standard error of 6.5 points, and
 * 'sits low' at P44 was chance). None when the standard error is not known (one bad year, 10 trials
 * or fewer: a no-effect driver's single percentile is anywhere from 0 to 100%).
 * `low` lowest first, `high` highest first.
 *
 * @example apartFromOrdinary(drivers) // => { low: [Market at 0.16], high: [contraction at 0.83] }
 * Complexity: O(d log d).
 */
export function apartFromOrdinary<D extends BadYearDriver>(drivers: readonly D[]): { low: D[]; high: D[] } {
  const apart = drivers.filter((d) => distance(d) >= APART_FROM_ORDINARY && d.standardError !== null && distance(d) > 2 * d.standardError);
  return {
    low: apart.filter((d) => d.meanPercentile < 0.5).sort((a, b) => a.meanPercentile - b.meanPercentile),
    high: apart.filter((d) => d.meanPercentile > 0.5).sort((a, b) => b.meanPercentile - a.meanPercentile),
  };
}
