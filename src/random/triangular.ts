import { checkSource, refuseBounds } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Triangular sampler on [min, max] with its peak at mode.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(min, mode, max) => x`, all in the units of x: finite numbers with
 *   min <= mode <= max and a finite range max - min (min = max returns min). Mean
 *   (min + mode + max) / 3.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for a bound or mode that is NaN or infinite, out of order, or a range that overflows
 *   (see `parameter-error.ts`).
 * @example triangular(createStream('7/0/ENT/rampMonths'))(1, 3, 8) // => 5.561616537292477
 * @remarks O(1), one uniform per draw. Algorithm: inverse CDF, with F(mode) = (mode - min) /
 *   (max - min): x = min + sqrt(U (max - min)(mode - min)) if U < F(mode), else
 *   max - sqrt((1 - U)(max - min)(max - mode)) (e.g. Johnson & Kotz, Continuous Univariate
 *   Distributions). The check costs three comparisons per draw.
 */
export function triangular(source: RandomSource): (min: number, mode: number, max: number) => number {
  checkSource('triangular', source);
  return function drawTriangular(min: number, mode: number, max: number): number {
    const range = max - min;
    // With min <= mode <= max, a finite range means all three are finite (NaN fails a comparison).
    if (!(min <= mode && mode <= max && range < Number.POSITIVE_INFINITY)) throw refuseBounds('triangular', min, max, mode);
    const u = source();
    if (u * range < mode - min) return min + Math.sqrt(u * range * (mode - min));
    return max - Math.sqrt((1 - u) * range * (max - mode));
  };
}

/**
 * The triangular distribution function P(X <= x) for X ~ Triangular(min, mode, max).
 *
 * @param x - the point, in the units of min, mode and max.
 * @param min - lower bound.
 * @param mode - peak (min <= mode <= max).
 * @param max - upper bound.
 * @example triangularCdf(3, 1, 3, 8) // => 0.2857142857142857 (= 2 / 7)
 * @remarks O(1). Closed form: (x - min)^2 / ((max - min)(mode - min)) up to the mode,
 *   1 - (max - x)^2 / ((max - min)(max - mode)) after it.
 */
export function triangularCdf(x: number, min: number, mode: number, max: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= min) return x < min || max > min ? 0 : 1;
  if (x >= max) return 1;
  const range = max - min;
  if (x <= mode) return ((x - min) * (x - min)) / (range * (mode - min));
  return 1 - ((max - x) * (max - x)) / (range * (max - mode));
}
