import { toFixedDecimal } from '../math/decimal-round.js';
import { Z95 } from '../math/normal-cdf.js';
import { selectOrderStatistics } from './order-statistics.js';

/** Expected shortfall with its 95% Monte Carlo interval. */
export interface ShortfallEstimate {
  readonly value: number;
  /** Null when the tail holds fewer than 50 trials (see expectedShortfallEstimate); `notEstimable` then says why. */
  readonly interval: readonly [number, number] | null;
  readonly notEstimable?: string;
}

/**
 * The fewest trials whose worst `share` holds MIN_TAIL_TRIALS (50) trials: the smallest n with
 * ceil(share x n) >= 50 (981 for the worst 5%, 491 for the worst 10%).
 *
 * @example shortfallIntervalMinTrials(0.05) // => 981
 */
export function shortfallIntervalMinTrials(share: number): number {
  let n = Math.max(1, Math.floor((MIN_TAIL_TRIALS - 1) / share));
  while (tailTrials(share, n) < MIN_TAIL_TRIALS) n++;
  return n;
}

/**
 * Trials the tail of an expected shortfall's interval must hold: 50. The interval is the normal
 * approximation of the estimator's asymptotic variance, which holds its 95% only slowly: with k
 * tail trials it held the mean of the worst 5% (10%) of a normal 49% (50%) of the time at k = 2,
 * 82% (81%) at 5, 89% (88%) at 10, 91% (92%) at 20, 93.4% (93.5%) at 50, and that of a heavy lower
 * tail (−lognormal, σ = 0.5) 93.1% (93.1%) at 50 (4,000 to 10,000 seeded replications each; in most
 * misses the interval lies above the true mean: the estimator's small-sample bias). From 50 it holds about
 * what the quantiles' normal-approximation intervals hold (93.2% at worst: order-statistics.ts);
 * below, it is not estimable rather than a 95% interval that holds far less. One trial has no tail
 * variance at all (k - 1 degrees of freedom).
 */
export const MIN_TAIL_TRIALS = 50;

/** k = ceil(share x n), at least 1: how many trials the worst `share` of n holds. */
export const tailTrials = (share: number, n: number) => Math.max(1, Math.ceil(share * n));

/**
 * Expected shortfall (the mean of the lowest k = ceil(share x n) trials) with a 95% interval from
 * its asymptotic variance, [Var(X | X <= q) + (1 - a)(ES - q)^2] / (n a) at a = k / n, q the k-th
 * smallest value (normal approximation; the interval is [ES, ES] when the worst years do not vary).
 * The k lowest are selected, put in order and handed to sortedShortfallEstimate: the same value and
 * interval, bit for bit, as the decisions' (OrderFigures) and tail.ts's expectedShortfall. With k
 * below MIN_TAIL_TRIALS (fewer trials than shortfallIntervalMinTrials) the normal interval would
 * hold far less than 95%: the value is given and the interval null, with `notEstimable` saying why.
 *
 * @example expectedShortfallEstimate(revenue, 0.1).interval // 95% interval of the mean of the worst 10%
 * Complexity: O(n + k log k) expected.
 */
export function expectedShortfallEstimate(values: ArrayLike<number>, share: number, scratch = new Float64Array(values.length)): ShortfallEstimate {
  const n = values.length;
  scratch.set(values);
  const k = tailTrials(share, n);
  // After selecting position k - 1, the first k values are the k smallest.
  selectOrderStatistics(scratch, n, [k - 1]);
  scratch.subarray(0, k).sort();
  return sortedShortfallEstimate(scratch, n, share);
}

/**
 * Expected shortfall with its 95% interval (as expectedShortfallEstimate) from the lowest k =
 * ceil(share x n) of n values in ascending order, lowest[0..k). The mean is added in ascending
 * order with Neumaier's compensated summation (within about one rounding of exact), and the
 * interval is centred on that same mean: one mean for the figure shown and its interval (before
 * December 2026 the interval was centred on a plain sum in selection order, and near 1e15 a
 * worst 10% that varied by less than 1 had an interval of no width a few units from the mean shown).
 *
 * @example sortedShortfallEstimate(Float64Array.of(1, 2, 3, 4), 4, 0.5).value // => 1.5
 * Complexity: O(k).
 */
export function sortedShortfallEstimate(lowest: ArrayLike<number>, n: number, share: number): ShortfallEstimate {
  const k = tailTrials(share, n);
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < k; i++) {
    const v = lowest[i]!;
    const t = sum + v;
    carry += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  const q = lowest[k - 1]!;
  // A mean lies between the lowest and highest value it averages; rounding (k x c / k) could put
  // it an ulp outside, so a tail of one value c had a mean other than c.
  const es = Math.min(q, Math.max(lowest[0]!, (sum + carry) / k));
  if (k < MIN_TAIL_TRIALS) {
    const worst = `worst ${Number(toFixedDecimal(share * 100, 2))}%`;
    return {
      value: es,
      interval: null,
      notEstimable: `${n.toLocaleString('en-US')} trial${n === 1 ? '' : 's'}: the ${worst} is ${k} trial${k === 1 ? '' : 's'}, and a 95% interval of its mean needs at least ${MIN_TAIL_TRIALS}, from ${shortfallIntervalMinTrials(share).toLocaleString('en-US')} trials`,
    };
  }
  // Worst years of one value: their mean is that value, with no Monte Carlo error (the formula's
  // terms are 0 in exact arithmetic; computed, rounding gave a width that left out the mean itself).
  if (lowest[0] === q) return { value: es, interval: [es, es] };
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (lowest[i]! - es) ** 2;
  const a = k / n;
  const tailVar = ss / (k - 1);
  const se = Math.sqrt((tailVar + (1 - a) * (es - q) ** 2) / (n * a));
  return { value: es, interval: [es - Z95 * se, es + Z95 * se] };
}
