import { incompleteBeta } from './incomplete-beta.js';
import { betaQuantile, betaUpperPoint } from './beta-quantile.js';
import { BETA_TAILS_TRUSTED_UP_TO, betaSubGaussianPoint } from './beta-sub-gaussian-point.js';

/** Grid intervals of betaExpectationBound between the beta's two far points. */
export const BETA_BOUND_STEPS = 512;

/** The chance left beyond the grid's top (counted whole, g <= 1 there). */
const BEYOND_TOP = 1e-15;

/**
 * An upper bound on E[g(X)], X ~ Beta(a, b), for g non-decreasing on [0, 1] with values in [0, 1]:
 * the upper Riemann-Stieltjes sum Σ_j P(c_{j-1} < X <= c_j) g(c_j) over a grid c_0 = 0 < c_1 < ... < c_J,
 * plus P(X > c_J) (g at most 1 there). Each term bounds g on its interval by its right end, so the
 * sum is never below the expectation, whatever the grid; the grid is the beta's 1e-15 lower point,
 * then BETA_BOUND_STEPS equal steps to its 1e-15 upper point, where the mass lies. The interval
 * chances are differences of the upper tail (math/incomplete-beta.ts), which keep their relative
 * accuracy far out in it, up to a + b = BETA_TAILS_TRUSTED_UP_TO (1e7). Past it they come out too small
 * (1e-3 relative at a + b of 1e12), and the bound is instead P(X > x) + g(x) <= 1e-15 + g(x) at the beta's
 * sub-Gaussian point x (math/beta-sub-gaussian-point.ts): it holds, but is loose for a skewed beta. Used by capacity-slack.ts: the chance the reps' capacity binds, integrated
 * over a beta conversion instead of taken at its one-in-ten-billion point.
 *
 * @example betaExpectationBound((x) => (x > 0.5 ? 1 : 0), 2, 2) // => 0.5 (+ at most one step's mass)
 * Complexity: O(BETA_BOUND_STEPS x (g + the incomplete beta's terms)).
 */
export function betaExpectationBound(g: (x: number) => number, a: number, b: number, steps = BETA_BOUND_STEPS): number {
  if (a + b > BETA_TAILS_TRUSTED_UP_TO) return Math.min(1, BEYOND_TOP + g(betaSubGaussianPoint(BEYOND_TOP, a, b)));
  const bottom = betaQuantile(BEYOND_TOP, a, b);
  const top = betaUpperPoint(BEYOND_TOP, a, b);
  const at = (j: number) => (j === 0 ? bottom : j === steps ? top : bottom + ((top - bottom) * j) / steps);
  // (0, bottom]: g at most g(bottom) there.
  const g0 = g(bottom);
  let sum = g0 > 0 ? incompleteBeta(bottom, a, b).lower * g0 : 0;
  // g rises: the intervals where it is 0 add nothing, and need no chance computed.
  let previousUpper = Number.NaN;
  for (let j = 1; j <= steps; j++) {
    const gj = g(at(j));
    if (!(gj > 0)) continue;
    if (Number.isNaN(previousUpper)) previousUpper = incompleteBeta(at(j - 1), a, b).upper;
    // From here g is 1: all the chance above the interval's left end counts whole.
    if (gj >= 1) return Math.min(1, sum + previousUpper);
    const upper = incompleteBeta(at(j), a, b).upper;
    sum += Math.max(0, previousUpper - upper) * gj;
    previousUpper = upper;
  }
  return Math.min(1, sum + incompleteBeta(top, a, b).upper);
}
