import { describe, it } from 'vitest';
import { column, run, expectWithin4Se } from '../helpers/fixtures.js';

/**
 * Each way a planner states a driver (DOMAIN's sampling advice: a lognormal from its median and P90
 * or its P10 and P90, a beta from its mean and sd, PERT and triangular from min / mode / max, a
 * truncated normal, observed values, weighted values) gives, through the whole model, the mean
 * written out here from the distribution's textbook formula, not from arrcast's parameter code.
 * One deal a month at conversion 1 makes ending ARR the sum of 12 independent ACVs; ten a month for
 * the truncated normal, whose sums are drawn deal by deal. Means within 4 standard errors.
 */

/** The standard normal's 90th percentile. */
const Z90 = 1.2815515655446004;

const dealsAMonth = (n: number, acv: string) => `
name: parameterisation
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: ${n}
      conversion: 1
      acv: ${acv}
`;

describe('ACV as a planner states it: mean ending ARR = 12 x deals a month x E[ACV]', () => {
  // A lognormal's mean is exp(mu + sigma^2 / 2), with mu = ln(median) and sigma = ln(P90 / median) / z90,
  // or mu = the mean of ln P10 and ln P90 and sigma = ln(P90 / P10) / (2 z90); from its mean m and sd s,
  // the mean is m.
  const p10p90 = Math.exp((Math.log(8000) + Math.log(20000)) / 2 + (Math.log(20000 / 8000) / (2 * Z90)) ** 2 / 2);
  const cases: Array<[string, number]> = [
    ['{ dist: lognormal, median: 10000, p90: 20000 }', 10000 * Math.exp((Math.log(2) / Z90) ** 2 / 2)],
    ['{ dist: lognormal, p10: 8000, p90: 20000 }', p10p90],
    ['{ dist: lognormal, mean: 12000, sd: 4000 }', 12000],
    ['{ dist: lognormal, mu: 9, sigma: 0.5 }', Math.exp(9 + 0.5 ** 2 / 2)],
    // PERT: (min + 4 mode + max) / 6; triangular: (min + mode + max) / 3; uniform: the midpoint.
    ['{ dist: pert, min: 1000, mode: 2000, max: 9000 }', (1000 + 4 * 2000 + 9000) / 6],
    ['{ dist: triangular, min: 1000, mode: 2000, max: 9000 }', (1000 + 2000 + 9000) / 3],
    ['{ dist: uniform, min: 1000, max: 9000 }', 5000],
    // Observed values resampled with equal weight; weighted values by their weights.
    ['{ dist: empirical, values: [1000, 2000, 6000] }', 3000],
    ['{ dist: discrete, values: [1000, 5000], weights: [3, 1] }', (3 * 1000 + 5000) / 4],
  ];
  it.each(cases)('%s', async (acv, mean) => {
    expectWithin4Se(column(await run(dealsAMonth(1, acv), 3000), 'endingArr'), 12 * mean);
  });

  it('a normal truncated at 0: mean mu + sigma phi(a) / (1 - Phi(a)), a = -mu / sigma, ten deals a month', async () => {
    const sim = await run(dealsAMonth(10, '{ dist: normal, mean: 1000, sd: 800, min: 0 }'), 3000);
    const a = -1000 / 800;
    const phi = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI);
    // Phi(-1.25), from a normal table.
    const Phi = 0.10564977366685535;
    expectWithin4Se(column(sim, 'endingArr'), 120 * (1000 + (800 * phi) / (1 - Phi)));
  });
});

describe('conversion as a planner states it: mean deals = 1,200 leads x E[rate]', () => {
  const conversion = (spec: string) => `
name: parameterisation
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 100
      conversion: ${spec}
      acv: 1000
`;
  it.each([
    // Beta(alpha, beta): alpha / (alpha + beta); PERT on a rate as on an amount.
    ['{ dist: beta, alpha: 2, beta: 38 }', 2 / 40],
    ['{ dist: beta, mean: 0.05, sd: 0.01 }', 0.05],
    ['{ dist: pert, min: 0.01, mode: 0.02, max: 0.09 }', (0.01 + 4 * 0.02 + 0.09) / 6],
  ])('%s', async (spec, rate) => {
    expectWithin4Se(column(await run(conversion(spec), 3000), 'customersWon'), 1200 * rate);
  });
});
