/**
 * The metalog sampler: inverse transform through a fit's quantile function. The distribution itself
 * (fitting, quantile, CDF, mean, feasibility) is pure mathematics in `math/metalog.ts`, which the
 * scenario schema uses to check stated quantiles without reaching up into the samplers.
 */
import { metalogQuantile, metalogUpperQuantile, type MetalogFit } from '../math/metalog.js';
import { checkSource } from './parameter-error.js';
import type { RandomSource } from './source.js';

/** The spacing of the source's uniforms (k 2^-32): each stands for the cell [u, u + CELL). */
const CELL = 2 ** -32;
/** The cells at either end whose draw is placed inside the cell by further uniforms (see `metalog`). */
const END_CELLS = 16;
const LOW_END = END_CELLS * CELL;
const HIGH_END = 1 - END_CELLS * CELL;
/** The last uniform of the source: the outermost cell of a refined cell, refined again. */
const TOP = 1 - CELL;
/** Refinements stop once a cell is this narrow (far below any probability a tail is stated at). */
const NARROWEST = 2 ** -960;

/**
 * A metalog sampler bound to a uniform source (d3-random convention): each call draws u from the
 * source and returns M(u), the inverse-transform sample.
 *
 * The source's uniforms lie on a grid of 2^-32, and M(u) is the value at the low end of u's cell. In
 * the body that is exact to far below any tolerance, but a heavy upper tail (a log-metalog, bounded
 * below only, whose values grow like (1 - y)^-g with g near 1) holds a visible share of its mean in
 * the last cells: drawn at their low ends, P10/P50/P90 = 40k/60k/300k (lower 0) had a mean 1.28% low
 * (the top cell alone 1.16%). So a draw in one of the 16 cells at either end is placed inside its
 * cell by a further uniform (and the outermost sub-cell again, down to 2^-960), with the upper tail's
 * probability kept as 1 - y never could be (`metalogUpperQuantile`): the mean is then 0.016% low at
 * most for that fit. A draw in those cells is 1 in 1.3e8, so the draws of ordinary runs are those
 * they were.
 *
 * @param source uniform random numbers on [0,1).
 * @returns a function drawing one value from the given fit per call; fit from `fitMetalog`,
 *   which validates it (it is not checked again per draw, and no fit can make a draw loop: one
 *   uniform and a closed form, a few more uniforms in the end cells).
 * @throws TypeError if source is not a function.
 *
 * @example
 * const draw = metalog(createStream('7/0/SMB/deal-size'));
 * const fit = fitMetalog([{ p: 0.1, x: 40000 }, { p: 0.5, x: 60000 }, { p: 0.9, x: 110000 }], { lower: 0 });
 * draw(fit); // => e.g. 57312.4
 *
 * Complexity: O(k) per draw, one logarithm (plus one exponential when bounded); allocates nothing.
 * Source: Keelin 2016 (a metalog is sampled by inverse transform: x = M(u)).
 */
export function metalog(source: RandomSource): (fit: MetalogFit) => number {
  checkSource('metalog', source);
  return (fit: MetalogFit): number => {
    const y = source();
    if (y >= LOW_END && y < HIGH_END) return metalogQuantile(fit, y);
    if (y < LOW_END) {
      // The cell [y, y + CELL): y + v CELL, its lowest sub-cell (v = 0 at y = 0) refined again.
      let width = CELL;
      for (;;) {
        const v = source();
        if (y > 0 || v > 0) return metalogQuantile(fit, y + v * width);
        if (width < NARROWEST) return metalogQuantile(fit, width);
        width *= CELL;
      }
    }
    // The cell [y, y + CELL) as upper-tail probabilities (1 - y - CELL, 1 - y]: 1 - y - v CELL, its
    // highest sub-cell (v = TOP in the top cell) refined again. 1 - y is exact on the grid.
    const below = 1 - y - CELL;
    let width = CELL;
    for (;;) {
      const v = source();
      if (below > 0 || v < TOP || width < NARROWEST) return metalogUpperQuantile(fit, below + (1 - v) * width);
      width *= CELL;
    }
  };
}
