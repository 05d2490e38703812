import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { readMonthlyFile } from '../actuals/read-monthly-file.js';
import { actualsProblems } from '../actuals/validate-actuals.js';
import type { ActualsInput } from '../actuals/reforecast.js';
import { parsePlanSummary, type PlanSummaryInput } from '../analysis/plan-summary.js';
import { MAX_REPORT_JSON_BYTES } from '../report/read-report-trials.js';
import { REPORT_FILES } from '../report/report-files.js';
import { openFailure, readFileBytes } from '../scenario/read-file.js';
import { planLoaded } from '../engine/simulate.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { utf16Words } from '../scenario/read-text.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { UsageError } from './exit-codes.js';

/**
 * Read and check --actuals against the scenario (the file alone by read-monthly-file.ts, then what
 * the re-forecast needs of it, see validate-actuals.ts): every problem at once as a ScenarioError
 * naming the file, line and column (exit 2). `asOf`: use only the first M closed months.
 */
export async function loadActuals(loaded: LoadedScenario, path: string, asOf: number | undefined): Promise<ActualsInput> {
  const s = loaded.scenario;
  const file = await readMonthlyFile(path, path, { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name), ...(asOf === undefined ? {} : { asOf }) }, undefined, '--as-of');
  const months = asOf ?? file.months;
  const problems = actualsProblems(planLoaded(loaded), file, months);
  if (problems.length > 0) throw new ScenarioError(path, problems);
  return { file, months };
}

/** Whether anything is at `path` (a dangling link counts as nothing). */
const exists = (path: string) => stat(path).then(
  () => true,
  () => false,
);

/** Largest summary.json read by --plan (as `score` reads a report's). */
const planKind = {
  maxBytes: MAX_REPORT_JSON_BYTES,
  noun: "a run's summary.json",
  tooLarge: (size: number, more: string) => `is ${more}${size.toLocaleString('en-US')} bytes, more than a summary.json of arrcast's (at most ${MAX_REPORT_JSON_BYTES.toLocaleString('en-US')})`,
};

/**
 * --plan: a previous run's report directory; its summary.json gives the plan's bands, budgets and
 * P(target). Read the one way arrcast reads a file (non-blocking, regular files only, bounded), and
 * checked against the scenario and the run's --confidence (plan-summary.ts): exit 2 with every problem otherwise.
 */
export async function loadPlanSummary(loaded: LoadedScenario, dir: string, confidence: number): Promise<PlanSummaryInput> {
  const path = join(dir, REPORT_FILES.summary);
  const s = loaded.scenario;
  let info: Stats | undefined;
  let problem: string | undefined;
  try {
    info = await stat(dir);
    if (!info.isDirectory()) problem = 'is not a directory';
  } catch (err) {
    // Why it cannot be read, in every input file's words: a loop of links does not 'not exist'.
    problem = openFailure(err, { noun: 'a report directory' }, dir);
  }
  if (problem !== undefined) throw new ScenarioError(dir, [{ path: [], message: `${problem}: --plan names the report directory of a previous arrcast run` }]);
  if (!(await exists(path))) {
    const comparison = await exists(join(dir, 'comparison.json'));
    throw new ScenarioError(dir, [
      { path: [], message: comparison ? "is a comparison's directory (arrcast compare), not a run's report: --plan names the report directory of a previous arrcast run" : `has no ${REPORT_FILES.summary}: --plan names the report directory of a previous arrcast run` },
    ]);
  }
  const bytes = await readFileBytes(path, path, planKind);
  // Re-saved as UTF-16 (Notepad's "Unicode"), the plan's summary read as 'not JSON'.
  const words = utf16Words(bytes);
  if (words !== undefined) throw new ScenarioError(path, [{ path: [], message: `${words}: arrcast writes summary.json as UTF-8; save it as UTF-8, or re-run the plan`, line: 1, column: 1 }]);
  return parsePlanSummary(bytes.toString('utf8'), path, { name: s.name, currency: s.currency, fiscalYearStartMonth: s.fiscalYearStartMonth, ...(s.fiscalYear === undefined ? {} : { fiscalYear: s.fiscalYear }), confidence });
}

/**
 * Refuse (exit 2) an --out that is the --plan directory, however spelled (`r`, `./r/`, a link):
 * the re-forecast would replace the plan it is shown against, and the plan's report would be lost.
 * `out` is --out as prepareReportDir resolved it; `shown` is as typed.
 */
export async function refuseOutIsPlan(out: string, shown: string, plan: string): Promise<void> {
  const [o, p] = await Promise.all([stat(out).catch(() => undefined), stat(plan).catch(() => undefined)]);
  if (o !== undefined && p !== undefined && o.dev === p.dev && o.ino === p.ino)
    throw new UsageError(`--out ${shown} is the --plan directory ${plan}: the re-forecast would replace the plan it is compared with; name another directory`);
}
