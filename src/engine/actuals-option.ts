import { actualsInputProblem, type ActualsInput } from '../actuals/actuals-input.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { RunOptionError } from './errors.js';

/**
 * True when simulate's `actuals` option asks for no re-forecast: absent, or `null` or `false` as a
 * JavaScript caller writes "none" (`actuals: file && { file, months }`), which ran the plan before the
 * option was checked and still does.
 */
export const noActuals = (actuals: unknown): actuals is undefined | null | false => actuals === undefined || actuals === null || actuals === false;

/**
 * Check simulate's `actuals` option as the CLI checks --actuals and --as-of, before anything runs
 * (actualsInputProblem, the check compileReforecast makes too): `{ file, months }` with `file` as
 * readMonthlyFile or parseMonthlyFile return it and `months` a whole number of closed months from 1
 * to those the file covers (RunOptionError otherwise), with rows for every tier of the scenario in
 * those months (a ScenarioError naming the file, as actualsProblems words it; a file read for other
 * tiers lacks them), and no renewals it would count twice (cameUpEarlyProblems, at their cells). From the library none of it was checked: `months: '3'` ran with the simulated
 * year starting at month "31" (the string joined to 1), 2.5 or -1 failed as a chunk ('binomial: p
 * must be a probability'), 6 of a 5-month file or a file without a tier's rows met a TypeError.
 *
 * @example checkActualsOption(plan, { file, months: 6 }) // RunOptionError for a file of 5 months
 */
export function checkActualsOption(plan: ScenarioPlan, actuals: unknown): ActualsInput {
  const problem = actualsInputProblem(plan, actuals, 'the actuals option');
  if (problem?.fileIssues) throw new ScenarioError((actuals as ActualsInput).file.path, problem.fileIssues);
  // A key the actuals do not take (`{ file, month: 3 }`) is a field of the option: its path says so.
  if (problem) throw new RunOptionError(problem.key ?? 'actuals', problem.message, true, { path: problem.key === undefined ? ['actuals'] : ['actuals', problem.key] });
  return actuals as ActualsInput;
}
