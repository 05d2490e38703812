import type { RandomSource } from './source.js';
import { SINGLE_DRAW_MAX_N, uniform53 } from './uniform53.js';

/**
 * Uniform index sampler over 0..n-1, for resampling observed values (the empirical
 * distribution, bootstrap style): `values[empiricalIndex(source)(values.length)]`.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(n) => i`, an integer with 0 <= i < n; n a positive integer (the
 *   number of observations).
 * @example empiricalIndex(createStream('7/0/SMB/dealSize'))(250) // => 245, i.e. use observed[245]
 * @remarks O(1). floor(U n) with one 32-bit uniform when n <= 1024 (total-variation error from the
 *   32-bit resolution at most n 2^-33 <= 1.2e-7), with a 53-bit uniform built from two draws
 *   above that.
 */
export function empiricalIndex(source: RandomSource): (n: number) => number {
  return function drawEmpiricalIndex(n: number): number {
    const u = n <= SINGLE_DRAW_MAX_N ? source() : uniform53(source);
    // The min guards the rounding of U n up to n, possible for large n (or a 53-bit source).
    return Math.min(Math.floor(u * n), n - 1);
  };
}
