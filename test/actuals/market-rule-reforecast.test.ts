import { beforeAll, describe, expect, it } from 'vitest';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { learningModel, type LearningModel } from '../../src/actuals/learning-model.js';
import { posteriorDraws } from '../../src/actuals/posterior-draws.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { planScenario, type ScenarioPlan } from '../../src/model/scenario-plan.js';
import { simulateChunk, type ChunkResult } from '../../src/model/simulate-chunk.js';
import type { GivenLevels } from '../../src/model/given-levels.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { MonthlyFile } from '../../src/actuals/monthly-record.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulatedYear } from '../../src/actuals/simulated-year.js';
import { compileReforecast, reforecastChunk } from '../../src/actuals/reforecast.js';
import { ksCritical, pearson, twoSampleKs } from '../helpers/stats.js';

/**
 * A re-forecast keeps the plan's market rule: a learned driver's value this year is its own draw
 * moved by the market factor with the driver's loading (README "What the evidence teaches":
 * logit(p) + b z for a rate, x exp(b z - b^2/2) for a volume or amount), the factor and the own draw
 * both from the posterior. The rule is applied in three places of a re-forecast: the likelihood
 * (likelihood-terms.ts), the simulators reading the posterior draws (given-levels.ts), and the
 * summary's prior (reforecast-summary.ts). Here, on scenarios/example.yaml (loadings: leads 0.15,
 * conversion 0.20, ACV 0.05, renewal 0.30):
 *
 * 1. With no closed months (a flat likelihood: the posterior is the prior) the re-forecast's
 *    drivers are distributed as the plan's, and move with the market as much: for each learned
 *    driver, a two-sample KS test and a means test on its value this year (4,000 trials each), and
 *    its correlation with the market column. Measured (seeds as below): KS distances 0.009 to 0.026
 *    against a critical 0.0435 at 0.1%; correlations with z 0.58 to 0.81, plan and re-forecast
 *    within 0.016. Power: with the factor handed to the simulators as 0 (drivers ignoring the
 *    market) the KS distances are 0.058 to 0.148 and the correlations 0.00 (-0.018 to -0.001),
 *    25 to 50 se of Fisher's z (0.0224 each) from the plan's: rejected by both. A subtler fault,
 *    SMB conversion at a loading of 0.17 for its 0.2 (r from 0.813 to 0.764, s = sd of its own
 *    logit 0.144 = 0.2 sqrt(1/r^2 - 1)), moves Fisher's z by 5.8 se: rejected in 97% of runs.
 * 2. With five closed months, each trial's value of a learned driver is its own posterior draw
 *    moved by the trial's (posterior) factor with the plan's loading, the rule written out here.
 * 3. The summary's "prior" of each learned driver (its value this year before the evidence) is
 *    the plan run's distribution of that driver.
 */
const TRIALS = 1000;
const CHUNKS = 4;
const N = TRIALS * CHUNKS;

let loaded: LoadedScenario;
let file: MonthlyFile;
let plan: ScenarioPlan;
let model: LearningModel;

beforeAll(async () => {
  loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
  const s = loaded.scenario;
  file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
  plan = planScenario(s);
  model = learningModel(plan, file, 5, 'market-rule');
});

/** A column of a chunk's trials, by key. */
function column(p: ScenarioPlan, r: ChunkResult, key: string): Float64Array {
  const cols = p.layout.columns;
  const k = cols.findIndex((c) => c.key === key);
  let wide = 0;
  let narrow = 0;
  for (let i = 0; i < k; i++) cols[i]!.precision === 'f64' ? wide++ : narrow++;
  return cols[k]!.precision === 'f64' ? Float64Array.from(r.wide.subarray(wide * r.trials, (wide + 1) * r.trials)) : Float64Array.from(r.narrow.subarray(narrow * r.trials, (narrow + 1) * r.trials));
}

/** The plan run's trials of every learned driver's value and the factor, shared by the tests (4,000 trials). */
let plannedTrials: Map<string, Float64Array> | undefined;
const learnedKeys = () => ['driver.market', ...model.drivers.filter((l) => l.driver.shiftedColumn !== undefined).map((l) => l.driver.shiftedColumn!)];
const plannedOnce = () => (plannedTrials ??= trials(learnedKeys(), 'plan'));

