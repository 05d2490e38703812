import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { batchMeans } from '../helpers/stats.js';

/**
 * A re-forecast whose renewal rate has a discrete or empirical prior learns each value's posterior
 * weight exactly. The reference here is the plain one: Bayes' rule over the prior's values, each
 * value's weight times its binomial likelihood, the market factor (when the rate loads on it)
 * integrated out by quadrature on a fine grid. Until December 2026 the chain's draws of the values
 * were biased towards the evidence's value: 0.6 at a weight of 1% against 0.9, renewing 5 of 10 due,
 * was drawn in 0.612 of 100,000 trials (seed 1) where the posterior holds 0.577.
 */
const run = async (renewalRate: string, loading: number, trials: number, seed: number) => {
  const loaded = parseScenario(
    `name: p\nfiscalYearStartMonth: 1\nmarket: { loadings: { renewal: ${loading} } }\ntiers:\n  - name: Book\n    existing: { openingArr: 120000, customers: 120, renewalRate: ${renewalRate} }\n`,
    'p.yaml',
  );
  // Month 1: 10 customers of 1,000 due, 5 renew.
  const csv = 'month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,Book,5000,5000,10000,115000\n';
  const file = parseMonthlyFile(csv, 'a.csv', { kind: 'actuals', tiers: ['Book'], calendar: { startMonth: 1 } });
  const sim = await simulate(loaded, { trials, seed, workers: 0, actuals: { file, months: 1 } });
  const d = sim.reforecast!.model.drivers[0]!;
  const column = sim.store.column(d.driver.ownColumn!);
  if (!column) throw new Error('the renewal rate is learned: its own draws are stored');
  return column;
};

/** P(value | 5 of 10 renewed) for each value, by Bayes' rule; with a loading b the rate is logistic(logit(v) + b z), z ~ N(0, 1) integrated on a grid of step 0.001 over +-10. */
const exactPosterior = (values: number[], weights: number[], loading: number): number[] => {
  const like = (p: number) => p ** 5 * (1 - p) ** 5;
  const mass = values.map((v, k) => {
    if (loading === 0) return weights[k]! * like(v);
    let s = 0;
    for (let z = -10; z <= 10; z += 0.001) {
      const p = 1 / (1 + Math.exp(-(Math.log(v / (1 - v)) + loading * z)));
      s += Math.exp(-(z * z) / 2) * like(p);
    }
    return weights[k]! * s;
  });
  const total = mass.reduce((a, b) => a + b, 0);
  return mass.map((m) => m / total);
};

/** The share of draws at each value (float32 columns: matched to the nearest value). */
const shares = (column: ArrayLike<number>, values: number[]): number[] => {
  const count = values.map(() => 0);
  for (let i = 0; i < column.length; i++) {
    let best = 0;
    for (let k = 1; k < values.length; k++) if (Math.abs(column[i]! - values[k]!) < Math.abs(column[i]! - values[best]!)) best = k;
    count[best]!++;
  }
  return count.map((c) => c / column.length);
};

