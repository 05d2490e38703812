/**
 * Above this a + b, Beta(a, b)'s tails from math/incomplete-beta.ts are not trusted: its log-gamma
 * terms cancel and its continued fraction hits its step cap, so a tail comes out up to 1e-3 relative
 * too small by a + b of 1e12 (scipy.stats.beta.sf against it: about 1e-9 relative at 1e7, 1e-5 at
 * 4e10). Callers that must stay on one side (bounds) take the sub-Gaussian point instead.
 */
export const BETA_TAILS_TRUSTED_UP_TO = 1e7;

/**
 * A point x with P(X > x) <= tail for X ~ Beta(a, b), from the beta's sub-Gaussian tail (Marchal &
 * Arbel 2017: variance proxy 1 / (4 (a + b + 1)), so P(X > mean + t) <= exp(-2 (a + b + 1) t^2)):
 * mean + sqrt(ln(1 / tail) / (2 (a + b + 1))), at most 1. Needs no incomplete beta, so it holds for
 * any a and b; loose for a skewed beta (a mean near 0 or 1), whose spread it overstates.
 *
 * @example betaSubGaussianPoint(1e-15, 5e11, 5e11) // => 0.5 + 4.2e-6
 * Complexity: O(1).
 */
export function betaSubGaussianPoint(tail: number, a: number, b: number): number {
  return Math.min(1, a / (a + b) + Math.sqrt(Math.log(1 / tail) / (2 * (a + b + 1))));
}