/** The columns `keys` over CHUNKS chunks of TRIALS trials: a plan run's, or a re-forecast's of no closed month (posterior = prior), or that with the factor handed over as 0. */
function trials(keys: readonly string[], mode: 'plan' | 'flat' | 'flat, z = 0'): Map<string, Float64Array> {
  const out = new Map(keys.map((k) => [k, new Float64Array(N)]));
  const flat: LearningModel = { ...model, logLikelihood: () => 0 };
  for (let c = 0; c < CHUNKS; c++) {
    let given: GivenLevels | undefined;
    if (mode !== 'plan') {
      given = posteriorDraws(flat, 'market-rule', c, TRIALS);
      if (mode === 'flat, z = 0') given = { ...given, z: new Float64Array(TRIALS) };
    }
    // The plan run on another seed: independent samples of the same distribution.
    const r = simulateChunk(plan, mode === 'plan' ? 'market-rule-plan' : 'market-rule', c, TRIALS, undefined, given);
    for (const k of keys) out.get(k)!.set(column(plan, r, k), c * TRIALS);
  }
  return out;
}

const mean = (xs: Float64Array) => xs.reduce((a, x) => a + x, 0) / xs.length;
const variance = (xs: Float64Array) => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};
/** Fisher's z of a correlation has sd 1 / sqrt(n - 3). */
const fisher = (r: number) => Math.atanh(r);

