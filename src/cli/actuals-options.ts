import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMonthlyFile } from '../actuals/read-monthly-file.js';
import { actualsProblems } from '../actuals/validate-actuals.js';
import type { ActualsInput } from '../actuals/reforecast.js';
import type { MonthlyMeasure } from '../actuals/monthly-record.js';
import type { PlanSummaryInput } from '../analysis/reforecast-summary.js';
import { planLoaded } from '../engine/simulate.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenario-error.js';

/**
 * Read and check --actuals against the scenario (the file alone by read-monthly-file.ts, then what
 * the re-forecast needs of it, see validate-actuals.ts): every problem at once as a ScenarioError
 * naming the file, line and column (exit 2). `asOf`: use only the first M closed months.
 */
export async function loadActuals(loaded: LoadedScenario, path: string, asOf: number | undefined): Promise<ActualsInput> {
  const s = loaded.scenario;
  const file = await readMonthlyFile(path, path, { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
  if (asOf !== undefined && asOf > file.months)
    throw new ScenarioError(path, [{ path: [], message: `covers months 1 to ${file.months}, but --as-of asks for ${asOf} closed months` }]);
  const months = asOf ?? file.months;
  const header = await headerColumns(path);
  const problems = actualsProblems(planLoaded(loaded), file, months, (name) => header.get(name));
  if (problems.length > 0) throw new ScenarioError(path, problems);
  return { file, months };
}

/** 1-based column of each header name, as written (lower case, trimmed); for messages only. */
async function headerColumns(path: string): Promise<Map<MonthlyMeasure | 'month' | 'tier', number>> {
  const text = await readFile(path, 'utf8');
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const map = new Map<MonthlyMeasure | 'month' | 'tier', number>();
  first.split(',').forEach((cell, i) => map.set(cell.trim().replace(/^"|"$/g, '').toLowerCase() as MonthlyMeasure, i + 1));
  return map;
}

/** --plan: a previous run's report directory; its summary.json gives the plan's bands, budgets and P(target). */
export async function loadPlanSummary(dir: string): Promise<PlanSummaryInput> {
  const path = join(dir, 'summary.json');
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ScenarioError(path, [{ path: [], message: `cannot be read as a previous run's summary (--plan names a report directory): ${(err as Error).message}` }]);
  }
  const d = data as { monthly?: unknown; decisions?: { budgets?: { metrics?: unknown }; targets?: unknown } };
  if (!Array.isArray(d.monthly) || typeof d.decisions?.budgets?.metrics !== 'object' || !Array.isArray(d.decisions.targets))
    throw new ScenarioError(path, [{ path: [], message: 'is not an arrcast summary.json (no monthly, decisions.budgets or decisions.targets)' }]);
  return { path, summary: data as PlanSummaryInput['summary'] };
}
