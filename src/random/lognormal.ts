import { standardNormal } from './normal.js';
import { badParameter, checkSource, FINITE, FINITE_NON_NEGATIVE } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Lognormal sampler: X = exp(Y) with Y ~ Normal(mu, sigma).
 *
 * Careful with the parameters: mu and sigma are the mean and standard deviation of log X, not of
 * X. The median of X is exp(mu); its mean is exp(mu + sigma^2 / 2) and its variance
 * (exp(sigma^2) - 1) * exp(2 mu + sigma^2). To match a P10/P90 pair use
 * mu = (ln P10 + ln P90) / 2, sigma = (ln P90 - ln P10) / (2 * normalQuantile(0.9)).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(mu, sigma) => x > 0`; mu a finite number in log-units of x, sigma
 *   a finite number >= 0, dimensionless.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for a mu that is NaN or infinite, or a sigma that is NaN, infinite or negative (see
 *   `parameter-error.ts`).
 * @example lognormal(createStream('7/0/ENT/dealSize'))(Math.log(50_000), 0.6) // => 15667.900695197979
 * @remarks O(1) expected, about 1.02 uniforms and one exp per draw. Algorithm: exp of a ziggurat
 *   normal. The check costs four comparisons per draw.
 */
export function lognormal(source: RandomSource): (mu: number, sigma: number) => number {
  checkSource('lognormal', source);
  const z = standardNormal(source);
  return function drawLognormal(mu: number, sigma: number): number {
    if (!(mu > Number.NEGATIVE_INFINITY && mu < Number.POSITIVE_INFINITY && sigma >= 0 && sigma < Number.POSITIVE_INFINITY)) {
      throw mu > Number.NEGATIVE_INFINITY && mu < Number.POSITIVE_INFINITY
        ? badParameter('lognormal', 'sigma', FINITE_NON_NEGATIVE, sigma)
        : badParameter('lognormal', 'mu', FINITE, mu);
    }
    return Math.exp(mu + sigma * z());
  };
}
