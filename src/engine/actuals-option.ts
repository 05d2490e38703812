import type { ActualsInput } from '../actuals/reforecast.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { RunOptionError } from './errors.js';
import { checkOptionKeys } from './option-keys.js';
import { valueKind } from '../scenario/option-keys.js';

/**
 * True when simulate's `actuals` option asks for no re-forecast: absent, or `null` or `false` as a
 * JavaScript caller writes "none" (`actuals: file && { file, months }`), which ran the plan before the
 * option was checked and still does.
 */
export const noActuals = (actuals: unknown): actuals is undefined | null | false => actuals === undefined || actuals === null || actuals === false;

/**
 * Check simulate's `actuals` option as the CLI checks --actuals and --as-of, before anything runs:
 * `{ file, months }` with `file` as readMonthlyFile or parseMonthlyFile return it and `months` a whole
 * number of closed months from 1 to those the file covers (RunOptionError otherwise), with rows for
 * every tier of the scenario in those months (a ScenarioError naming the file, as actualsProblems
 * words it; a file read for other tiers lacks them). What else a re-forecast needs of the file (its
 * flows adding up: validate-actuals.ts) is the caller's to check, as the CLI does with actualsProblems.
 * From the library none of it was checked:
 * `months: '3'` ran with the simulated year starting at month "31" (the string joined to 1), 2.5 or
 * -1 failed as a chunk ('binomial: p must be a probability'), 6 of a 5-month file or a file without
 * a tier's rows met a TypeError.
 *
 * @example checkActualsOption(plan, { file, months: 6 }) // RunOptionError for a file of 5 months
 */
export function checkActualsOption(plan: ScenarioPlan, actuals: unknown): ActualsInput {
  const shape = 'must be { file, months }: a file as readMonthlyFile or parseMonthlyFile return it, and how many of its closed months to use';
  if (actuals === null || typeof actuals !== 'object' || Array.isArray(actuals)) throw new RunOptionError('actuals', `${shape} (got ${valueKind(actuals)})`, true);
  checkOptionKeys(actuals, ['file', 'months'], 'the actuals option');
  const { file, months } = actuals as { file?: unknown; months?: unknown };
  const f = file as { path?: unknown; measures?: unknown; tiers?: unknown; months?: unknown; byTier?: unknown } | null | undefined;
  if (f === null || typeof f !== 'object' || typeof f.path !== 'string' || !Array.isArray(f.measures) || !Array.isArray(f.tiers) || typeof f.months !== 'number' || !(f.byTier instanceof Map))
    throw new RunOptionError('actuals', `its file must be a file of actuals as readMonthlyFile or parseMonthlyFile return it (got ${f === undefined ? 'none' : f === null ? 'null' : typeof f === 'object' ? 'an object of another shape' : typeof f})`, true);
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > f.months)
    throw new RunOptionError('actuals', `its months must be a whole number of closed months from 1 to ${f.months} (the months ${f.path} covers; got ${typeof months === 'number' ? months : typeof months === 'string' ? `the string ${JSON.stringify(months)}` : typeof months})`, true);
  const input = actuals as ActualsInput;
  const problems = plan.tiers
    .filter((t) => (input.file.byTier.get(t.name)?.length ?? 0) < months)
    .map((t) => ({ path: ['tier'], message: `no rows for tier ${JSON.stringify(t.name)} in months 1 to ${months}: a re-forecast needs every tier's closed months`, line: 1 }));
  if (problems.length > 0) throw new ScenarioError(input.file.path, problems);
  return input;
}
