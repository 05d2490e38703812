import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { QuantileTable } from '../../src/actuals/prior-table.js';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import { scenarioFrom, column } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';
import { batchMeans } from '../helpers/stats.js';

/**
 * Actuals far outside the plan: a conversion planned at 5% +- 1.5% (Beta(a, b), a + b = 0.0475 /
 * 0.000225 - 1 = 210.11) meets 550 deals from 2,000 leads (a month at plan, then a month of ten
 * times the planned deals). The posterior is Beta(a + 550, b + 1,450): mean 560.51 / 2,210.11 =
 * 25.36%, sd 0.93%. That is 8 prior standard scores out, far beyond the most extreme of the prior
 * table's 16,384 draws (about 13%), where the learned conversion used to stop.
 */
const YAML = `
name: far evidence
seed: 5
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1000
      conversion: { dist: beta, mean: 0.05, sd: 0.015 }
      salesCycleMonths: 0
      acv: 12000
`;

const nu = (0.05 * 0.95) / 0.015 ** 2 - 1;
const A = 0.05 * nu + 550;
const B = 0.95 * nu + 1450;
const MEAN = A / (A + B);
const SD = Math.sqrt((A * B) / ((A + B) ** 2 * (A + B + 1)));


describe('a re-forecast from actuals far outside the plan', () => {
  it('learns the exact Beta posterior of a ten-times month, not the prior sample\'s largest draw', async () => {
    const file = monthlyFile({
      T: [
        { leads: 1000, deals: 50, new_arr: 600_000, ending_arr: 600_000 },
        { leads: 1000, deals: 500, new_arr: 6_000_000, ending_arr: 6_600_000 },
      ],
    });
    const sim = await simulate(scenarioFrom(YAML), { trials: 4000, seed: 5, workers: 0, actuals: { file, months: 2 } });
    const p = column(sim, 'driver.T.conversion');
    expect(MEAN).toBeCloseTo(0.2536, 4);
    // The trials come from Markov chains (neighbours correlated): every standard error is from batch means.
    const m = batchMeans(p);
    expect(Math.abs(m.mean - MEAN), `posterior mean ${m.mean} vs ${MEAN} (SE ${m.se})`).toBeLessThanOrEqual(4 * m.se);
    // The variance as the mean of squared deviations from the exact mean, its SE by batch means too.
    const v = batchMeans(p.map((x) => (x - MEAN) ** 2));
    expect(Math.abs(v.mean - SD ** 2), `posterior variance ${v.mean} vs ${SD ** 2} (SE ${v.se})`).toBeLessThanOrEqual(4 * v.se);
    // The rest of the year: revenue = 600,000 (closed) + sum over months 3..12 of (6.6M + 12M p (k - 2)) / 12
    // = 600,000 + 5.5M + 55M p, so its mean is 6.1M + 55M E[p | the two months] (with Poisson months around 1,000 leads).
    const revenue = batchMeans(column(sim, 'revenue'));
    const expected = 6_100_000 + 55_000_000 * MEAN;
    expect(Math.abs(revenue.mean - expected), `mean revenue ${revenue.mean} vs ${expected} (SE ${revenue.se})`).toBeLessThanOrEqual(4 * revenue.se);
  });

  it('has prior tables that follow the family exactly beyond their sample', () => {
    const beta = new QuantileTable(compileDistribution({ dist: 'beta', mean: 0.05, sd: 0.015 }), 'far');
    // Beta(10.506, 199.61): P(X > 0.2) = 1.02e-10, a normal score of 6.358 (scipy.stats.beta.sf, norm.isf).
    expect(beta.atScore(6.358067633322886)).toBeCloseTo(0.2, 4);
    expect(beta.atScore(9)).toBeGreaterThan(beta.atScore(8));
    const lognormal = new QuantileTable(compileDistribution({ dist: 'lognormal', median: 10_000, p90: 14_000 }), 'far');
    // exp(mu + sigma e): sigma = ln(1.4) / 1.2815516, so e = 6 gives 10,000 x 1.4^(6 / 1.2815516).
    expect(lognormal.atScore(6) / (10_000 * 1.4 ** (6 / 1.2815515655446004))).toBeCloseTo(1, 9);
    expect(lognormal.atScore(-6) * lognormal.atScore(6)).toBeCloseTo(1e8, -1);
    // A planner's P10 1 / P50 2 / P90 3 is a logistic: x = 2 + s ln(y / (1 - y)), s = 1 / ln 9. At a score
    // of 6, y / (1 - y) = Phi(6) / Phi(-6) = 1 / 9.8659e-10 (Phi(-6) = 9.8658765e-10).
    const metalog = new QuantileTable(compileDistribution({ dist: 'quantiles', quantiles: { p10: 1, p50: 2, p90: 3 } }), 'far');
    const logistic = (e: number) => 2 + (Math.sign(e) * Math.log((1 - 9.8658765e-10) / 9.8658765e-10)) / Math.log(9);
    expect(metalog.atScore(6)).toBeCloseTo(logistic(6), 6);
    expect(metalog.atScore(-6)).toBeCloseTo(logistic(-6), 6);
  });
});
