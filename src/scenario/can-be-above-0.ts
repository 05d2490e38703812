import type { DistributionSpec } from './distribution-schema.js';
import type { YearLevelSpec } from './year-level-schema.js';

/**
 * Whether some draw of a distribution can be above 0: the top of its support, not its central
 * value, is what counts (a triangular with min 0, mode 0, max 40 has a plan of 0 and a mean of
 * 13). False only for a distribution all of whose draws are 0 or less: a constant, a fixed value,
 * a uniform, triangular or PERT with max <= 0, a Poisson or negative binomial of mean 0, a
 * truncated normal or quantiles bounded above at 0 or less, discrete values of weight > 0 all <= 0,
 * empirical values all <= 0. A year-level volume (a count's mean, an amount's median, themselves
 * distributions) can be above 0 when its level can.
 *
 * @example canBeAbove0({ dist: 'triangular', min: 0, mode: 0, max: 40 }) // => true
 * @example canBeAbove0({ dist: 'poisson', mean: 0 }) // => false
 * Complexity: O(1), O(values) for discrete and empirical.
 */
export function canBeAbove0(spec: DistributionSpec | YearLevelSpec): boolean {
  if (typeof spec === 'number') return spec > 0;
  switch (spec.dist) {
    case 'fixed':
      return spec.value > 0;
    case 'uniform':
    case 'triangular':
    case 'pert':
      return spec.max > 0;
    case 'normal':
      return spec.max === undefined || spec.max > 0;
    case 'lognormal':
    case 'beta':
      // A lognormal's draws are all above 0; a beta's are in (0, 1).
      return true;
    case 'poisson':
    case 'negativeBinomial':
      return typeof spec.mean === 'number' ? spec.mean > 0 : canBeAbove0(spec.mean as DistributionSpec);
    case 'discrete':
      return spec.values.some((v, i) => v > 0 && (spec.weights[i] ?? 0) > 0);
    case 'empirical':
      return spec.values.some((v) => v > 0);
    case 'quantiles':
      return spec.upper === undefined || spec.upper > 0;
  }
}
