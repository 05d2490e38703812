import { centralValue } from './central-value.js';
import type { DistributionObject, DistributionSpec } from './distribution-schema.js';
import type { YearLevelSpec } from './year-level-schema.js';

/** A driver split into its two layers (see `year-level-schema.ts`). */
export interface YearLevelSplit {
  /** The unit-level distribution at the planned level: the count's mean, or the amount's median, set to `plan`. */
  readonly unit: DistributionSpec;
  /** The year-level distribution of the mean (or median), drawn once per trial; undefined when the level is stated as a number. */
  readonly level: DistributionObject | undefined;
  /** The level as written: the central value of `level`, or the stated number (the plan a driver is measured against). */
  readonly plan: number;
}

/**
 * Split a volume or amount into its year-level and unit-level parts. In a trial the unit-level
 * draws are scaled by L / plan, L the year-level draw: Poisson(mean L) = Poisson(plan x L / plan),
 * and a lognormal with median L and the stated spread = (L / plan) x lognormal(median plan).
 *
 * @example splitYearLevel({ dist: 'poisson', mean: { dist: 'pert', min: 2000, mode: 2500, max: 3000 } })
 * // => { unit: { dist: 'poisson', mean: 2500 }, level: { dist: 'pert', ... }, plan: 2500 }
 * Complexity: O(1) (O(values) for a discrete or empirical level).
 */
export function splitYearLevel(spec: YearLevelSpec): YearLevelSplit {
  if (typeof spec !== 'number') {
    if ((spec.dist === 'poisson' || spec.dist === 'negativeBinomial') && typeof spec.mean !== 'number') {
      const plan = centralValue(spec.mean);
      return { unit: { ...spec, mean: plan }, level: spec.mean, plan };
    }
    if (spec.dist === 'lognormal' && spec.median !== undefined && typeof spec.median !== 'number') {
      const plan = centralValue(spec.median);
      return { unit: { ...spec, median: plan }, level: spec.median, plan };
    }
  }
  const plain = spec as DistributionSpec;
  return { unit: plain, level: undefined, plan: centralValue(plain) };
}
