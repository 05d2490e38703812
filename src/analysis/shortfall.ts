import { selectOrderStatistics } from './order-statistics.js';

/** Expected shortfall with its 95% Monte Carlo interval. */
export interface ShortfallEstimate {
  readonly value: number;
  /** Null when the tail holds a single trial (see expectedShortfallEstimate); `notEstimable` then says why. */
  readonly interval: readonly [number, number] | null;
  readonly notEstimable?: string;
}

/**
 * The fewest trials whose worst `share` holds MIN_TAIL_TRIALS (2) trials: the smallest n with
 * ceil(share x n) >= 2, that is floor(1 / share) + 1 (21 for the worst 5%, 11 for the worst 10%).
 *
 * @example shortfallIntervalMinTrials(0.05) // => 21
 */
export function shortfallIntervalMinTrials(share: number): number {
  let n = Math.max(1, Math.floor(1 / share));
  while (tailTrials(share, n) < MIN_TAIL_TRIALS) n++;
  return n;
}

/**
 * Trials in the tail of an expected shortfall's interval must be at least 2: its variance term
 * Var(X | X <= q) is the sample variance of the k tail trials, with k - 1 degrees of freedom; one
 * trial has none (the formula's 0 there claims the worst years could not have been different).
 */
export const MIN_TAIL_TRIALS = 2;

/** k = ceil(share x n), at least 1: how many trials the worst `share` of n holds. */
const tailTrials = (share: number, n: number) => Math.max(1, Math.ceil(share * n));

/**
 * Expected shortfall (the mean of the lowest k = ceil(share x n) trials) with a 95% interval from
 * its asymptotic variance, [Var(X | X <= q) + (1 - a)(ES - q)^2] / (n a) at a = k / n, q the k-th
 * smallest value (normal approximation; the interval is [ES, ES] when the worst years do not vary).
 * Same value as tail.ts's expectedShortfall. With k = 1 (fewer than shortfallIntervalMinTrials)
 * the tail variance cannot be estimated (MIN_TAIL_TRIALS): the value is the worst trial and the
 * interval null, with `notEstimable` saying why.
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
  for (let i = 0; i < k; i++) {
    sum += scratch[i]!;
    if (scratch[i]! > q) q = scratch[i]!;
  }
  const es = sum / k;
  if (k < MIN_TAIL_TRIALS) {
    const worst = `worst ${+(share * 100).toFixed(2)}%`;
    return {
      value: es,
      interval: null,
      notEstimable: `${n.toLocaleString('en-US')} trial${n === 1 ? '' : 's'}: the ${worst} is ${k} trial, and the interval of its mean needs at least ${MIN_TAIL_TRIALS}, from ${shortfallIntervalMinTrials(share)} trials`,
    };
  }
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (scratch[i]! - es) ** 2;
  const a = k / n;
  const tailVar = ss / (k - 1);
  const se = Math.sqrt((tailVar + (1 - a) * (es - q) ** 2) / (n * a));
  return { value: es, interval: [es - 1.959963984540054 * se, es + 1.959963984540054 * se] };
}
