import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { negativeBinomial } from '../random/negative-binomial.js';
import { poisson } from '../random/poisson.js';
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
  if (typeof spec !== 'number' && spec.dist === 'poisson') {
    const mean = spec.mean;
    return thinnable((s) => {
      const p = poisson(s);
      return (m) => p(mean * m);
    });
  }
  if (typeof spec !== 'number' && spec.dist === 'negativeBinomial') {
    const { mean, dispersion } = spec;
    return thinnable((s) => {
      const nb = negativeBinomial(s);
      return (m) => nb(mean * m, dispersion);
    });
  }
  const compiled = compileDistribution(spec);
  return Object.assign(
    (s: RandomSource): CountDraw => {
      const draw = compiled.bind(s);
      return (m) => {
        const x = draw() * m;
        return x <= 0 ? 0 : Math.floor(x + s());
      };
    },
    { thins: false },
  );
}

/**
 * A count driver bound to a stream by calling it; `thins` is true when thinning stays in the
 * family with the mean scaled: Binomial(N, q) of a count N drawn at multiplier m is distributed as
 * the count drawn at m q. True for Poisson (Poisson(mu) thinned by q is Poisson(mu q)) and the
 * negative binomial (a gamma mixture of Poissons: NB(mu, k) thinned by q is NB(mu q, k)); not for a
 * stochastically rounded draw.
 */
export type CountSampler = ((source: RandomSource) => CountDraw) & { readonly thins: boolean };

const thinnable = (bind: (source: RandomSource) => CountDraw): CountSampler => Object.assign(bind, { thins: true });
