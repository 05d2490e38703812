import type { DistributionSpec } from './distribution-schema.js';
import type { YearLevelSpec } from './year-level-schema.js';

/** The range a distribution's draws can fall in, and whether they are whole numbers. */
export interface Support {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

const isWhole = (xs: readonly number[]) => xs.every((x) => Number.isInteger(x));

/**
 * Where a distribution's draws can fall (a count with a year-level mean: any whole number >= 0). Used to check that a distribution suits its field (a rate
 * must stay in [0, 1]) before anything runs, rather than clamping silently during the run.
 *
 * @example distributionSupport({ dist: 'beta', alpha: 2, beta: 5 }) // => { min: 0, max: 1, integer: false }
 * Complexity: O(number of listed values) for discrete and empirical, O(1) otherwise.
 */
export function distributionSupport(spec: DistributionSpec | YearLevelSpec): Support {
  if (typeof spec === 'number') return { min: spec, max: spec, integer: Number.isInteger(spec) };
  switch (spec.dist) {
    case 'fixed':
      return { min: spec.value, max: spec.value, integer: Number.isInteger(spec.value) };
    case 'uniform':
    case 'triangular':
    case 'pert':
      return { min: spec.min, max: spec.max, integer: false };
    case 'normal':
      return { min: spec.min ?? -Infinity, max: spec.max ?? Infinity, integer: false };
    case 'lognormal':
      return { min: 0, max: Infinity, integer: false };
    case 'beta':
      return { min: 0, max: 1, integer: false };
    case 'poisson':
    case 'negativeBinomial':
      return { min: 0, max: spec.mean === 0 ? 0 : Infinity, integer: true };
    case 'discrete': {
      // A loop, not Math.min(...live): a spread passes every value on the stack.
      const live = spec.values.filter((_, i) => (spec.weights[i] ?? 0) > 0);
      let min = Infinity;
      let max = -Infinity;
      for (const v of live) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return { min, max, integer: isWhole(live) };
    }
    case 'empirical': {
      let min = Infinity;
      let max = -Infinity;
      for (const v of spec.values) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return { min, max, integer: isWhole(spec.values) };
    }
    case 'quantiles':
      return { min: spec.lower ?? -Infinity, max: spec.upper ?? Infinity, integer: false };
  }
}