describe('re-forecast: a discrete or empirical prior learns its exact posterior', () => {
  it('0.6 at 1% else 0.9, 5 of 10 renewed: the share drawn at 0.6 is the exact 0.5766 within 4 standard errors', async () => {
    const column = await run('{ dist: discrete, values: [0.6, 0.9], weights: [0.01, 0.99] }', 0, 100_000, 1);
    const [p] = exactPosterior([0.6, 0.9], [0.01, 0.99], 0);
    expect(p).toBeCloseTo(0.5766, 4);
    // With no loading the value's conditional is all there is: each kept draw is an independent
    // Bernoulli(p), its share's standard error sqrt(p (1 - p) / n) = 0.0016. (Before: 0.612.)
    const se = Math.sqrt((p! * (1 - p!)) / column.length);
    const [got] = shares(column, [0.6, 0.9]);
    expect(Math.abs(got! - p!)).toBeLessThan(4 * se);
    // The draws are the prior's values, never a value between them.
    expect(Array.from(column).every((x) => x === Math.fround(0.6) || x === Math.fround(0.9))).toBe(true);
  });

  it('an empirical prior of 50 values, 0.6 once: its exact weight 1/50 (not its share of a 16,384-draw sample)', async () => {
    const values = [0.6, ...Array(49).fill(0.9)];
    const column = await run(`{ dist: empirical, values: [${values.join(', ')}] }`, 0, 50_000, 2);
    const [p] = exactPosterior([0.6, 0.9], [1 / 50, 49 / 50], 0);
    const se = Math.sqrt((p! * (1 - p!)) / column.length);
    const [got] = shares(column, [0.6, 0.9]);
    expect(Math.abs(got! - p!)).toBeLessThan(4 * se);
  });

  it('three values, the rate loading 0.5 on the market: each share is the quadrature posterior within 4 chain standard errors', async () => {
    const values = [0.5, 0.7, 0.9];
    const weights = [0.02, 0.18, 0.8];
    const column = await run(`{ dist: discrete, values: [${values.join(', ')}], weights: [${weights.join(', ')}] }`, 0.5, 100_000, 3);
    const exact = exactPosterior(values, weights, 0.5);
    const got = shares(column, values);
    values.forEach((v, k) => {
      // The market factor moves slowly along the chain, so the draws are not independent: the
      // standard error from the spread of the 100 chains' (chunks of 1,000 trials) own shares.
      const se = batchMeans(Float64Array.from(column, (x) => +(Math.abs(x - v) < 0.01)), 1000).se;
      expect(Math.abs(got[k]! - exact[k]!), `value ${v}: ${got[k]} against ${exact[k]}, se ${se}`).toBeLessThan(4 * se);
    });
  });

  // The chain's start used to be the scores' centre, the prior's median value: where the evidence
  // rules that value out though another is possible, the re-forecast was refused as "impossible".
  it('conversion 0 at 60% else 0.05, 40 deals from 1,000 leads: runs, and every draw is 0.05 (the posterior is certain)', async () => {
    const loaded = parseScenario(
      'name: c\nfiscalYearStartMonth: 1\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: 1000\n      conversion: { dist: discrete, values: [0, 0.05], weights: [0.6, 0.4] }\n      salesCycleMonths: 0\n      acv: 12000\n',
      'c.yaml',
    );
    const csv = 'month,tier,leads,deals,new_arr,ending_arr\n1,T,1000,40,480000,480000\n';
    const file = parseMonthlyFile(csv, 'a.csv', { kind: 'actuals', tiers: ['T'], calendar: { startMonth: 1 } });
    const sim = await simulate(loaded, { trials: 4000, seed: 14, workers: 0, actuals: { file, months: 1 } });
    const column = sim.store.column(sim.reforecast!.model.drivers[0]!.driver.ownColumn!)!;
    expect(column.length).toBe(4000);
    expect(Array.from(column).every((x) => x === Math.fround(0.05))).toBe(true);
  });

  it('renewal 1.0 at 60% else 0.9, 5 of 10 renewed: runs, and every draw is 0.9', async () => {
    const column = await run('{ dist: discrete, values: [1.0, 0.9], weights: [0.6, 0.4] }', 0, 4000, 5);
    expect(Array.from(column).every((x) => x === Math.fround(0.9))).toBe(true);
  });

  it('an empirical prior of 100 values (past the enumerated 64: an independence Metropolis move): the posterior mean within 4 chain standard errors, only the prior values drawn', async () => {
    const values = Array.from({ length: 100 }, (_, i) => +(0.5 + 0.005 * i).toFixed(3));
    const column = await run(`{ dist: empirical, values: [${values.join(', ')}] }`, 0, 40_000, 12);
    const post = exactPosterior(values, values.map(() => 1 / 100), 0);
    const exactMean = values.reduce((s, v, k) => s + v * post[k]!, 0);
    const { mean, se } = batchMeans(Float64Array.from(column), 1000);
    expect(Math.abs(mean - exactMean), `${mean} against ${exactMean}, se ${se}`).toBeLessThan(4 * se);
    // Before December 2026 the draws fell between the values (2,647 distinct values in 40,000 draws).
    const allowed = new Set(values.map((v) => Math.fround(v)));
    expect(Array.from(column).every((x) => allowed.has(x))).toBe(true);
  });
});
