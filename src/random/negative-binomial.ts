import { GammaShape, gammaDrawInto } from './gamma.js';
import { standardNormal } from './normal.js';
import { badParameter, checkSource, FINITE_NON_NEGATIVE } from './parameter-error.js';
import { poissonAt } from './poisson.js';
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
  const params = new Float64Array(2);
  const draw = negativeBinomialAt(source, params);
  return (mean, dispersion) => {
    params[0] = mean;
    params[1] = dispersion;
    return draw();
  };
}

/**
 * `negativeBinomial` with its mean and dispersion read from `params[0]` and `params[1]` at each draw
 * instead of passed, and its gamma handed to the Poisson draw through slots too: a fractional argument
 * to, or result from, a call the optimizer does not inline is boxed (a heap number), a slot is not.
 * The same uniforms, the same counts, the same errors as `negativeBinomial` at those parameters (the
 * gamma drawn as `gamma`'s sampler draws Gamma(dispersion, mean / dispersion)).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @param params - the slots of each draw's mean and dispersion.
 * @returns `() => count`.
 */
export function negativeBinomialAt(source: RandomSource, params: Float64Array): () => number {
  checkSource('negativeBinomial', source);
  // `gamma(source)`'s parts: its normal sampler (stateless) and its shape's constants.
  const z = standardNormal(source);
  const shape = new GammaShape();
  const poissonMean = new Float64Array(1);
  const pois = poissonAt(source, poissonMean);
  return function drawNegativeBinomial(): number {
    const mean = params[0]!;
    const dispersion = params[1]!;
    if (!(mean >= 0 && mean < Number.POSITIVE_INFINITY && dispersion > 0)) {
      throw mean >= 0 && mean < Number.POSITIVE_INFINITY
        ? badParameter('negativeBinomial', 'dispersion', 'a number > 0 (Infinity for Poisson)', dispersion)
        : badParameter('negativeBinomial', 'mean', FINITE_NON_NEGATIVE, mean);
    }
    if (mean === 0) return 0;
    if (dispersion === Number.POSITIVE_INFINITY) {
      poissonMean[0] = mean;
      return pois();
    }
    const scale = mean / dispersion;
    // Gamma(dispersion, 1) as `gamma` draws it (its scale, finite and >= 0 here, multiplies it after).
    if (dispersion !== shape.shape) shape.set(dispersion);
    gammaDrawInto(z, source, shape);
    if (scale < Number.POSITIVE_INFINITY) {
      poissonMean[0] = shape.drawn[0]! * scale;
      return pois();
    }
    // A dispersion so small that mean / dispersion overflows (say 1e15 / 1e-300): draw
    // Gamma(k, 1) and scale it in logs. Such a gamma draw is almost always 0 or tiny.
    const x = shape.drawn[0]!;
    poissonMean[0] = x === 0 ? 0 : Math.exp(Math.log(x) + Math.log(mean) - Math.log(dispersion));
    return pois();
  };
}
