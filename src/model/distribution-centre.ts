import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { betaParams, lognormalParams } from '../math/distribution-params.js';
import { quantilePoints } from '../scenario/quantile-points.js';

/**
 * A distribution's typical value, for estimates (how much work a run is), not for results: its
 * mean where that is a closed form of the parameters (truncation of a normal ignored, then clamped
 * into its bounds), and the stated quantile nearest the median for a quantiles spec.
 *
 * @example distributionCentre({ dist: 'pert', min: 0, mode: 3, max: 6 }) // => 3
 * Complexity: O(1), or O(values) for discrete and empirical.
 */
export function distributionCentre(spec: DistributionSpec): number {
  if (typeof spec === 'number') return spec;
  switch (spec.dist) {
    case 'fixed':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'pert':
      return (spec.min + 4 * spec.mode + spec.max) / 6;
    case 'normal':
      return Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, spec.mean));
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(spec);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'beta': {
      const { alpha, beta } = betaParams(spec);
      return alpha / (alpha + beta);
    }
    case 'poisson':
    case 'negativeBinomial':
      return spec.mean;
    case 'discrete': {
      let sum = 0;
      let weight = 0;
      spec.values.forEach((v, i) => {
        sum += v * (spec.weights[i] ?? 0);
        weight += spec.weights[i] ?? 0;
      });
      return weight > 0 ? sum / weight : 0;
    }
    case 'empirical': {
      let sum = 0;
      for (const v of spec.values) sum += v;
      return sum / spec.values.length;
    }
    case 'quantiles': {
      const points = quantilePoints(spec.quantiles);
      let best = points[0]!;
      for (const p of points) if (Math.abs(p.p - 0.5) < Math.abs(best.p - 0.5)) best = p;
      return best.x;
    }
  }
}
