import { BETA_TAILS_TRUSTED_UP_TO, betaSubGaussianPoint } from './beta-sub-gaussian-point.js';
import { incompleteBeta } from './incomplete-beta.js';

/**
 * The p-quantile of Beta(a, b), by bisection on the regularized incomplete beta (60 halvings: to
 * 1e-18 of the unit interval), for the Jeffreys interval of a rate at the boundary (zero-variance.ts).
 *
 * @example betaQuantile(0.5, 2, 2) // => 0.5
 * Complexity: O(60 × the incomplete beta's terms).
 */
export function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b).lower < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * A point x of Beta(a, b) with P(X > x) <= tail, as close as 60 halvings get: bisection on the
 * upper tail itself (1 - p would lose a tail of 1e-10 to rounding), returning the upper end so the
 * bound holds (capacity-slack.ts bounds a conversion by it). Past a + b = BETA_TAILS_TRUSTED_UP_TO the
 * incomplete beta's tails come out too small, so there it is the sub-Gaussian point (looser, but it holds).
 *
 * @example betaUpperPoint(0.5, 2, 2) // => 0.5
 * Complexity: O(60 × the incomplete beta's terms).
 */
export function betaUpperPoint(tail: number, a: number, b: number): number {
  if (a + b > BETA_TAILS_TRUSTED_UP_TO) return betaSubGaussianPoint(tail, a, b);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b).upper > tail) lo = mid;
    else hi = mid;
  }
  return hi;
}
