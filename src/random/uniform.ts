import { checkSource, refuseBounds } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Continuous uniform sampler on [min, max).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(min, max) => x` with min <= x < max (x = min when min = max), in the
 *   units of min and max, both finite numbers with min <= max and a finite range max - min.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for a min or max that is NaN or infinite, min > max, or a range that overflows (see
 *   `parameter-error.ts`).
 * @example uniform(createStream('7/0/SMB/discount'))(0.05, 0.2) // => 0.08866548484656961
 * @remarks O(1), one uniform per draw. Algorithm: affine map of the source, min + (max - min) * U.
 *   The check costs two comparisons per draw.
 */
export function uniform(source: RandomSource): (min: number, max: number) => number {
  checkSource('uniform', source);
  return function drawUniform(min: number, max: number): number {
    // min <= max with a finite range max - min implies both are finite (NaN fails both).
    if (!(min <= max && max - min < Number.POSITIVE_INFINITY)) throw refuseBounds('uniform', min, max);
    return min + (max - min) * source();
  };
}
