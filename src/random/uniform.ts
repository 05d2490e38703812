import type { RandomSource } from './source.js';

/**
 * Continuous uniform sampler on [min, max).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(min, max) => x` with min <= x < max (x = min when min = max), in the
 *   units of min and max. Requires min <= max (validated by the scenario schema, not here).
 * @example uniform(createStream('7/0/SMB/discount'))(0.05, 0.2) // => 0.07444690574193374
 * @remarks O(1), one uniform per draw. Algorithm: affine map of the source, min + (max - min) * U.
 */
export function uniform(source: RandomSource): (min: number, max: number) => number {
  return function drawUniform(min: number, max: number): number {
    return min + (max - min) * source();
  };
}
