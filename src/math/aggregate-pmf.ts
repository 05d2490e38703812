import { inverseRealFft, realFft } from './real-fft.js';

/**
 * A non-negative severity distribution (one deal's value), given by what the aggregate needs of it:
 * `sf(x)` = P(X > x) at x >= 0 (accurate in the upper tail), its mean and variance, and `tail`, a
 * value it exceeds with probability at most TAIL_PROBABILITY.
 */
export interface Severity {
  sf(x: number): number;
  readonly mean: number;
  readonly variance: number;
  readonly tail: number;
}

/** The probability a severity's `tail` may be exceeded: each deal is truncated there (its share of the error bound). */
export const TAIL_PROBABILITY = 1e-12;

/** Cells of every aggregate grid (2^15): sets the grid step h = 2R / CELLS. */
export const CELLS = 1 << 15;

/**
 * The distribution of S = X_1 + ... + X_k (k independent copies of a severity) on a grid, made by
 * the method of actuarial aggregate-loss software (Mildenhall's `aggregate`, after Heckman-Meyers
 * and Robertson): X is discretised by rounding onto the grid x_i = i h (cell i holds
 * P((i - 1/2) h <= X < (i + 1/2) h)), its FFT raised to the power k, and transformed back.
 */
export interface AggregatePmf {
  readonly k: number;
  /** Grid step: value of cell i is i h. */
  readonly h: number;
  /** P(S = i h), i < CELLS (sums to 1 after normalisation). */
  readonly pmf: Float64Array;
  /** R: the grid spans [0, 2R); each deal is truncated at R >= the severity's `tail`. */
  readonly range: number;
  /** The discretised X's mean minus X's mean: the rounding's bias per deal (|bias| <= h / 2). */
  readonly biasPerDeal: number;
  /**
   * The aggregate's mass above R, as computed (genuine mass in [R, 2R) plus whatever wrapped around
   * from beyond 2R): the table is refused above MAX_MASS_ABOVE_RANGE, so the wrap is negligible.
   */
  readonly massAboveRange: number;
}

const BINS = CELLS / 2 + 1;
const SCRATCH = {
  /** The gridded severity, then the aggregate. */
  re: new Float64Array(CELLS),
  /** The severity's transform (bins 0..CELLS/2: the rest are their conjugates), its binary powers, and the product. */
  sr: new Float64Array(BINS),
  si: new Float64Array(BINS),
  pr: new Float64Array(BINS),
  pi: new Float64Array(BINS),
  fft: { re: new Float64Array(CELLS / 2), im: new Float64Array(CELLS / 2) },
};

/** An aggregate whose mass above R exceeds this is not built (the grid would be too narrow for it). */
export const MAX_MASS_ABOVE_RANGE = 1e-9;

/**
 * The aggregate of k copies of `severity` on a grid of CELLS cells over [0, 2R), with
 * R = k mean + 10 sqrt(k) sd + tail, so that the sum's bulk and a single large deal fit.
 *
 * Error bound (for the table as sampled): let each deal be rounded to the nearest grid point; then
 * the table's S is that rounded sum, exactly in law, but for (i) deals beyond R, probability at most
 * k TAIL_PROBABILITY, (ii) the mass above R (massAboveRange, at most 1e-9, with what wrapped), (iii)
 * FFT round-off (about 1e-12 in total variation). So, coupled with the exact sum, |S_table - S| <=
 * k h / 2 always (Wasserstein-infinity), the means differ by k biasPerDeal, and the root mean square
 * difference is at most sqrt(k) h / 2 + k |biasPerDeal| (rounding errors are independent, each
 * within h / 2).
 *
 * @example aggregatePmf(severity, 64).pmf // P(S = i h) for the sum of 64 deals
 * @remarks O(CELLS log CELLS): two real FFTs of 2^15 points (each a complex FFT of 2^14) and CELLS / 2 evaluations of sf (a few ms).
 */
export function aggregatePmf(severity: Severity, k: number): AggregatePmf {
  return withAggregatePmf(severity, k, (aggregate) => ({ ...aggregate, pmf: Float64Array.from(aggregate.pmf) }));
}

/** R of the aggregate of k copies of `severity` (aggregatePmf): k mean + 10 sqrt(k) sd + tail. */
export function aggregateRange(severity: Severity, k: number): number {
  return k * severity.mean + 10 * Math.sqrt(k) * Math.sqrt(severity.variance) + severity.tail;
}

/**
 * The grid step h = 2R / CELLS of the aggregate of k copies of `severity`: the same double as the
 * built aggregate's `h`, known without building it (compound-sum.ts reads it for a bound on a
 * table's error).
 */
export function aggregateStep(severity: Severity, k: number): number {
  return (2 * aggregateRange(severity, k)) / CELLS;
}

/**
 * `use(aggregatePmf(severity, k))` without the copy of the pmf: `use` is handed the aggregate with its
 * pmf in this module's scratch array, which it may read and overwrite but must not keep (the next
 * build reuses it). For a caller that keeps only what it derives (compound-sum.ts: a table's quantiles
 * and part of its CDF), this saves a 256 kB array a build.
 */
