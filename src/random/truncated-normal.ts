/**
 * The truncated normal sampler. The distribution's parameters, methods and CDF are in
 * `math/truncated-normal.ts`.
 */
import { isPreparedTruncatedNormal, type TruncatedNormalParams } from '../math/truncated-normal.js';
import { normalQuantile } from '../math/normal-cdf.js';
import { standardNormal } from './normal.js';
import { checkSource } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Truncated normal sampler: Normal(mu, sigma) conditioned on [lower, upper], with the parameters
 * prepared once by `prepareTruncatedNormal` (which documents the three methods used).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(params) => x` with lower <= x <= upper, in the units of mu; params
 *   must come from `prepareTruncatedNormal` (which validates them).
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for params that `prepareTruncatedNormal` did not make (whose constants could make
 *   the rejection loops run forever).
 * @example
 *   const growth = prepareTruncatedNormal(0.1, 0.05, 0, Infinity);
 *   truncatedNormal(createStream('7/0/SMB/growth'))(growth) // => 0.06647944109395587
 * @remarks O(1) expected per draw: at most 4 normals on average (normal rejection), at most 2
 *   pairs of uniforms (uniform rejection), or one uniform and one AS 241 quantile (inversion).
 *   The check is one comparison per draw when the params are those of the previous draw (a
 *   WeakSet lookup otherwise).
 */
export function truncatedNormal(source: RandomSource): (params: TruncatedNormalParams) => number {
  checkSource('truncatedNormal', source);
  const z = standardNormal(source);
  let checked: TruncatedNormalParams | undefined;
  return function drawTruncatedNormal(params: TruncatedNormalParams): number {
    if (params !== checked) {
      if (!isPreparedTruncatedNormal(params)) {
        throw new RangeError('truncatedNormal: params must come from prepareTruncatedNormal, which validates them; got other parameters');
      }
      checked = params;
    }
    let x: number;
    if (params.method === 'normal-rejection') {
      const a = params.a;
      const b = params.b;
      let v: number;
      do {
        v = z();
      } while (v < a || v > b);
      x = params.mu + params.sigma * v;
    } else if (params.method === 'uniform-rejection') {
      const a = params.a;
      const width = params.b - a;
      const peakSquared = params.peakSquared;
      let v: number;
      do {
        v = a + width * source();
      } while (source() > Math.exp(0.5 * (peakSquared - v * v)));
      x = params.mu + params.sigma * v;
    } else {
      let p: number;
      do {
        p = params.reflectedLowerCdf + source() * params.mass;
      } while (p <= 0);
      let v = normalQuantile(p);
      if (v < params.reflectedLower) v = params.reflectedLower;
      else if (v > params.reflectedUpper) v = params.reflectedUpper;
      x = params.mu + params.sigma * params.reflect * v;
    }
    // Rounding in mu + sigma * v must not step outside the bounds.
    return x < params.lower ? params.lower : x > params.upper ? params.upper : x;
  };
}
