import { betaQuantile, chiSquareQuantile } from './reference-distributions.js';

/**
 * Intervals for a fit whose sample variance is 0: every month renewing the same share of its ARR
 * due (all of it, say), every month the same lead count. The usual standard errors (sandwich,
 * quasi-Poisson) are then 0, and a zero-width interval states certainty from finite data. Here the
 * interval comes from the count of units observed instead.
 */

/** A rate's interval and posterior when its observed units all agree. */
export interface ZeroVarianceRate {
  /** Units the rate was observed on (effective: Kish's (Σw)² / Σw² of their weights), and what they are. */
  readonly units: number;
  readonly unit: 'months' | 'customers' | 'leads';
  readonly lo: number;
  readonly hi: number;
  /** Mean and sd of the Jeffreys posterior Beta(x + ½, n − x + ½), x = rate × n. */
  readonly mean: number;
  readonly sd: number;
}

/**
 * The Jeffreys interval of a rate observed on `units` units (Brown, Cai & DasGupta 2001): the 2.5%
 * and 97.5% quantiles of Beta(x + ½, n − x + ½), with the end at 1 (or 0) when every unit renewed
 * (or none did), where the estimate is that end. Never zero-width for a finite n.
 *
 * @example jeffreysRate(1, 12, 'months').lo // => 0.815 (12 of 12)
 * Complexity: O(1) incomplete-beta inversions.
 */
export function jeffreysRate(rate: number, units: number, unit: ZeroVarianceRate['unit']): ZeroVarianceRate {
  const a = rate * units + 0.5;
  const b = (1 - rate) * units + 0.5;
  const mean = a / (a + b);
  return {
    units,
    unit,
    lo: rate <= 0 ? 0 : betaQuantile(0.025, a, b),
    hi: rate >= 1 ? 1 : betaQuantile(0.975, a, b),
    mean,
    sd: Math.sqrt((mean * (1 - mean)) / (a + b + 1)),
  };
}

/**
 * Kish's effective number of units of weights w: (Σw)² / Σw² (n for equal weights, fewer when a
 * few weigh most). Units of weight 0 do not count.
 *
 * @example effectiveUnits([100, 100, 100]) // => 3
 */
export function effectiveUnits(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w > 0)) continue;
    s += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}


/**
 * The Garwood 95% interval of a Poisson mean a month from `total` counted over `exposure` months:
 * [χ²(0.025; 2x) / 2, χ²(0.975; 2x + 2) / 2] / exposure, and its standard error √x / exposure. The
 * chi-square quantiles are exact (math/chi-square-quantile.ts) up to EXACT_CHI_SQUARE_DF (fit/reference-distributions.ts), Wilson-Hilferty's
 * beyond (within 3e-7 relative there, and the exact series grows slow and loses digits at a total of
 * 1e9). Until December 2026 they were Wilson-Hilferty's at every total, within 1e-4 relative for a
 * year of leads but not for a few: 1 lead's lower end read 0.0131 where the exact one is −ln(0.975) = 0.0253.
 *
 * @example poissonLevel(12000, 12) // => { lo: 982.187, hi: 1018.055, se: 9.129 }
 * Complexity: O(1).
 */
export function poissonLevel(total: number, exposure: number): { lo: number; hi: number; se: number } {
  return {
    lo: total > 0 ? chiSquareQuantile(0.025, 2 * total) / 2 / exposure : 0,
    hi: chiSquareQuantile(0.975, 2 * total + 2) / 2 / exposure,
    se: Math.sqrt(total) / exposure,
  };
}