export function withAggregatePmf<T>(severity: Severity, k: number, use: (aggregate: AggregatePmf) => T): T {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`aggregatePmf: k must be a whole number >= 1, not ${k}`);
  const range = aggregateRange(severity, k);
  const h = aggregateStep(severity, k);
  // Scratch reused by every build (2 MB here would otherwise be garbage per table).
  const { re, sr, si, pr, pi } = SCRATCH;
  // Each phase is a function of its own: V8 compiles a small loop once, where one long function was
  // compiled again at each loop it entered (on-stack replacement) and dropped at the next one it had
  // not seen run (about 14 compilations of this function when a run's tables are built).
  const discretisedMean = discretise(severity, range, h, re);
  // The grid is real, and so is the aggregate: a real transform keeps half the bins (real-fft.ts).
  realFft(re, pr, pi, SCRATCH.fft);
  power(k, sr, si, pr, pi);
  inverseRealFft(sr, si, re, SCRATCH.fft);
  const above = normaliseAggregate(re, h, range);
  return use({ k, h, pmf: re, range, biasPerDeal: discretisedMean - severity.mean, massAboveRange: above });
}

/**
 * Rounding: cell i of `re` holds P((i - 1/2) h <= X < (i + 1/2) h) = sf((i - 1/2) h) - sf((i + 1/2) h),
 * each to about 1e-16 (1e-12 over the grid), normalised to sum 1. Cells beyond R hold nothing (each
 * deal truncated at R). Returns the discretised severity's mean.
 */
function discretise(severity: Severity, range: number, h: number, re: Float64Array): number {
  re.fill(0);
  const last = Math.floor(range / h);
  const unnormalisedMean = cellMasses(severity, last, h, re);
  const total = sumCells(re, last);
  divideCells(re, last, total);
  return unnormalisedMean / total;
}

/** Cells 0..last of `re` get their masses (before normalisation); returns the sum of mass x value. */
function cellMasses(severity: Severity, last: number, h: number, re: Float64Array): number {
  let upperTail = 1;
  let discretisedMean = 0;
  for (let i = 0; i <= last; i++) {
    const sf = severity.sf((i + 0.5) * h);
    const mass = upperTail - sf;
    re[i] = mass > 0 ? mass : 0;
    discretisedMean += re[i]! * i * h;
    upperTail = sf;
    if (sf === 0) break; // the end of a bounded severity's support: every further cell is empty
  }
  return discretisedMean;
}

/** The sum of cells 0..last, in order. */
function sumCells(re: Float64Array, last: number): number {
  let total = 0;
  for (let i = 0; i <= last; i++) total += re[i]!;
  return total;
}

/** Cells 0..last divided by `total`. */
function divideCells(re: Float64Array, last: number, total: number): void {
  for (let i = 0; i <= last; i++) re[i] = re[i]! / total;
}

/** (sr, si) = (pr, pi)^k, bin by bin, by repeated multiplication of the binary powers (pr, pi are overwritten). */
function power(k: number, sr: Float64Array, si: Float64Array, pr: Float64Array, pi: Float64Array): void {
  sr.fill(1);
  si.fill(0);
  for (let e = k; e > 0; e >>= 1) {
    if (e & 1) multiplyInto(sr, si, pr, pi);
    if (e > 1) square(pr, pi);
  }
}

/** (sr, si) *= (pr, pi), bin by bin. */
function multiplyInto(sr: Float64Array, si: Float64Array, pr: Float64Array, pi: Float64Array): void {
  for (let i = 0; i < BINS; i++) {
    const a = sr[i]! * pr[i]! - si[i]! * pi[i]!;
    si[i] = sr[i]! * pi[i]! + si[i]! * pr[i]!;
    sr[i] = a;
  }
}

/** (pr, pi) = (pr, pi)^2, bin by bin. */
function square(pr: Float64Array, pi: Float64Array): void {
  for (let i = 0; i < BINS; i++) {
    const a = pr[i]! * pr[i]! - pi[i]! * pi[i]!;
    pi[i] = 2 * pr[i]! * pi[i]!;
    pr[i] = a;
  }
}

/** Round-off leaves tiny negative masses: they are zero; then the aggregate is normalised. Returns its mass above R. */
function normaliseAggregate(re: Float64Array, h: number, range: number): number {
  return divideAndSumAbove(re, clampAndSum(re), h, range);
}

/** Non-positive (and NaN) cells set to 0; returns the sum of the cells. */
function clampAndSum(re: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < CELLS; i++) {
    if (!(re[i]! > 0)) re[i] = 0;
    sum += re[i]!;
  }
  return sum;
}

/** Every cell divided by `sum`; returns the mass of the cells beyond `range`. */
function divideAndSumAbove(re: Float64Array, sum: number, h: number, range: number): number {
  let above = 0;
  for (let i = 0; i < CELLS; i++) {
    re[i] = re[i]! / sum;
    if (i * h > range) above += re[i]!;
  }
  return above;
}
