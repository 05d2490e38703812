import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { negativeBinomialAt } from '../random/negative-binomial.js';
import { poissonAt } from '../random/poisson.js';
import type { RandomSource } from '../random/source.js';
import { compileDistribution } from './distribution-sampler.js';

/** Draws a whole-number count whose mean is scaled by `multiplier` (seasonality x market). */
export type CountDraw = (multiplier: number) => number;

/**
 * A count driver such as leads per month. Poisson and negative binomial scale their mean and stay
 * count distributions (the noise of a Poisson month is kept); any other distribution is drawn,
 * scaled, and rounded stochastically (floor(x + U)), which keeps the mean exact.
 *
 * @example compileCount({ dist: 'poisson', mean: 200 })(createStream('s'))(1.1) // => about 220
 * Complexity: O(1) per draw.
 */
export function compileCount(spec: DistributionSpec): CountSampler {
  const bindScaled = scaledCount(spec);
  const bind = (source: RandomSource): CountDraw => {
    const multiplier = new Float64Array(1);
    const draw = bindScaled(source, multiplier);
    return (m) => {
      multiplier[0] = m;
      return draw();
    };
  };
  return Object.assign(bind, { thins: typeof spec !== 'number' && (spec.dist === 'poisson' || spec.dist === 'negativeBinomial'), bindScaled });
}

/** A count driver's draws with the multiplier read from a slot (CountSampler.bindScaled). */
function scaledCount(spec: DistributionSpec): (source: RandomSource, multiplier: Float64Array) => () => number {
  if (typeof spec !== 'number' && spec.dist === 'poisson') {
    const mean = spec.mean;
    return (s, multiplier) => {
      const slot = new Float64Array(1);
      const p = poissonAt(s, slot);
      return () => {
        slot[0] = mean * multiplier[0]!;
        return p();
      };
    };
  }
  if (typeof spec !== 'number' && spec.dist === 'negativeBinomial') {
    const { mean, dispersion } = spec;
    return (s, multiplier) => {
      const params = new Float64Array(2);
      params[1] = dispersion;
      const nb = negativeBinomialAt(s, params);
      return () => {
        params[0] = mean * multiplier[0]!;
        return nb();
      };
    };
  }
  const compiled = compileDistribution(spec);
  return (s, multiplier) => {
    const draw = compiled.bind(s);
    return () => {
      const x = draw() * multiplier[0]!;
      return x <= 0 ? 0 : Math.floor(x + s());
    };
  };
}

/**
 * A count driver bound to a stream by calling it; `thins` is true when thinning stays in the
 * family with the mean scaled: Binomial(N, q) of a count N drawn at multiplier m is distributed as
 * the count drawn at m q. True for Poisson (Poisson(mu) thinned by q is Poisson(mu q)) and the
 * negative binomial (a gamma mixture of Poissons: NB(mu, k) thinned by q is NB(mu q, k)); not for a
 * stochastically rounded draw. `bindScaled(source, multiplier)` gives the same draws, each at the
 * multiplier in `multiplier[0]` when it is called: a fractional argument to a call the optimizer does
 * not inline is boxed (a heap number a draw), a slot is not.
 */
export type CountSampler = ((source: RandomSource) => CountDraw) & {
  readonly thins: boolean;
  readonly bindScaled: (source: RandomSource, multiplier: Float64Array) => () => number;
};
