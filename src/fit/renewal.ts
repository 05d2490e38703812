import { binomialInterval } from '../math/binomial-interval.js';
import { ratioOfSums } from './ratio-of-sums.js';
import { tQuantile } from './reference-distributions.js';
import { DRIFT_PRIOR, yearLevel, type Estimate, type YearLevel } from './estimate.js';
import { effectiveUnits, jeffreysRate, type ZeroVarianceRate } from './zero-variance.js';

/** The dollar renewal rate fitted from ARR due and ARR renewed. */
export interface RenewalFit {
  /** Σ renewed / Σ due over the last 12 months: next year's planned rate. */
  readonly rate: Estimate;
  /** ARR due and renewed in the last 12 months. */
  readonly due: number;
  readonly renewed: number;
  /** Next year's rate: sd on the rate scale, the rate's error and the drift between years. */
  readonly year: YearLevel;
  /**
   * When every unit (month, or customer) renewed the same share, all of it most often: the sandwich
   * standard error is 0 there, so the interval and the rate's error come from the Jeffreys posterior
   * on the units instead (zero-variance.ts).
   */
  readonly zeroVariance?: ZeroVarianceRate;
}

/**
 * Dollar renewal rate from monthly due_arr and renewed_arr (index 0 = month 1): the ratio
 * estimator Σ renewed / Σ due of the last 12 months, with its linearised (sandwich) standard error
 * √(Σ (renewed_i − r̂ due_i)² · m/(m − 1)) / Σ due over the m months with ARR due, and a t interval
 * on m − 1 df. It makes no assumption about the number or sizes of the customers behind the
 * dollars. Next year's sd adds the drift between blocks (judgement: 3 points).
 *
 * When that residual sum is 0 within rounding (every month renewed the same share: all its ARR due,
 * most often; ratioOfSums' `flat`) or
 * one month had ARR due, the sandwich error is 0 and would state the rate exactly. Then the months
 * are the units: a month's rate lies in [0, 1], so its variance is at most r(1 − r) (Bhatia-Davis),
 * the binomial's with one trial a month, and the history has no count of customers to vouch for a
 * narrower one. The interval is the Jeffreys interval on Kish's effective number of months
 * (Σ due)² / Σ due², and the rate's error the Jeffreys posterior's sd. Given `customersDue` (the
 * customers due that the scenario's customer count implies: each renews or not, a binomial trial,
 * in the model the fit writes) the units are those customers instead.
 *
 * @example fitRenewal(Float64Array.of(...Array(12).fill(100)), Float64Array.of(...Array(12).fill(90))).rate.value // => 0.9
 * Complexity: O(N).
 */
export function fitRenewal(due: ArrayLike<number>, renewed: ArrayLike<number>, customersDue?: number): RenewalFit {
  const q = ratioOfSums(renewed, due);
  const r = q.value;
  const m = q.months;
  if (m < 2 || q.flat) {
    const zeroVariance = customersDue !== undefined && customersDue >= 1 ? jeffreysRate(r, customersDue, 'customers') : jeffreysRate(r, effectiveUnits(q.lastWholes), 'months');
    return { rate: { value: r, lo: zeroVariance.lo, hi: zeroVariance.hi, n: m }, due: q.whole, renewed: q.part, year: yearLevel(zeroVariance.sd, q.changes, DRIFT_PRIOR.renewal), zeroVariance };
  }
  const t = tQuantile(0.975, m - 1);
  return {
    rate: { value: r, lo: Math.max(0, r - t * q.se), hi: Math.min(1, r + t * q.se), n: m },
    due: q.whole,
    renewed: q.part,
    year: yearLevel(q.se, q.changes, DRIFT_PRIOR.renewal),
  };
}

/** The renewal rates of customers due, from their outcomes. */
export interface OutcomeRenewalFit extends RenewalFit {
  /** Logo renewal: customers renewed / customers due, with its 95% interval (math/binomial-interval.ts). */
  readonly logo: Estimate;
  /** Mean ARR of a customer due. */
  readonly meanArr: number;
}

/**
 * Dollar and logo renewal from customer outcomes (arr due, renewed or not). Dollar: Σ arr renewed /
 * Σ arr, with the ratio estimator's sandwich standard error over customers and a t interval on
 * n − 1 df. Logo: renewed / n with the Wilson score interval, exact ends at 0 to 3 renewals or losses (binomialInterval). Next year's sd takes the drift between
 * years from `changes` (the history's, when it has due and renewed ARR) with the 3-point judgement.
 * When every customer renewed (or none did) the sandwich error is 0: the dollar interval and error
 * are then the Jeffreys posterior's on Kish's effective number of customers (Σ arr)² / Σ arr².
 *
 * @example fitRenewalFromOutcomes([100, 100], [true, false], []).logo.value // => 0.5
 * Complexity: O(customers).
 */
export function fitRenewalFromOutcomes(arr: readonly number[], renewed: readonly boolean[], changes: readonly number[]): OutcomeRenewalFit {
  const n = arr.length;
  let due = 0;
  let kept = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    due += arr[i]!;
    if (renewed[i]) {
      kept += arr[i]!;
      count++;
    }
  }
  const r = due > 0 ? kept / due : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (arr[i]! * ((renewed[i] ? 1 : 0) - r)) ** 2;
  const zeroVariance = n > 1 && due > 0 && ss > 0 ? undefined : jeffreysRate(r, effectiveUnits(arr), 'customers');
  const se = zeroVariance ? zeroVariance.sd : Math.sqrt((ss * n) / (n - 1)) / due;
  const t = tQuantile(0.975, Math.max(1, n - 1));
  const p = n > 0 ? count / n : 0;
  // The interval every binomial chance arrcast states takes (Wilson's, exact ends at 0 to 3 renewals or losses).
  const [logoLo, logoHi] = n > 0 ? binomialInterval(count, n) : [Number.NaN, Number.NaN];
  return {
    rate: zeroVariance ? { value: r, lo: zeroVariance.lo, hi: zeroVariance.hi, n } : { value: r, lo: Math.max(0, r - t * se), hi: Math.min(1, r + t * se), n },
    due,
    renewed: kept,
    year: yearLevel(se, changes, DRIFT_PRIOR.renewal),
    ...(zeroVariance ? { zeroVariance } : {}),
    logo: { value: p, lo: logoLo, hi: logoHi, n },
    meanArr: n > 0 ? due / n : 0,
  };
}

/** Year-on-year changes of the dollar renewal rate between full blocks of a history (for fitRenewalFromOutcomes). */
export function renewalChanges(due: ArrayLike<number>, renewed: ArrayLike<number>): readonly number[] {
  return ratioOfSums(renewed, due).changes;
}
