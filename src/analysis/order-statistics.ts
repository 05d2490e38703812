import { toFixedDecimal } from '../math/decimal-round.js';
import { type7Position } from '../math/type7-position.js';
import { quickselect } from 'simple-statistics';
import { incompleteBeta } from '../math/incomplete-beta.js';
import { Z95 } from '../math/normal-cdf.js';

/**
 * Why a quantile's interval, a standard deviation or a standard error cannot be estimated from a
 * single value: an order-statistic interval is bounded by the neighbours of the quantile's rank and
 * one value has none (its "interval" would be the value itself, of no width); a sample standard
 * deviation has n - 1 = 0 degrees of freedom. Every other count, 2 and up, has both.
 */
export const ONE_TRIAL = '1 trial: an interval, a standard deviation or a standard error needs at least 2';

/** z of a two-sided 95% interval (math/normal-cdf.ts), for the analysis modules that read it here. */
export { Z95 };

/**
 * Below this n p (1 - p) the normal approximation's ranks are not used: they cover far less than
 * 95% there (a P1 of 100 trials 55%, a P10 of 7 trials 50%, a budget at 99.9% confidence of 1,000
 * trials 55%), and the exact binomial ranks are used instead. At or above it the normal ranks
 * cover 93.2% (a P25 of 68 trials) to 97% (checked for every n up to 5,000 at the percentiles in use).
 */
export const NORMAL_RANKS_MIN_VARIANCE = 9;

/** Each end of an exact interval may miss with at most this probability (two-sided 95%). */
const TAIL = 0.025;

/** P(B <= k) for B ~ Binomial(n, p), 0 <= p <= 1. */
function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return incompleteBeta(1 - p, n - k, k + 1).lower;
}

/** P(B >= s) for B ~ Binomial(n, p). */
function binomialUpper(s: number, n: number, p: number): number {
  if (s <= 0) return 1;
  if (s > n) return 0;
  return incompleteBeta(p, s, n - s + 1).lower;
}

/**
 * The exact distribution-free ranks (1-based) of the p-quantile's 95% interval [X(r), X(s)]: B, the
 * number of the n values below the quantile, is Binomial(n, p); X(r) <= Q(p) <= X(s) unless
 * B <= r - 1 or B >= s, so r is the largest rank with P(B <= r - 1) <= 2.5% and s the smallest with
 * P(B >= s) <= 2.5% (Conover, section 3.2). r = 0 (s = n + 1) when even the lowest (highest) of the
 * n values misses the quantile more often than that: the interval's end lies outside the sample.
 * Complexity: O(log n) incomplete beta evaluations.
 */
export function exactConfidenceRanks(n: number, p: number): { r: number; s: number } {
  // r: the largest r in [0, n] with P(B <= r - 1) <= TAIL (true at r = 0; the cdf rises with r).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (binomialCdf(mid - 1, n, p) <= TAIL) lo = mid;
    else hi = mid - 1;
  }
  const r = lo;
  // s: the smallest s in [1, n + 1] with P(B >= s) <= TAIL (true at s = n + 1; the tail falls with s).
  lo = 1;
  hi = n + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomialUpper(mid, n, p) <= TAIL) hi = mid;
    else lo = mid + 1;
  }
  return { r, s: lo };
}

/**
 * 0-based ranks [lo, hi] of a distribution-free confidence interval for the p-quantile of n
 * values: the order statistics X(lo) <= Q(p) <= X(hi) with coverage about 95%. Where n p (1 - p)
 * is at least NORMAL_RANKS_MIN_VARIANCE, from the normal approximation to the binomial count of
 * values below Q(p) (Conover, "Practical Nonparametric Statistics", 3rd ed., section 3.2): 1-based
 * ranks r = ceil(np - z sqrt(np(1 - p))) and s = ceil(np + z sqrt(np(1 - p))); below it, the exact
 * binomial ranks (exactConfidenceRanks), each end missing at most 2.5% of the time. An end beyond
 * the sample is clamped to the lowest (highest) value here, for the positions to read; whether the
 * interval is estimable at all is intervalOutsideSample's to say.
 *
 * @example confidenceRanks(1000, 0.5) // => [469, 530]
 * Complexity: O(1), or O(log n) incomplete beta evaluations below the normal approximation's range.
 */
