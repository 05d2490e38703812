import { beta } from './beta.js';
import { checkSource, refuseBounds } from './parameter-error.js';
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
 * @returns a draw function `(min, mode, max) => x` in [min, max], all in the units of x: finite
 *   numbers with min <= mode <= max and a finite range max - min; min = max returns min.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for a bound or mode that is NaN or infinite, out of order, or a range that overflows
 *   (see `parameter-error.ts`).
 * @example pert(createStream('7/0/MM/priceUplift'))(0.02, 0.05, 0.12) // => 0.054805659334603324
 * @remarks O(1) expected per draw (two Marsaglia-Tsang gammas, since alpha, beta >= 1). The
 *   bounds are checked and the shape computed (by `pertShape`) only when they differ from the
 *   previous draw's: three comparisons per draw otherwise. The cache changes no draw.
 */
export function pert(source: RandomSource): (min: number, mode: number, max: number) => number {
  checkSource('pert', source);
  const b = beta(source);
  // The parameters of the last draw and what they give; NaN never equals a bound, so the first
  // draw computes them.
  let lastMin = Number.NaN;
  let lastMode = Number.NaN;
  let lastMax = Number.NaN;
  let range = Number.NaN;
  let shape: PertShape = { alpha: Number.NaN, beta: Number.NaN };
  /** Check new parameters and compute their range and Beta shape. */
  function prepare(min: number, mode: number, max: number): void {
    const r = max - min;
    // With min <= mode <= max, a finite range means all three are finite (NaN fails a comparison).
    if (!(min <= mode && mode <= max && r < Number.POSITIVE_INFINITY)) throw refuseBounds('pert', min, max, mode);
    range = r;
    if (r > 0) shape = pertShape(min, mode, max);
    lastMin = min;
    lastMode = mode;
    lastMax = max;
  }
  return function drawPert(min: number, mode: number, max: number): number {
    if (min !== lastMin || mode !== lastMode || max !== lastMax) prepare(min, mode, max);
    if (!(range > 0)) return min;
    return min + range * b(shape.alpha, shape.beta);
  };
}
