import { simulatedYear } from '../../src/actuals/simulated-year.js';
import { compileReforecast, reforecastChunk } from '../../src/actuals/reforecast.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import type { MonthlyFile } from '../../src/actuals/monthly-record.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { METRICS } from '../../src/model/components.js';

/** The first k months of a simulated year's file. */
export function firstMonths(file: MonthlyFile, k: number): MonthlyFile {
  return { ...file, months: k, byTier: new Map([...file.byTier].map(([t, rows]) => [t, rows.slice(0, k)])) };
}

/**
 * PITs of true year-end revenue and ending ARR: for each of `years` true years drawn from the
 * scenario, re-forecast from its first k months with `trials` trials (one chunk) and find where the
 * truth fell: (count below + count equal / 2) / trials. `learn: false` is the companion check with
 * learning skipped (the posterior replaced by the prior: no evidence in the likelihood).
 */
export function calibrationPits(loaded: LoadedScenario, k: number, years: number, trials: number, seed: string, options: { learn?: boolean; overdo?: number } = {}): { revenue: Float64Array; endingArr: Float64Array } {
  const truthPlan = planScenario(loaded.scenario, loaded.files ?? {});
  const revenue = new Float64Array(years);
  const endingArr = new Float64Array(years);
  for (let i = 0; i < years; i++) {
    const year = simulatedYear(truthPlan, `${seed}-truth`, i);
    const r = compileReforecast(loaded.scenario, loaded.files, { file: firstMonths(year.file, k), months: k }, `${seed}-${i}`);
    const model =
      options.learn === false
        ? { ...r.model, logLikelihood: () => 0 }
        : options.overdo
          ? { ...r.model, logLikelihood: (f: Float64Array) => options.overdo! * r.model.logLikelihood(f) }
          : r.model;
    const result = reforecastChunk({ ...r, model }, `${seed}-${i}`, 0, trials);
    const cols = r.plan.layout.columns;
    const wideIndex = (key: string) => cols.filter((c) => c.precision === 'f64').findIndex((c) => c.key === key);
    const rev = wideIndex(METRICS[0]);
    const arr = wideIndex('endingArr');
    revenue[i] = pit(result.wide.subarray(rev * trials, (rev + 1) * trials), year.revenue);
    endingArr[i] = pit(result.wide.subarray(arr * trials, (arr + 1) * trials), year.endingArr);
  }
  return { revenue, endingArr };
}

/** Where x falls in a sample, ties counted half (a point forecast equal to the truth gives 0.5). */
export function pit(sample: ArrayLike<number>, x: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! < x) below++;
    else if (sample[i]! === x) equal++;
  }
  return (below + equal / 2) / sample.length;
}
