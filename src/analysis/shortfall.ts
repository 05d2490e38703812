import { toFixedDecimal } from '../math/decimal-round.js';
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
 * Same value as tail.ts's expectedShortfall. With k below MIN_TAIL_TRIALS (fewer trials than
 * shortfallIntervalMinTrials) the normal interval would hold far less than 95%: the value is given
 * and the interval null, with `notEstimable` saying why.
 *
 * @example expectedShortfallEstimate(revenue, 0.1).interval // 95% interval of the mean of the worst 10%
 * Complexity: O(n) expected.
 */
export function expectedShortfallEstimate(values: ArrayLike<number>, share: number, scratch = new Float64Array(values.length)): ShortfallEstimate {
  const n = values.length;
  scratch.set(values);
  const k = tailTrials(share, n);
  selectOrderStatistics(scratch, n, [k - 1]);
  let sum = 0;
  let q = -Infinity;
  let lowest = Infinity;
  for (let i = 0; i < k; i++) {
    sum += scratch[i]!;
    if (scratch[i]! > q) q = scratch[i]!;
    if (scratch[i]! < lowest) lowest = scratch[i]!;
  }
  // A mean lies within the values it averages: rounding put k copies of 0.1 at 0.09999999999999976.
  const es = Math.min(q, Math.max(lowest, sum / k));
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
  if (lowest === q) return { value: es, interval: [es, es] };
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (scratch[i]! - es) ** 2;
  const a = k / n;
  const tailVar = ss / (k - 1);
  const se = Math.sqrt((tailVar + (1 - a) * (es - q) ** 2) / (n * a));
  return { value: es, interval: [es - 1.959963984540054 * se, es + 1.959963984540054 * se] };
}
