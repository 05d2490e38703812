import { estimateAt } from './order-figures.js';
import { ONE_TRIAL } from './order-statistics.js';
import { selectRanks } from './rank-select.js';
import { SortWorkspace } from '../math/sorted-values.js';
import { RunningMoments, type Moments as RunningMomentsResult } from '../math/running-moments.js';

/** The percentiles reported everywhere. Px = the value with an x% chance of coming in below it. */
export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;
export type PercentileKey = `p${(typeof PERCENTILES)[number]}`;

/** Distribution of one per-trial quantity across the trials of a run. */
export interface Stat {
  readonly mean: number;
  /** Sample standard deviation; null from a single trial (`notEstimable`), as is everything below that needs two. */
  readonly sd: number | null;
  /** Monte Carlo standard error of the mean: sd / sqrt(trials). */
  readonly standardError: number | null;
  readonly min: number;
  readonly max: number;
  /** Px = x% chance of coming in below (linear interpolation between order statistics, R/numpy type 7). */
  readonly percentiles: Readonly<Record<PercentileKey, number>>;
  /**
   * Monte Carlo error of each percentile: a distribution-free 95% confidence interval [low, high]
   * from order statistics. One percentile's is null when that interval would reach beyond the
   * lowest or highest trial (a P1 of fewer than 368 trials: `percentileIntervalsNotEstimable`).
   */
  readonly percentileIntervals: Readonly<Record<PercentileKey, readonly [number, number] | null>> | null;
  /** Why sd, standardError and percentileIntervals are null: a single trial. Absent otherwise. */
  readonly notEstimable?: string;
  /** Why some percentiles' intervals (not all: see notEstimable) are null, one sentence per percentile. Absent otherwise. */
  readonly percentileIntervalsNotEstimable?: string;
}

/**
 * Copy the finite values into `into` (float32 breakdowns are widened exactly), dropping NaN (no
 * data); returns how many there are.
 */
export function copyFinite(values: ArrayLike<number>, into: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) into[n++] = v;
  }
  return n;
}

/**
 * Copy the values at most `limit` into `into`, in their order (NaN never is; float32 values are
 * widened exactly); returns how many there are.
 */
export function copyAtMost(values: ArrayLike<number>, limit: number, into: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v <= limit) into[n++] = v;
  }
  return n;
}

/** Mean, sample sd and extremes of the finite values, in their order; undefined when none is finite. */
export type Moments = RunningMomentsResult;

/**
 * Mean and sample variance by Welford's update (one pass, numerically stable) over the finite
 * values in trial order, with the extremes (math/running-moments.ts: the same fold a run's store
 * makes chunk by chunk, TrialStore.moments).
 * Complexity: O(n).
 */
export function moments(values: ArrayLike<number>): Moments | undefined {
  const running = new RunningMoments();
  running.fold(values);
  return running.result();
}

/**
 * The Stat of values whose moments are `m` and whose finite values are sorted[0..m.n), ascending:
 * every percentile and interval bound read from the sorted copy.
 * Complexity: O(percentiles).
 */
export function statOfSorted(m: Moments, sorted: Float64Array): Stat {
  return statAt(m, (rank) => sorted[rank]!);
}

/**
 * The same Stat read from the values in trial order: only the order statistics it reads (about 30
 * ranks) are selected (rank-select.ts), none sorted in full; the same numbers as statOfSorted of a
 * sorted copy, bit for bit.
 * Complexity: O(n).
 */
export function statOfValues(m: Moments, values: ArrayLike<number>): Stat {
  return statOfSelected(m, selectRanks(values, statRanks(m.n), { count: m.n, min: m.min, max: m.max }));
}

/** The Stat of values with moments `m` from their order statistics selected by rank (at least statRanks(m.n)). */
export function statOfSelected(m: Moments, selected: ReadonlyMap<number, number>): Stat {
  return statAt(m, (rank) => selected.get(rank)!);
}

/** The 0-based ranks statAt reads for n values: each percentile's one or two neighbours and its interval bounds. */
export function statRanks(n: number): number[] {
  const ranks: number[] = [];
  for (const p of PERCENTILES)
    estimateAt(
      (rank) => {
        ranks.push(rank);
        return 0;
      },
      n,
      p / 100,
    );
  return ranks;
}

/** The Stat of values with moments `m` whose ascending order statistics `at(rank)` reads. */
function statAt(m: Moments, at: (rank: number) => number): Stat {
  // One value: its percentiles are that value; no sd, standard error or interval (ONE_TRIAL).
  if (m.n < 2) {
    const percentiles = Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, estimateAt(at, m.n, p / 100).value])) as Record<PercentileKey, number>;
    return { mean: m.mean, sd: null, standardError: null, min: m.min, max: m.max, percentiles, percentileIntervals: null, notEstimable: ONE_TRIAL };
  }
  const percentiles = {} as Record<PercentileKey, number>;
  const percentileIntervals = {} as Record<PercentileKey, readonly [number, number] | null>;
  const reasons: string[] = [];
  for (const p of PERCENTILES) {
    const q = estimateAt(at, m.n, p / 100);
    percentiles[`p${p}`] = q.value;
    percentileIntervals[`p${p}`] = q.interval;
    if (q.notEstimable !== undefined) reasons.push(q.notEstimable);
  }
  const stat = { mean: m.mean, sd: m.sd, standardError: m.sd / Math.sqrt(m.n), min: m.min, max: m.max, percentiles, percentileIntervals };
  return reasons.length === 0 ? stat : { ...stat, percentileIntervalsNotEstimable: reasons.join('; ') };
}

/**
 * Mean, sd, extremes and percentiles of per-trial values. Non-finite values (a ratio with no
 * opening ARR) are left out; returns undefined when none is left. `scratch` (at least as long as
 * `values`) and `workspace` are reused across calls so a million-trial summary does not allocate
 * per column.
 *
 * Percentiles are type 7 (R's and numpy's default): P(p) = x[h] + (h - floor h)(x[h+1] - x[h]) with
 * h = (n - 1) p on the sorted values, each with a distribution-free 95% interval from order
 * statistics. The values are sorted once (an exact radix sort, math/sorted-values.ts) and every
 * percentile and bound is read from that copy.
 *
 * @example describe(Float64Array.of(1, 2, 3, 4)).percentiles.p50 // => 2.5
 * Complexity: O(n).
 */
export function describe(values: ArrayLike<number>, scratch = new Float64Array(values.length), workspace = new SortWorkspace()): Stat | undefined {
  const m = moments(values);
  if (!m) return undefined;
  workspace.sortFinite(values, scratch);
  return statOfSorted(m, scratch);
}

/** A Stat for a value that is the same in every trial. */
export function constantStat(value: number): Stat {
  const percentiles = Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, value])) as Record<PercentileKey, number>;
  const percentileIntervals = Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, [value, value]])) as Record<PercentileKey, [number, number]>;
  return { mean: value, sd: 0, standardError: 0, min: value, max: value, percentiles, percentileIntervals };
}
