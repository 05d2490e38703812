import { badParameter, checkSource, MAX_COUNT } from './parameter-error.js';
import type { RandomSource } from './source.js';
import { SINGLE_DRAW_MAX_N, uniform53 } from './uniform53.js';

/**
 * Uniform index sampler over 0..n-1, for resampling observed values (the empirical
 * distribution, bootstrap style): `values[empiricalIndex(source)(values.length)]`.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(n) => i`, an integer with 0 <= i < n; n a whole number from 1 to
 *   2^53 - 1 (the number of observations).
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for an n that is NaN, infinite, below 1, fractional or above 2^53 - 1 (see
 *   `parameter-error.ts`).
 * @example empiricalIndex(createStream('7/0/SMB/dealSize'))(250) // => 246, i.e. use observed[246]
 * @remarks O(1). floor(U n) with one 32-bit uniform when n <= 1024 (total-variation error from the
 *   32-bit resolution at most n 2^-33 <= 1.2e-7), with a 53-bit uniform built from two draws
 *   above that. The check costs two comparisons and a floor per draw.
 */
export function empiricalIndex(source: RandomSource): (n: number) => number {
  checkSource('empiricalIndex', source);
  return function drawEmpiricalIndex(n: number): number {
    if (!(n >= 1 && n <= MAX_COUNT && Math.floor(n) === n)) throw badParameter('empiricalIndex', 'n', `a whole number from 1 to ${MAX_COUNT}`, n);
    const u = n <= SINGLE_DRAW_MAX_N ? source() : uniform53(source);
    // The min guards the rounding of U n up to n, possible for large n (or a 53-bit source).
    return Math.min(Math.floor(u * n), n - 1);
  };
}
