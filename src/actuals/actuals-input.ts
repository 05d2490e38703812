import type { ScenarioPlan } from '../model/scenario-plan.js';
import { optionKeysProblem, valueKind } from '../scenario/option-keys.js';
import type { ScenarioIssue } from '../scenario/scenario-error.js';
import type { MonthlyFile } from './monthly-record.js';
import { cameUpEarlyProblems } from './came-up-early-problems.js';

/** What a forecast from no closed month is, in every refusal of one (--as-of 0, `months: 0`). */
export const NO_CLOSED_MONTH = 'the plan itself (the scenario simulated from the start of the year)';

/** A re-forecast's input: validated actuals, of which the first `months` closed months are used. */
export interface ActualsInput {
  readonly file: MonthlyFile;
  readonly months: number;
}

/** Why an input is not an ActualsInput a re-forecast can use; each caller throws it as its class. */
export interface ActualsInputProblem {
  /** A key of the input that is not `file` or `months` (`message` says so, with the nearest); absent for the input as a whole. */
  readonly key?: string;
  readonly message: string;
  /**
   * What is wrong in the file itself, as actualsProblems words it for --actuals, for a ScenarioError
   * naming the file: the tiers of `plan` without rows in the closed months (at line 1), or renewals
   * that came up beyond what the scenario has due (cameUpEarlyProblems, at their cells).
   */
  readonly fileIssues?: readonly ScenarioIssue[];
}

/**
 * What is wrong with `input` as a re-forecast's `{ file, months }`, or undefined: not an object; a
 * key other than `file` and `months` (named as an option of `what`: `{ file, month: 3 }` ran no
 * closed month at all); a file other than readMonthlyFile or parseMonthlyFile return; months not a
 * whole number from 1 to those the file covers (`'3'` started the simulated year at month "31",
 * 2.5 failed as a chunk); and, given the `plan`, a tier of it without rows in those months (a file
 * read for other tiers: a TypeError inside the re-forecast before), or renewals it would count twice
 * (cameUpEarlyProblems). The one check behind simulate's
 * `actuals` option (engine/actuals-option.ts, RunOptionError) and compileReforecast (RangeError).
 * What else a re-forecast needs of the file (its flows adding up: validate-actuals.ts) is the
 * caller's to check, as the CLI does with actualsProblems.
 *
 * @example actualsInputProblem(plan, { file, months: 6 }, 'compileReforecast')?.message // => 'its months must be a whole number ... from 1 to 5 (...; got 6)'
 * Complexity: O(keys of the input + tiers of the plan).
 */
export function actualsInputProblem(plan: ScenarioPlan | undefined, input: unknown, what: string): ActualsInputProblem | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { message: `must be { file, months }: a file as readMonthlyFile or parseMonthlyFile return it, and how many of its closed months to use (got ${valueKind(input)})` };
  const keys = optionKeysProblem(input, ['file', 'months'], what);
  if (keys) return { key: keys.key, message: keys.message };
  const { file, months } = input as { file?: unknown; months?: unknown };
  const f = file as { path?: unknown; measures?: unknown; tiers?: unknown; months?: unknown; byTier?: unknown } | null | undefined;
  if (f === null || typeof f !== 'object' || typeof f.path !== 'string' || !Array.isArray(f.measures) || !Array.isArray(f.tiers) || typeof f.months !== 'number' || !(f.byTier instanceof Map))
    return { message: `its file must be a file of actuals as readMonthlyFile or parseMonthlyFile return it (got ${f === undefined ? 'none' : f === null ? 'null' : typeof f === 'object' ? 'an object of another shape' : typeof f})` };
  if (months === 0)
    return { message: `its months must be a whole number of closed months from 1 to ${f.months} (got 0: no month closed, and a forecast from no closed month is ${NO_CLOSED_MONTH}: leave the actuals option out for it)` };
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > f.months)
    return {
      message: `its months must be a whole number of closed months from 1 to ${f.months} (the months ${f.path} covers; got ${typeof months === 'number' ? months : typeof months === 'string' ? `the string ${JSON.stringify(months)}` : typeof months})`,
    };
  if (plan === undefined) return undefined;
  const byTier = (f as MonthlyFile).byTier;
  const missing = plan.tiers.filter((t) => (byTier.get(t.name)?.length ?? 0) < months);
  const fileIssues: ScenarioIssue[] = missing.map((t) => ({ path: ['tier'], message: `no rows for tier ${JSON.stringify(t.name)} in months 1 to ${months}: a re-forecast needs every tier's closed months`, line: 1 }));
  // Renewals counted twice (came up beyond what is due, and not placeable) are refused here too, so
  // that the library and the CLI (actualsProblems) give one answer.
  if (fileIssues.length > 0) return { message: `its file ${f.path}: ${fileIssues.map((i) => i.message).join('; ')}`, fileIssues };
  const twice = cameUpEarlyProblems(plan, f as MonthlyFile, months);
  if (twice.length === 0) return undefined;
  return { message: `its file ${f.path}: ${twice.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`, fileIssues: twice };
}