describe("a re-forecast keeps the plan's market rule", () => {
  it('with no closed months, each learned driver is distributed as the plan\'s and moves with the market as much; with the factor dropped, it is not', () => {
    const drivers = model.drivers.filter((l) => l.driver.shiftedColumn !== undefined && l.driver.loading !== 0);
    expect(drivers.length).toBeGreaterThanOrEqual(6);
    const keys = learnedKeys();
    const planned = plannedOnce();
    const flat = trials(keys, 'flat');
    const dropped = trials(keys, 'flat, z = 0');
    // Two-sample KS at 0.1% on n m / (n + m) = 2,000 effective pairs: D < 0.044.
    const critical = ksCritical(N / 2, 0.001);
    expect(twoSampleKs(planned.get('driver.market')!, flat.get('driver.market')!)).toBeLessThan(critical);
    let rejected = 0;
    for (const l of drivers) {
      const key = l.driver.shiftedColumn!;
      const a = planned.get(key)!;
      const b = flat.get(key)!;
      expect(twoSampleKs(a, b), key).toBeLessThan(critical);
      // Means: 4 standard errors of the difference.
      expect(Math.abs(mean(a) - mean(b)), key).toBeLessThan(4 * Math.sqrt(variance(a) / N + variance(b) / N));
      // Moves with the market as much: the two correlations with z agree within 4 se of Fisher's z (the chain's draws
      // of a flat likelihood are near independent, so N is about the effective count).
      const ra = pearson(a, planned.get('driver.market')!);
      const rb = pearson(b, flat.get('driver.market')!);
      expect(Math.abs(fisher(ra) - fisher(rb)), `${key}: r ${ra} against ${rb}`).toBeLessThan(4 * Math.sqrt(2 / (N - 3)));
      // The power: drivers that ignore the market (the factor handed over as 0) differ from the plan's.
      const rd = pearson(dropped.get(key)!, planned.get('driver.market')!);
      if (twoSampleKs(a, dropped.get(key)!) > critical || Math.abs(fisher(ra) - fisher(rd)) > 4 * Math.sqrt(2 / (N - 3))) rejected++;
    }
    expect(rejected).toBe(drivers.length);
  }, 60_000);

  it("with five closed months, each trial's learned driver is its own posterior draw moved by the trial's factor with the plan's loading", () => {
    // One tier whose four learnable drivers all have a year-level draw and a loading; its actuals a year drawn from itself.
    const { scenario } = parseScenario(
      [
        'name: market rule',
        'currency: USD',
        'market: { loadings: { leads: 0.15, conversion: 0.2, acv: 0.1, renewal: 0.3 } }',
        'tiers:',
        '  - name: T',
        '    existing: { openingArr: 12000000, customers: 1000, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.85, sd: 0.04 } }',
        '    newBusiness:',
        '      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 800, p90: 1000 } }',
        '      conversion: { dist: beta, mean: 0.05, sd: 0.01 }',
        '      salesCycleMonths: 0',
        '      acv: { dist: lognormal, median: { dist: lognormal, median: 10000, p90: 12000 }, p90: 20000 }',
      ].join('\n'),
      'rule.yaml',
    );
    const year = simulatedYear(planScenario(scenario), 'market-rule-truth', 0);
    const r = compileReforecast(scenario, undefined, { file: year.file, months: 5 }, 'market-rule');
    expect(new Set(r.model.drivers.map((l) => l.kind))).toEqual(new Set(['conversion', 'renewalRate', 'leadsPerMonth', 'acv']));
    const loadings = scenario.market.loadings as Record<string, number>;
    // The rule as README states it, written out: log-odds + b z for a rate, x exp(b z - b^2 / 2) for a volume or amount.
    const ruleOf: Record<string, (own: number, z: number) => number> = {
      conversion: (p, x) => 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + loadings.conversion! * x))),
      renewalRate: (p, x) => 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + loadings.renewal! * x))),
      leadsPerMonth: (v, x) => v * Math.exp(loadings.leads! * x - loadings.leads! ** 2 / 2),
      acv: (v, x) => v * Math.exp(loadings.acv! * x - loadings.acv! ** 2 / 2),
    };
    const chunk = reforecastChunk(r, 'market-rule', 0, 1000);
    const z = column(r.plan, chunk, 'driver.market');
    // The posterior moved the factor (the evidence is not silent), so the check is not at the prior.
    expect(z.some((x) => x !== 0)).toBe(true);
    for (const l of r.model.drivers) {
      const d = r.plan.tiers[l.tier]!.plannedDrivers[l.slot]!;
      const own = column(r.plan, chunk, d.ownColumn!);
      const used = column(r.plan, chunk, d.shiftedColumn!);
      let worst = 0;
      for (let t = 0; t < own.length; t++) worst = Math.max(worst, Math.abs(used[t]! - ruleOf[l.kind]!(own[t]!, z[t]!)) / Math.abs(used[t]!));
      // The columns are stored in float32 (2^-24 relative), the rule's inputs z and own draw too.
      expect(worst, d.label).toBeLessThan(1e-6);
    }
  }, 60_000);

  it("the summary's prior of each learned driver (before the evidence) is the plan run's distribution of it", async () => {
    const trialsEach = N;
    // The prior in the summary does not depend on the re-forecast's trials: a few suffice.
    const re = await simulate(loaded, { trials: 200, seed: '5', workers: 0, actuals: { file, months: 5 } });
    const reforecast = summarize(re).reforecast!;
    expect(reforecast.drivers.length).toBe(model.drivers.length);
    for (const d of reforecast.drivers) {
      const driver = plan.tiers.find((t) => t.name === d.tier)!.plannedDrivers.find((x) => x.key === d.key)!;
      const xs = plannedOnce().get(driver.shiftedColumn!)!;
      const sorted = Float64Array.from(xs).sort();
      const sd = Math.sqrt(variance(Float64Array.from(xs)));
      // The summary's prior is 4,096 stratified quantiles paired with seeded factors: its mean's error is below
      // the plan run's; 4 se of the plan's mean covers both.
      expect(Math.abs(d.prior.mean - mean(Float64Array.from(xs))), d.label).toBeLessThan(4 * sd * Math.sqrt(2 / trialsEach));
      // P10 and P90: within the plan run's quantiles at 0.1 -/+ 4 sqrt(0.09 / n) (the binomial se of a quantile's level).
      const at = (p: number) => sorted[Math.min(trialsEach - 1, Math.max(0, Math.floor(p * trialsEach)))]!;
      const w = 4 * Math.sqrt(0.09 / trialsEach);
      expect(d.prior.p10, d.label).toBeGreaterThanOrEqual(at(0.1 - w));
      expect(d.prior.p10, d.label).toBeLessThanOrEqual(at(0.1 + w));
      expect(d.prior.p90, d.label).toBeGreaterThanOrEqual(at(0.9 - w));
      expect(d.prior.p90, d.label).toBeLessThanOrEqual(at(0.9 + w));
    }
  }, 60_000);
});
