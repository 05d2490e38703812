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
    // log1p where (sd/mean)^2 is small: 1 + r^2 keeps only 16 digits, so log(1 + r^2) loses r^2's
    // (all of them below r = 1e-8, where the stated sd came out 0). Above 1e-4 the two agree to the
    // last digit or so, and Math.log(1 + r^2) is kept there so existing scenarios draw bit for bit as before.
    const r2 = (spec.sd * spec.sd) / (spec.mean * spec.mean);
    const sigma2 = r2 < 1e-4 ? Math.log1p(r2) : Math.log(1 + r2);
    return { mu: Math.log(spec.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
  }
  throw new RangeError('lognormal needs mu/sigma, median/p90, p10/p90 or mean/sd');
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

