import { ratioOfSums } from './ratio-of-sums.js';
import { tQuantile } from './reference-distributions.js';
import { DRIFT_PRIOR, yearLevel, type Estimate, type YearLevel } from './estimate.js';
import { effectiveUnits, jeffreysRate, type ZeroVarianceRate } from './zero-variance.js';

/** Contraction or expansion of the existing book, as a share of the ARR renewed. */
export interface BookShareFit {
  /** Σ part / Σ renewed_arr of the last 12 months: what the model books per dollar renewed, probability × mean size. */
  readonly share: Estimate;
  /** Σ part and Σ renewed_arr of the last 12 months. */
  readonly part: number;
  readonly renewed: number;
  /** Next year's share: sd on the share scale, from its error and the drift between years. */
  readonly year: YearLevel;
  /** When every month had the same share of contraction (none at all, most often): the Jeffreys interval on the units instead of the sandwich's zero width. */
  readonly zeroVariance?: ZeroVarianceRate;
  /** When every month had the same share of expansion: its error is share / √units (a coefficient of variation of 1 per unit), not 0. */
  readonly unboundedZeroVariance?: { readonly units: number; readonly unit: 'months' | 'customers' };
}

/**
 * The contraction (or expansion) share of ARR renewed from monthly contraction_arr (or
 * expansion_arr) and renewed_arr: the ratio estimator Σ part / Σ renewed of the last 12 months with
 * its sandwich standard error and a t interval on m − 1 df (ratio-of-sums.ts), as the dollar
 * renewal rate. In the model a renewing customer contracts with probability p by a share s of its
 * ARR (expands with probability q by e, when it does not contract), so the expected share is
 * p·E[s] (or (1 − p)·q·E[e]): that product is what monthly totals identify, and all they identify
 * (scenario-text.ts says why). With every month the same share (0 most often; within rounding each
 * month's amounts to whole units, ratioOfSums' `flat`) the sandwich error is 0: a contraction share then takes the Jeffreys interval on the customers renewing (given: the
 * count the scenario's customers imply; a customer's share lost is in [0, 1], so its variance is at
 * most r(1 − r), a binomial trial's), else on Kish's effective number of months (zero-variance.ts),
 * as the renewal rate does. An expansion share has no such bound (a customer may more than double):
 * its error is then share / √units, as if each unit's share were as variable as an exponential's,
 * and its t interval has units − 1 df (the units the error counts). Next year's
 * sd adds the drift between years (judgement: 25% of the share).
 *
 * @example fitBookShare(Float64Array.of(...Array(6).fill(2), ...Array(6).fill(1)), Float64Array.of(...Array(6).fill(100), ...Array(6).fill(50)), 'contraction').share.value // => 0.02 (18 / 900)
 * Complexity: O(N).
 */
export function fitBookShare(part: ArrayLike<number>, renewed: ArrayLike<number>, kind: 'contraction' | 'expansion', customersRenewed?: number): BookShareFit {
  const q = ratioOfSums(part, renewed);
  const s = q.value;
  const prior = DRIFT_PRIOR.bookShareRelative * s;
  if (q.months < 2 || q.flat) {
    const units = customersRenewed !== undefined && customersRenewed >= 1 ? customersRenewed : effectiveUnits(q.lastWholes);
    const unit = customersRenewed !== undefined && customersRenewed >= 1 ? 'customers' : 'months';
    if (kind === 'contraction' && s <= 1) {
      const zeroVariance = jeffreysRate(s, units, unit);
      return { share: { value: s, lo: zeroVariance.lo, hi: zeroVariance.hi, n: q.months }, part: q.part, renewed: q.whole, year: yearLevel(zeroVariance.sd, q.changes, prior), zeroVariance };
    }
    // An expansion is not bounded by the customer's ARR, so no binomial bound: each unit's share is
    // taken as variable as an exponential's (coefficient of variation 1), a judgement stated in the comment.
    // The error counts units (customers, or effective months), so the t's degrees of freedom do too.
    const se = s / Math.sqrt(Math.max(1, units));
    const t = tQuantile(0.975, Math.max(1, units - 1));
    return { share: { value: s, lo: Math.max(0, s - t * se), hi: s + t * se, n: q.months }, part: q.part, renewed: q.whole, year: yearLevel(se, q.changes, prior), unboundedZeroVariance: { units, unit } };
  }
  const t = tQuantile(0.975, q.months - 1);
  return { share: { value: s, lo: Math.max(0, s - t * q.se), hi: s + t * q.se, n: q.months }, part: q.part, renewed: q.whole, year: yearLevel(q.se, q.changes, prior) };
}
