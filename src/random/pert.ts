import { beta } from './beta.js';
import type { RandomSource } from './source.js';

/** The Beta shape parameters of a PERT distribution (see `pertShape`). */
export interface PertShape {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * The Beta shape parameters of the classic (lambda = 4) PERT distribution on [min, max] with the
 * given mode: alpha = 1 + 4 (mode - min) / (max - min), beta = 1 + 4 (max - mode) / (max - min).
 * Its mean is (min + 4 mode + max) / 6.
 *
 * @param min - lower bound.
 * @param mode - most likely value (min <= mode <= max).
 * @param max - upper bound (min < max), in the same units as min and mode.
 * @example pertShape(0, 2, 10) // => { alpha: 1.8, beta: 4.2 }
 * @remarks O(1). Source: D. G. Malcolm et al., "Application of a technique for R&D program
 *   evaluation", Operations Research 7 (1959); the Beta-PERT form of D. Vose, Risk Analysis (2008).
 */
export function pertShape(min: number, mode: number, max: number): PertShape {
  const range = max - min;
  return { alpha: 1 + (4 * (mode - min)) / range, beta: 1 + (4 * (max - mode)) / range };
}

/**
 * PERT (Beta-PERT, lambda = 4) sampler on [min, max] with the given mode: min + (max - min) * B,
 * B ~ Beta(alpha, beta) with the shape of `pertShape`.
 *
 * @param source - the uniform [0, 1) stream to draw from (the beta draws from it).
 * @returns a draw function `(min, mode, max) => x` in [min, max], all in the units of x,
 *   min <= mode <= max; min = max returns min.
 * @example pert(createStream('7/0/MM/priceUplift'))(0.02, 0.05, 0.12) // => 0.05221645435871099
 * @remarks O(1) expected per draw (two Marsaglia-Tsang gammas, since alpha, beta >= 1).
 */
export function pert(source: RandomSource): (min: number, mode: number, max: number) => number {
  const b = beta(source);
  return function drawPert(min: number, mode: number, max: number): number {
    const range = max - min;
    if (!(range > 0)) return min;
    return min + range * b(1 + (4 * (mode - min)) / range, 1 + (4 * (max - mode)) / range);
  };
}
