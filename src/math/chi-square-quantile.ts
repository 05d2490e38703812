import { incompleteGamma } from './incomplete-gamma.js';

/**
 * The exact p-quantile of the chi-square distribution with df > 0 degrees of freedom (any real df),
 * by bisection on the regularized incomplete gamma: the lower tail where p is below ½, the upper
 * tail above (1 − p would lose a small upper tail to rounding). Where the Wilson-Hilferty
 * approximation (fit/reference-distributions.ts) is poor: at 2 df its 2.5% point is 0.0262 where
 * the exact one is −2 ln(0.975) = 0.0506.
 *
 * @example chiSquareQuantileExact(0.025, 2) // => 0.050636 (−2 ln 0.975)
 * Complexity: O(200 × the incomplete gamma's terms) at most; stops at 1e-15 relative. Bisection on x
 * from 0: a lower-tail quantile below ~1e-45 (below 1 df, p tiny) is not reached; fit calls it at df ≥ 1.
 */
export function chiSquareQuantileExact(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`chiSquareQuantileExact: p must be in (0, 1) (got ${p})`);
  if (!(df > 0)) throw new RangeError(`chiSquareQuantileExact: df must be > 0 (got ${df})`);
  const below = (x: number) => {
    const g = incompleteGamma(df / 2, x / 2);
    return p < 0.5 ? g.lower < p : g.upper > 1 - p;
  };
  let lo = 0;
  let hi = Math.max(1, 2 * df);
  while (below(hi)) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (below(mid)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
