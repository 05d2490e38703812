import type { RandomSource } from './source.js';

const TWO_32 = 4294967296;
const TWO_21 = 2097152;
const TWO_NEG_53 = 1.1102230246251565e-16;

/**
 * A uniform on [0, 1) with 53 bits of resolution built from two 32-bit draws: the top 32 bits of
 * the first and the top 21 of the second. Internal helper for index sampling over large n,
 * where a single 32-bit uniform would bias floor(U n) by up to n 2^-32 in total variation.
 * Always < 1, whatever the resolution of the source.
 *
 * @param source - the uniform [0, 1) stream to draw from; two draws per call.
 * @example uniform53(createStream('x')) // => 0.6684830687981829
 * @remarks O(1).
 */
export function uniform53(source: RandomSource): number {
  const hi = Math.floor(source() * TWO_32);
  const lo = Math.floor(source() * TWO_21);
  return (hi * TWO_21 + lo) * TWO_NEG_53;
}

/** Largest n for which index samplers use a single 32-bit uniform (bias below n 2^-32 <= 2.4e-7). */
export const SINGLE_DRAW_MAX_N = 1024;
