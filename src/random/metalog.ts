/**
 * The metalog sampler: inverse transform through a fit's quantile function. The distribution itself
 * (fitting, quantile, CDF, mean, feasibility) is pure mathematics in `math/metalog.ts`, which the
 * scenario schema uses to check stated quantiles without reaching up into the samplers.
 */
import { metalogQuantile, type MetalogFit } from '../math/metalog.js';
import { checkSource } from './parameter-error.js';
import type { RandomSource } from './source.js';

/** A draw of 0 is read as this, so the quantile stays finite (the source gives [0, 1)). */
const TINY_DRAW = 2 ** -53;

/**
 * A metalog sampler bound to a uniform source (d3-random convention): each call draws u from the
 * source and returns M(u), the inverse-transform sample. A draw of exactly 0 is replaced by 2^-53 so
 * that unbounded samples are always finite.
 *
 * @param source uniform random numbers on [0,1).
 * @returns a function drawing one value from the given fit per call; fit from `fitMetalog`,
 *   which validates it (it is not checked again per draw, and no fit can make a draw loop: one
 *   uniform and a closed form).
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
    return metalogQuantile(fit, y > 0 ? y : TINY_DRAW);
  };
}
