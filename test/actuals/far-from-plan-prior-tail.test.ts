import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { QuantileTable } from '../../src/actuals/prior-table.js';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';
import { column, scenarioFrom } from '../helpers/fixtures.js';
import { batchMeans } from '../helpers/stats.js';
import { monthlyFile } from './monthly-file.js';

/**
 * Evidence far from the plan puts the posterior 2.5 to 3.8 prior standard scores out, where a prior
 * table of 16,384 draws has only a handful of draws beyond (below 100): its quantile there was off
 * by a few hundredths of a rate from one table seed to the next. An aggregate book of 120 customers
 * at 10,000, 10 due a month, renewal ~ Beta(a, b) with mean 0.9 and sd 0.05: a + b = 0.9 x 0.1 /
 * 0.0025 - 1 = 35, a = 31.5, b = 3.5. Month 1 loses all 10 due, so the posterior is Beta(31.5, 13.5)
 * (mean 0.7, about 3 prior scores below the centre) and the 110 due later churn C ~ beta-binomial(110,
 * 13.5, 31.5): mean 110 x 13.5 / 45 = 33, ending ARR 1,100,000 - 10,000 C.
 * Before the fix, seeds 2-6 at 2,000 trials gave mean churn 32.1, 34.9, 34.8, 33.4, 30.7 (the
 * mean's SE 0.2 to 0.5 by batch means): z-scores -4.0, 3.9, 6.6, 2.0, -8.8; after, within +-2.
 */
const YAML = `
name: renewal far from plan
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.9, sd: 0.05 }, priceUplift: 0 }
`;
const A = 31.5;
const B = 3.5 + 10;
const N = 110;
const SEEDS = [1, 2, 3, 4, 5, 6];

