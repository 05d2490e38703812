/**
 * Parameters of the lognormal and the beta from the ways a planner states them (a scenario's
 * distribution specs, before or after validation: every field optional here).
 */
import { normalQuantile } from './normal-cdf.js';

/** Φ⁻¹(0.9): the standard normal's 90th percentile, for lognormals stated by P10/P50/P90. */
const Z90 = normalQuantile(0.9);

/** A lognormal as a planner states it: mu/sigma, median/p90, p10/p90 or mean/sd. */
export interface LognormalStatement {
  readonly dist?: 'lognormal';
  readonly mu?: number;
  readonly sigma?: number;
  readonly median?: number;
  readonly p10?: number;
  readonly p90?: number;
  readonly mean?: number;
  readonly sd?: number;
}

/** A beta as a planner states it: alpha/beta or mean/sd. */
export interface BetaStatement {
  readonly dist?: 'beta';
  readonly alpha?: number;
  readonly beta?: number;
  readonly mean?: number;
  readonly sd?: number;
}

/** Lognormal (mu, sigma) from any of the planner's parameterisations. */
export function lognormalParams(spec: LognormalStatement): { mu: number; sigma: number } {
  if (spec.mu !== undefined && spec.sigma !== undefined) return { mu: spec.mu, sigma: spec.sigma };
  if (spec.median !== undefined && spec.p90 !== undefined)
    return { mu: Math.log(spec.median), sigma: Math.log(spec.p90 / spec.median) / Z90 };
  if (spec.p10 !== undefined && spec.p90 !== undefined)
    return { mu: (Math.log(spec.p10) + Math.log(spec.p90)) / 2, sigma: (Math.log(spec.p90) - Math.log(spec.p10)) / (2 * Z90) };
  if (spec.mean !== undefined && spec.sd !== undefined) {
    // Moments of a lognormal: mean = exp(mu + sigma^2/2), var = (exp(sigma^2) - 1) mean^2.
    const sigma2 = lognormalSigma2(spec.sd / spec.mean);
    return { mu: Math.log(spec.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
  }
  throw new RangeError('lognormal needs mu/sigma, median/p90, p10/p90 or mean/sd');
}

/**
 * sigma^2 = log(1 + cv^2) of a lognormal whose sd is `cv` times its mean (also a Fenton-Wilkinson
 * sum's). Taken from the ratio, never sd^2 / mean^2: those squares underflow (mean = sd = 1e-200 gave
 * 0 / 0; sd 1e-170 on a mean of 1e-160 lost the sd). log1p where cv^2 is small: 1 + cv^2 keeps only
 * 16 digits, so log(1 + cv^2) loses cv^2's (every one below cv = 1e-8, where the sd came out 0).
 * From cv^2 = 1e-4 up the two agree to the last digit or so, and Math.log(1 + cv^2) is kept there so
 * existing scenarios draw bit for bit as before.
 *
 * @example lognormalSigma2(0.5) // => log(1.25) = 0.2231...
 * @example lognormalSigma2(1e-9) // => 1e-18 (log(1 + 1e-18) would be 0)
 * Complexity: O(1).
 */
export function lognormalSigma2(cv: number): number {
  const r2 = cv * cv;
  return r2 < 1e-4 ? Math.log1p(r2) : Math.log(1 + r2);
}

/** Beta (alpha, beta) from alpha/beta or from mean and sd (method of moments). */
export function betaParams(spec: BetaStatement): { alpha: number; beta: number } {
  if (spec.alpha !== undefined && spec.beta !== undefined) return { alpha: spec.alpha, beta: spec.beta };
  if (spec.mean !== undefined && spec.sd !== undefined) {
    const nu = (spec.mean * (1 - spec.mean)) / (spec.sd * spec.sd) - 1;
    return { alpha: spec.mean * nu, beta: (1 - spec.mean) * nu };
  }
  throw new RangeError('beta needs alpha/beta or mean/sd');
}