export function confidenceRanks(n: number, p: number): [number, number] {
  let lo: number;
  let hi: number;
  if (n * p * (1 - p) >= NORMAL_RANKS_MIN_VARIANCE) {
    const centre = n * p;
    const half = Z95 * Math.sqrt(n * p * (1 - p));
    lo = Math.max(1, Math.ceil(centre - half));
    hi = Math.min(n, Math.ceil(centre + half));
  } else {
    const { r, s } = exactConfidenceRanks(n, p);
    lo = Math.max(1, r);
    hi = Math.min(n, s);
  }
  // The interval always holds the two order statistics the type-7 estimate lies between (an exact
  // interval of few trials could otherwise leave it out).
  const h = type7Position(n, p);
  return [Math.min(lo - 1, Math.floor(h)), Math.max(hi - 1, Math.min(n - 1, Math.ceil(h)))];
}

/** Trial counts up to this are settled on the ranks themselves: sums of two stay exact integers (2^52). */
const SETTLED_MAX_TRIALS = 2 ** 52;

/** The fewest trials whose exact 95% interval of the p-quantile lies inside the sample: (1 - p)^n <= 2.5% and p^n <= 2.5%. */
export function intervalMinTrials(p: number): number {
  const need = (q: number) => (q <= 0 ? 1 : q >= 1 ? Infinity : Math.ceil(Math.log(TAIL) / Math.log(q) - 1e-9));
  let n = Math.max(2, need(1 - p), need(p));
  // Past SETTLED_MAX_TRIALS the closed form stands as it is: there n++ and the ranks' bisection stop
  // moving (a budget at 1 - 1e-16 confidence needs 3.3e16 trials; a loop hung the process past
  // SIGTERM), and no run comes near. Infinity (p of 0 or 1: confidence below 1.1e-16) stays Infinity.
  if (!(n <= SETTLED_MAX_TRIALS)) return n;
  // The closed form is exact but for rounding: settle it on the ranks themselves.
  while (n > 2 && intervalInside(n - 1, p)) n--;
  while (!intervalInside(n, p)) n++;
  return n;
}

function intervalInside(n: number, p: number): boolean {
  if (n * p * (1 - p) >= NORMAL_RANKS_MIN_VARIANCE) return true;
  const { r, s } = exactConfidenceRanks(n, p);
  return r >= 1 && s <= n;
}

/**
 * p as a percentile's number, as the outputs write a budget's (report/confidence-text.ts): one
 * decimal, more only where one would round it to 0 or 100, trailing zeros dropped (1 - 0.999999 is
 * P0.0001, not P0.000100000000003).
 */
function percentWords(p: number): string {
  const round = (d: number) => {
    const text = toFixedDecimal(p * 100, d);
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  };
  let d = 1;
  while (d < 20 && (Number(round(d)) === 0 || Number(round(d)) === 100)) d++;
  return round(d);
}

/**
 * Why the 95% interval of the p-quantile of n values cannot be estimated, or undefined when it can:
 * from 2 values up, an interval whose end lies beyond the lowest or highest value would claim a
 * coverage it does not have (the lowest of 100 trials is below the true P1 only 63% of the time).
 *
 * @example intervalOutsideSample(100, 0.01) // => 'P1 of 100 trials: its 95% interval reaches below the lowest trial; it needs at least 368 trials'
 */
export function intervalOutsideSample(n: number, p: number): string | undefined {
  if (n < 2 || intervalInside(n, p)) return undefined;
  const { r, s } = exactConfidenceRanks(n, p);
  const where = r < 1 && s > n ? 'beyond the lowest and the highest trial' : r < 1 ? 'below the lowest trial' : 'above the highest trial';
  const need = intervalMinTrials(p);
  const more = Number.isFinite(need) ? `it needs at least ${need.toLocaleString('en-US')} trials` : 'no number of trials brings it inside';
  return `P${percentWords(p)} of ${n.toLocaleString('en-US')} trials: its 95% interval reaches ${where}; ${more}`;
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
  return type7At(n, p, (rank) => selected.get(rank)!);
}

/**
 * Type-7 quantile of n ascending values given by their 0-based rank: `at` is asked only for the
 * ranks type7Positions names (the charts' column-order.ts selects them when asked).
 * @example type7At(4, 0.5, (r) => [1, 2, 3, 4][r]!) // => 2.5
 */
export function type7At(n: number, p: number, at: (rank: number) => number): number {
  const h = type7Position(n, p);
  const lo = Math.floor(h);
  const xlo = at(lo);
  return h === lo ? xlo : xlo + (h - lo) * (at(lo + 1) - xlo);
}

/** The positions type7() needs for p. */
export function type7Positions(n: number, p: number): number[] {
  const h = type7Position(n, p);
  const lo = Math.floor(h);
  return h === lo ? [lo] : [lo, lo + 1];
}