describe('a re-forecast whose posterior lies in the prior table\'s tail (2.5 to 3.8 scores out)', () => {
  const file = monthlyFile({ E: [{ due_arr: 100_000, renewed_arr: 0, churned_arr: 100_000, ending_arr: 1_100_000 }] });

  it('the 110 due later churn the beta-binomial mean 33 at every seed (chi-square of the seeds\' z-scores)', async () => {
    const mean = (N * B) / (A + B);
    const z: number[] = [];
    for (const seed of SEEDS) {
      const sim = await simulate(scenarioFrom(YAML), { trials: 2000, seed, workers: 0, actuals: { file, months: 1 } });
      const churned = column(sim, 'endingArr').map((x) => (1_100_000 - x) / 10_000);
      // Markov chain draws: the standard error from batch means.
      const m = batchMeans(churned);
      z.push((m.mean - mean) / m.se);
    }
    // Each seed's table is a different sample, so a table's error is a bias of that seed alone: the
    // sum of squared z-scores is chi-square with 6 degrees of freedom when every seed is unbiased.
    // Its 1e-4 upper quantile is 27.86 (scipy.stats.chi2.isf(1e-4, 6)); before the fix the sum was
    // over 150 (seed 6 alone z = -8.8).
    const chi2 = z.reduce((s, x) => s + x * x, 0);
    expect(chi2, `z-scores by seed ${z.map((x) => x.toFixed(2)).join(', ')}`).toBeLessThan(27.86);
  });

  // The class: every family with an exact quantile follows it wherever its table is thin, whatever the table's seed.
  const families: Array<[string, DistributionSpec]> = [
    ['beta 90% +- 5%', { dist: 'beta', mean: 0.9, sd: 0.05 }],
    ['lognormal', { dist: 'lognormal', median: 10_000, p90: 14_000 }],
    ['quantiles (metalog)', { dist: 'quantiles', quantiles: { p10: 1, p50: 2, p90: 3 } }],
  ] as Array<[string, DistributionSpec]>;
  it.each(families)('a %s table at scores +-2.7 to +-3.7 is the exact quantile for every seed', (_, spec) => {
    const d = compileDistribution(spec);
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const table = new QuantileTable(d, seed);
      for (const e of [-3.7, -3.3, -3, -2.7, 2.7, 3, 3.3, 3.7]) {
        const exact = d.scoreQuantile!(e);
        // Linear between exact points 1/512 of a score apart: relative error far below 1e-5 here.
        expect(Math.abs(table.atScore(e) - exact) / Math.abs(exact), `seed ${seed}, score ${e}`).toBeLessThan(1e-5);
      }
    }
  });
  // The bounded families, against their inverse CDFs written out here (u = Phi(e); Phi(+-3) and Phi(+-3.5) from tables).
  const PHI: Record<string, number> = { '-3.5': 2.326290790355250e-4, '-3': 1.349898031630094e-3 };
  const lowerTail = (e: number) => (e < 0 ? PHI[String(e)]! : 1 - PHI[String(-e)]!);
  const upperTail = (e: number) => (e > 0 ? PHI[String(-e)]! : 1 - PHI[String(e)]!);
  const bounded: Array<[string, DistributionSpec, (e: number) => number]> = [
    ['uniform 2 to 5', { dist: 'uniform', min: 2, max: 5 }, (e) => (e < 0 ? 2 + 3 * lowerTail(e) : 5 - 3 * upperTail(e))],
    // F(mode) = 1/4: below it min + sqrt(u (max - min)(mode - min)), above max - sqrt((1 - u)(max - min)(max - mode)).
    ['triangular 0, 1, 4', { dist: 'triangular', min: 0, mode: 1, max: 4 }, (e) => (e < 0 ? Math.sqrt(lowerTail(e) * 4) : 4 - Math.sqrt(upperTail(e) * 12))],
    // Mode at min: Beta(1, 5), whose quantile is 1 - (1 - u)^(1/5); on [0, 10].
    ['PERT 0, 0, 10', { dist: 'pert', min: 0, mode: 0, max: 10 }, (e) => 10 * (1 - upperTail(e) ** (1 / 5))],
  ] as Array<[string, DistributionSpec, (e: number) => number]>;
  it.each(bounded)('a %s table at scores +-3 and +-3.5 is its inverse CDF for every seed', (_, spec, quantile) => {
    const d = compileDistribution(spec);
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const table = new QuantileTable(d, seed);
      for (const e of [-3.5, -3, 3, 3.5]) {
        const exact = quantile(e);
        expect(Math.abs(table.atScore(e) - exact), `seed ${seed}, score ${e}: ${table.atScore(e)} vs ${exact}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(exact)));
      }
    }
  });

  // The truncated normal (the only normal a rate prior may use): Normal(0.9, 0.05) on [0, 1]. Its
  // quantiles at Phi(e), from scipy: stats.truncnorm(-18, 2, loc=0.9, scale=0.05).ppf(norm.cdf(e))
  // for e < 0, .isf(norm.sf(e)) for e > 0. Before its exact quantile, tables read 0.705-0.725 at -6.
  const TN_PRIOR: DistributionSpec = { dist: 'normal', mean: 0.9, sd: 0.05, min: 0, max: 1 };
  const TN_QUANTILES: Array<[number, number]> = [
    [-6, 0.5998132161728519], [-3.3, 0.7346773553318897], [-3, 0.7496498716313513], [3, 0.9988071253733208], [3.3, 0.9995662738725961],
  ];
  it('a truncated normal table at scores -6 to 3.3 is its quantile (scipy) for every seed', () => {
    const d = compileDistribution(TN_PRIOR);
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const table = new QuantileTable(d, seed);
      for (const [e, exact] of TN_QUANTILES) expect(Math.abs(table.atScore(e) - exact), `seed ${seed}, score ${e}: ${table.atScore(e)}`).toBeLessThan(1e-6);
    }
  });

  /**
   * Renewal ~ that truncated normal; months 1 and 2 lose all 20 due, so the posterior density is
   * TN(r) (1 - r)^20 (about 3 to 4 prior scores below its centre) and the 100 due later churn
   * 100 E[1 - r | data] = 100 I(21) / I(20), I(k) = integral of TN(r) (1 - r)^k over [0, 1] (Simpson's
   * rule below; 28.13). Before the exact quantile, seeds gave 25.6 to 28.7 (z -28 to +4).
   */
  it('a truncated normal prior: the 100 due after 20 lost churn its posterior mean at every seed', async () => {
    const yaml = YAML.replace('{ dist: beta, mean: 0.9, sd: 0.05 }', '{ dist: normal, mean: 0.9, sd: 0.05, min: 0, max: 1 }');
    const lost = { due_arr: 100_000, renewed_arr: 0, churned_arr: 100_000 };
    const twoMonths = monthlyFile({ E: [{ ...lost, ending_arr: 1_100_000 }, { ...lost, ending_arr: 1_000_000 }] });
    const steps = 20_000;
    const integral = (k: number): number => {
      const f = (r: number) => Math.exp(-0.5 * ((r - 0.9) / 0.05) ** 2) * (1 - r) ** k;
      let sum = f(0) + f(1);
      for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * f(i / steps);
      return sum / (3 * steps);
    };
    const mean = (100 * integral(21)) / integral(20);
    const z: number[] = [];
    for (const seed of [1, 2, 3]) {
      const sim = await simulate(scenarioFrom(yaml), { trials: 2000, seed, workers: 0, actuals: { file: twoMonths, months: 2 } });
      const m = batchMeans(column(sim, 'endingArr').map((x) => (1_000_000 - x) / 10_000));
      z.push((m.mean - mean) / m.se);
    }
    // Chi-square with 3 degrees of freedom when every seed is unbiased: 1e-4 upper quantile 21.11 (scipy chi2.isf(1e-4, 3)).
    const chi2 = z.reduce((s, x) => s + x * x, 0);
    expect(chi2, `mean ${mean.toFixed(3)}, z-scores by seed ${z.map((x) => x.toFixed(2)).join(', ')}`).toBeLessThan(21.11);
  });
});
