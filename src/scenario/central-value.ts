import type { DistributionSpec } from './distribution-schema.js';
import { lognormalParams } from '../math/distribution-params.js';
import { quantilePoints } from './quantile-points.js';

/**
 * The central value a distribution states, as the planner wrote it: a constant; a normal's, beta's,
 * Poisson's or negative binomial's mean; a triangular's or PERT's mode (most likely); a lognormal's
 * median (its mean when stated by mean and sd); the midpoint of a uniform; the weighted mean of
 * discrete values, the mean of empirical ones; a metalog's P50 (else its middle stated quantile).
 * It is the plan a driver is measured against ("2.1% instead of the planned 2.5%") and the value a
 * year-level draw is divided by to scale the unit-level draws.
 *
 * @example centralValue({ dist: 'pert', min: 9000, mode: 11000, max: 14000 }) // => 11000
 * Complexity: O(1), or O(values) for discrete, empirical and quantiles.
 */
export function centralValue(spec: DistributionSpec): number {
  if (typeof spec === 'number') return spec;
  switch (spec.dist) {
    case 'fixed':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'triangular':
    case 'pert':
      return spec.mode;
    case 'normal':
      return spec.mean;
    case 'lognormal':
      if (spec.median !== undefined) return spec.median;
      if (spec.mean !== undefined) return spec.mean;
      return Math.exp(lognormalParams(spec).mu);
    case 'beta':
      return spec.mean ?? spec.alpha! / (spec.alpha! + spec.beta!);
    case 'poisson':
    case 'negativeBinomial':
      return spec.mean;
    case 'discrete': {
      let w = 0;
      let s = 0;
      spec.values.forEach((v, i) => {
        w += spec.weights[i] ?? 0;
        s += v * (spec.weights[i] ?? 0);
      });
      return s / w;
    }
    case 'empirical':
      return spec.values.reduce((a, b) => a + b, 0) / spec.values.length;
    case 'quantiles': {
      const points = quantilePoints(spec.quantiles);
      return (points.find((q) => q.p === 0.5) ?? points[Math.floor(points.length / 2)]!).x;
    }
  }
}
