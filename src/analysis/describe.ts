import { mean, quantile, sampleStandardDeviation } from 'simple-statistics';

/** The percentiles reported everywhere. Px = the value with an x% chance of coming in below it. */
export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;
export type PercentileKey = `p${(typeof PERCENTILES)[number]}`;

/** Distribution of one per-trial quantity across the trials of a run. */
export interface Stat {
  readonly mean: number;
  readonly sd: number;
  /** Monte Carlo standard error of the mean: sd / sqrt(trials). */
  readonly standardError: number;
  readonly min: number;
  readonly max: number;
  /** Px = x% chance of coming in below (linear interpolation between order statistics, R/numpy type 7). */
  readonly percentiles: Readonly<Record<PercentileKey, number>>;
}

/** The finite values as float64 (float32 breakdowns are widened exactly); NaN (no data) dropped. */
export function finiteValues(values: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return n === values.length ? out : out.slice(0, n);
}

const PROBABILITIES = PERCENTILES.map((p) => p / 100);

/**
 * Mean, sd, extremes and percentiles of per-trial values. Non-finite values (a ratio with no
 * opening ARR) are left out; returns undefined when none is left.
 *
 * @example describe(Float64Array.of(1, 2, 3, 4)).percentiles.p50 // => 2.5
 * Complexity: O(n) expected: percentiles by simple-statistics' multi-quickselect, not a full sort.
 */
export function describe(values: ArrayLike<number>): Stat | undefined {
  const xs = finiteValues(values);
  const n = xs.length;
  if (n === 0) return undefined;
  const asArray = xs as unknown as number[];
  const sd = n > 1 ? sampleStandardDeviation(asArray) : 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = xs[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const qs = quantile(asArray, PROBABILITIES);
  const percentiles = Object.fromEntries(PERCENTILES.map((p, i) => [`p${p}`, qs[i]!])) as Record<PercentileKey, number>;
  return { mean: mean(asArray), sd, standardError: sd / Math.sqrt(n), min, max, percentiles };
}

/** A Stat for a value that is the same in every trial. */
export function constantStat(value: number): Stat {
  const percentiles = Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, value])) as Record<PercentileKey, number>;
  return { mean: value, sd: 0, standardError: 0, min: value, max: value, percentiles };
}
