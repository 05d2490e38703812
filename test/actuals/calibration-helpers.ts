import { simulatedYear } from '../../src/actuals/simulated-year.js';
import { compileReforecast, reforecastChunk, type Reforecast } from '../../src/actuals/reforecast.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import type { MonthlyFile } from '../../src/actuals/monthly-record.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { METRICS } from '../../src/model/components.js';

/** The first k months of a simulated year's file. */
export function firstMonths(file: MonthlyFile, k: number): MonthlyFile {
  return { ...file, months: k, byTier: new Map([...file.byTier].map(([t, rows]) => [t, rows.slice(0, k)])) };
}

/** A true year drawn from the scenario, and the re-forecast compiled from its first k months. */
export interface TrueYear {
  readonly revenue: number;
  readonly endingArr: number;
  /** What the closed months showed, in one number: ARR at the end of month k, all tiers. */
  readonly evidence: number;
  readonly reforecast: Reforecast;
  /** The seed of its re-forecast. */
  readonly seed: string;
}

/**
 * `years` true years drawn from the scenario, each with the re-forecast compiled from its first k
 * months. Compiling is half the cost of a PIT; a compiled re-forecast is not changed by running it
 * (a run compiles it once and each worker reuses it for all its chunks), so checks that re-forecast
 * the same years with other likelihoods can share them.
 */
export function trueYears(loaded: LoadedScenario, k: number, years: number, seed: string): TrueYear[] {
  const truthPlan = planScenario(loaded.scenario, loaded.files ?? {});
  const out: TrueYear[] = [];
  for (let i = 0; i < years; i++) {
    const year = simulatedYear(truthPlan, `${seed}-truth`, i);
    let evidence = 0;
    for (const rows of year.file.byTier.values()) evidence += rows[k - 1]!.values.ending_arr!;
    const reforecast = compileReforecast(loaded.scenario, loaded.files, { file: firstMonths(year.file, k), months: k }, `${seed}-${i}`);
    out.push({ revenue: year.revenue, endingArr: year.endingArr, evidence, reforecast, seed: `${seed}-${i}` });
  }
  return out;
}

/**
 * PITs of true year-end revenue and ending ARR: for each of `years` true years drawn from the
 * scenario, re-forecast from its first k months with `trials` trials (one chunk) and find where the
 * truth fell: (count below + count equal / 2) / trials. `learn: false` is the companion check with
 * learning skipped (the posterior replaced by the prior: no evidence in the likelihood).
 */
export function calibrationPits(
  loaded: LoadedScenario,
  k: number,
  years: number,
  trials: number,
  seed: string,
  options: { learn?: boolean; overdo?: number } = {},
): { revenue: Float64Array; endingArr: Float64Array; evidence: Float64Array } {
  return pitsOf(trueYears(loaded, k, years, seed), trials, options);
}

/** calibrationPits of true years already drawn and compiled (trueYears). */
export function pitsOf(
  truths: readonly TrueYear[],
  trials: number,
  options: { learn?: boolean; overdo?: number } = {},
): { revenue: Float64Array; endingArr: Float64Array; evidence: Float64Array } {
  const years = truths.length;
  const revenue = new Float64Array(years);
  const endingArr = new Float64Array(years);
  const evidence = new Float64Array(years);
  for (let i = 0; i < years; i++) {
    const t = truths[i]!;
    evidence[i] = t.evidence;
    const r = t.reforecast;
    const model =
      options.learn === false
        ? { ...r.model, logLikelihood: () => 0 }
        : options.overdo
          ? { ...r.model, logLikelihood: (f: Float64Array) => options.overdo! * r.model.logLikelihood(f) }
          : r.model;
    const result = reforecastChunk({ ...r, model }, t.seed, 0, trials);
    const cols = r.plan.layout.columns;
    const wideIndex = (key: string) => cols.filter((c) => c.precision === 'f64').findIndex((c) => c.key === key);
    const rev = wideIndex(METRICS[0]);
    const arr = wideIndex('endingArr');
    revenue[i] = pit(result.wide.subarray(rev * trials, (rev + 1) * trials), t.revenue);
    endingArr[i] = pit(result.wide.subarray(arr * trials, (arr + 1) * trials), t.endingArr);
  }
  return { revenue, endingArr, evidence };
}

/**
 * What is wrong with a set of PITs, as messages (none: calibrated). Uniformity by the KS test at 1%
 * (Stephens' critical value) of revenue and ending ARR over all years, and within each half of the
 * years split by what their closed months showed (ARR at month k): a forecast that ignores the
 * evidence is calibrated over all years (truth and forecast both follow the prior) but not given
 * the evidence: where the closed months went well, the truth falls high in it.
 */
export function calibrationProblems(
  p: { revenue: Float64Array; endingArr: Float64Array; evidence: Float64Array },
  critical: (n: number) => number,
  options: { byEvidence?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const order = Array.from(p.evidence.keys()).sort((a, b) => p.evidence[a]! - p.evidence[b]!);
  const half = Math.floor(order.length / 2);
  const groups: Array<[string, number[]]> = [['all years', order]];
  if (options.byEvidence !== false) groups.push(['years with the lower ARR at month k', order.slice(0, half)], ['years with the higher ARR at month k', order.slice(half)]);
  for (const [metric, pits] of [['revenue', p.revenue], ['ending ARR', p.endingArr]] as const)
    for (const [group, idx] of groups) {
      const xs = Float64Array.from(idx, (i) => pits[i]!).sort();
      let d = 0;
      for (let i = 0; i < xs.length; i++) d = Math.max(d, (i + 1) / xs.length - xs[i]!, xs[i]! - i / xs.length);
      if (d > critical(xs.length)) problems.push(`${metric}, ${group}: KS D = ${d.toFixed(3)} > ${critical(xs.length).toFixed(3)}`);
    }
  // Spread: the PITs of a uniform have variance 1/12 and their sample variance has standard error
  // sqrt((mu4 - sigma^4) / n) = sqrt((1/80 - 1/144) / n); beyond 2.576 of them (1%, two-sided) the
  // bands are too narrow (variance high: a U) or too wide (low: a hump).
  for (const [metric, pits] of [['revenue', p.revenue], ['ending ARR', p.endingArr]] as const) {
    const n = pits.length;
    let v = 0;
    for (const x of pits) v += (x - 0.5) ** 2;
    v /= n;
    const se = Math.sqrt((1 / 80 - 1 / 144) / n);
    if (Math.abs(v - 1 / 12) > 2.576 * se) problems.push(`${metric}: PIT variance ${v.toFixed(4)}, not 1/12 = 0.0833 within ${(2.576 * se).toFixed(4)}`);
  }
  return problems;
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
