import { splitYearLevel, type YearLevelSplit } from '../scenario/year-level.js';
import type { YearLevelSpec } from '../scenario/year-level-schema.js';
import { compileDistribution, type CompiledDistribution } from './distribution-sampler.js';

/**
 * The year-level layer of a volume or amount: drawn once per trial, it scales the unit-level draws
 * by draw / plan (see `scenario/year-level.ts`).
 */
export interface YearLevel {
  readonly distribution: CompiledDistribution;
  /** The level as written (its central value). */
  readonly plan: number;
}

/** A driver's two layers made ready: its unit-level spec at the planned level, its year-level layer (undefined when the level is a number), and its plan. */
export interface CompiledYearLevel {
  readonly unit: YearLevelSplit['unit'];
  readonly level: YearLevel | undefined;
  readonly plan: number;
}

/**
 * @example compileYearLevel({ dist: 'poisson', mean: { dist: 'pert', min: 2000, mode: 2500, max: 3000 } }).level!.plan // => 2500
 * Complexity: O(1) (a level's tables, as compileDistribution).
 */
export function compileYearLevel(spec: YearLevelSpec): CompiledYearLevel {
  const split = splitYearLevel(spec);
  return { unit: split.unit, level: split.level && { distribution: compileDistribution(split.level), plan: split.plan }, plan: split.plan };
}
