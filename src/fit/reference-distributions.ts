import { chiSquareQuantileExact } from '../math/chi-square-quantile.js';
import { normalCdf, normalQuantile } from '../math/normal-cdf.js';

/**
 * Quantiles and tails of the t and chi-square distributions, for the fit's intervals and tests.
 * Closed-form approximations, accurate to well under 1% for the degrees of freedom a history
 * gives (10 to 35): the intervals they set are themselves approximate.
 */

/**
 * The p-quantile of Student's t with df degrees of freedom, by the Cornish-Fisher expansion about
 * the normal quantile z (Abramowitz & Stegun 26.7.5, four terms).
 *
 * @example tQuantile(0.975, 11) // => 2.2010 (tables: 2.2010)
 * Complexity: O(1).
 */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Degrees of freedom up to which chiSquareQuantile is exact (beyond, the exact series slows and Wilson-Hilferty is within 3e-7). */
export const EXACT_CHI_SQUARE_DF = 3000;

/**
 * The p-quantile of the chi-square distribution with df degrees of freedom: exact
 * (math/chi-square-quantile.ts) up to EXACT_CHI_SQUARE_DF, Wilson-Hilferty's beyond. Fit's
 * intervals take it: Wilson-Hilferty alone put a 1-df 2.5% point at 0 (an infinite upper end for
 * acv's sigma from 2 deals) and the 4-df 0.1% point 56% low.
 *
 * @example chiSquareQuantile(0.025, 1) // => 0.000982 (tables: 0.000982)
 */
export function chiSquareQuantile(p: number, df: number): number {
  return df <= EXACT_CHI_SQUARE_DF ? chiSquareQuantileExact(p, df) : chiSquareQuantileWilsonHilferty(p, df);
}

/**
 * The p-quantile of the chi-square distribution by the Wilson-Hilferty cube-root normal
 * approximation: df (1 − 2/(9 df) + z_p √(2/(9 df)))³. O(1); poor at few df (0 for a 1-df 2.5% point).
 * analysis/interval-widening.ts keeps it so that plan runs' verdicts stay as they were.
 *
 * @example chiSquareQuantileWilsonHilferty(0.975, 20) // => 34.17 (tables: 34.17)
 */
export function chiSquareQuantileWilsonHilferty(p: number, df: number): number {
  const c = 2 / (9 * df);
  return df * Math.max(0, 1 - c + normalQuantile(p) * Math.sqrt(c)) ** 3;
}

/**
 * P(X > x) for X chi-square with df degrees of freedom (Wilson-Hilferty, as above): the p-value of
 * a dispersion test.
 *
 * @example chiSquareUpperTail(31.41, 20) // => 0.05
 * Complexity: O(1).
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  const c = 2 / (9 * df);
  return 1 - normalCdf((Math.cbrt(x / df) - (1 - c)) / Math.sqrt(c));
}

/** z of the central 80% interval (P10, P90): Φ⁻¹(0.9). */
export const Z90 = 1.2815515655446004;

/** Moved to math/ so the model can bound a conversion with it (capacity-slack.ts); kept here for the fit. */
export { betaQuantile } from '../math/beta-quantile.js';
