import type { Severity } from './aggregate-pmf.js';
import { TAIL_PROBABILITY } from './aggregate-pmf.js';
import { normalCdf, normalQuantile } from './normal-cdf.js';

/**
 * exp(sigma Z), Z ~ Normal(0, 1): the lognormal of median 1, as a severity for aggregate sums. A
 * lognormal of median M is M times it, so one table serves every median with the same sigma.
 *
 * @example lognormalSeverity(0.6).mean // => exp(0.18) = 1.197...
 */
export function lognormalSeverity(sigma: number): Severity {
  if (!(sigma > 0 && sigma < 5)) throw new RangeError(`lognormalSeverity: sigma must be in (0, 5), not ${sigma}`);
  const s2 = sigma * sigma;
  return {
    sf: (x) => (x <= 0 ? 1 : normalCdf(-Math.log(x) / sigma)),
    mean: Math.exp(s2 / 2),
    variance: (Math.exp(s2) - 1) * Math.exp(s2),
    tail: Math.exp(-sigma * normalQuantile(TAIL_PROBABILITY)),
  };
}
