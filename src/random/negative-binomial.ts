import { gamma } from './gamma.js';
import { badParameter, checkSource, FINITE_NON_NEGATIVE } from './parameter-error.js';
import { poisson } from './poisson.js';
import type { RandomSource } from './source.js';

/**
 * Negative binomial sampler parameterised by mean and dispersion: an over-dispersed count with
 * mean m and variance m + m^2 / k. Small k means heavy over-dispersion; k -> Infinity tends to
 * Poisson(m). In the textbook (r, p) form: r = k, p = k / (k + m).
 *
 * @param source - the uniform [0, 1) stream to draw from (the gamma and Poisson draw from it).
 * @returns a draw function `(mean, dispersion) => count`, a non-negative integer; mean a finite
 *   number >= 0 (events per interval), dispersion k a number > 0, dimensionless (Infinity gives
 *   Poisson(mean)). Mean 0 returns 0.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for a mean that is NaN, infinite or negative, or a dispersion that is NaN or <= 0
 *   (see `parameter-error.ts`).
 * @example negativeBinomial(createStream('7/0/SMB/leads'))(40, 5) // => 27 (variance 40 + 320)
 * @remarks O(1) expected per draw. Algorithm: the gamma-Poisson mixture
 *   Poisson(Gamma(shape k, scale m / k)), with `gamma` (Marsaglia-Tsang) and `poisson` (PTRS) on
 *   the same source (e.g. L. Devroye, Non-Uniform Random Variate Generation, 1986).
 */
export function negativeBinomial(source: RandomSource): (mean: number, dispersion: number) => number {
  checkSource('negativeBinomial', source);
  const g = gamma(source);
  const pois = poisson(source);
  return function drawNegativeBinomial(mean: number, dispersion: number): number {
    if (!(mean >= 0 && mean < Number.POSITIVE_INFINITY && dispersion > 0)) {
      throw mean >= 0 && mean < Number.POSITIVE_INFINITY
        ? badParameter('negativeBinomial', 'dispersion', 'a number > 0 (Infinity for Poisson)', dispersion)
        : badParameter('negativeBinomial', 'mean', FINITE_NON_NEGATIVE, mean);
    }
    if (mean === 0) return 0;
    if (dispersion === Number.POSITIVE_INFINITY) return pois(mean);
    const scale = mean / dispersion;
    if (scale < Number.POSITIVE_INFINITY) return pois(g(dispersion, scale));
    // A dispersion so small that mean / dispersion overflows (say 1e15 / 1e-300): draw
    // Gamma(k, 1) and scale it in logs. Such a gamma draw is almost always 0 or tiny.
    const x = g(dispersion, 1);
    return pois(x === 0 ? 0 : Math.exp(Math.log(x) + Math.log(mean) - Math.log(dispersion)));
  };
}
