import type { RandomSource } from './source.js';

/**
 * Standard normal sampler, Normal(0, 1), by Marsaglia's polar method (G. Marsaglia and
 * T. A. Bray, "A convenient method for generating normal variables", SIAM Review 6 (1964) 260-264).
 *
 * Each accepted pair of uniforms yields two independent normals; the second is kept in the
 * closure and returned by the next call. That spare is state bound to this sampler, not to the
 * source: replaying a stream from a saved `state()` reproduces this sampler's draws only if the
 * sampler is created afresh at that point or had no spare pending (an even number of draws since
 * its creation).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `() => z`, z ~ Normal(0, 1).
 * @example standardNormal(createStream('7/0/SMB/noise'))() // => 0.2844563910466387
 * @remarks O(1) expected: 4/pi ~ 1.27 pairs of uniforms per accepted pair, so about 1.27 uniforms
 *   per normal on average. log(0) is excluded (s = 0 is rejected).
 */
export function standardNormal(source: RandomSource): () => number {
  let spare = 0;
  let hasSpare = false;
  return function drawStandardNormal(): number {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * source() - 1;
      v = 2 * source() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };
}

/**
 * Normal sampler, Normal(mu, sigma).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(mu, sigma) => x`: mu is the mean and sigma (>= 0) the standard
 *   deviation, both in the units of x.
 * @example normal(createStream('7/0/SMB/churn'))(0.02, 0.005) // => 0.018282980827951968
 * @remarks O(1) expected, about 1.27 uniforms per draw. Algorithm: mu + sigma * Z with Z from
 *   `standardNormal` (Marsaglia polar method; see there for the cached spare).
 */
export function normal(source: RandomSource): (mu: number, sigma: number) => number {
  const z = standardNormal(source);
  return function drawNormal(mu: number, sigma: number): number {
    return mu + sigma * z();
  };
}
