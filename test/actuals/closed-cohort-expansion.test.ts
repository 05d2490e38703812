import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioFrom, column, meanAndSe } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * The new customers of a re-forecast's closed months still to expand after them: which of them
 * expand, and by how much, is drawn, not taken in expectation. The closed form: 3 closed months of 20
 * deals each; every new customer expands 9 months after it closes with this year's probability p ~
 * Beta(mean 0.3, sd 0.1) (not learned: nothing in the file speaks to it, and no market loading), by
 * a lognormal size S (median 9,000, P90 25,000). The closed cohorts expand in months 10..12 only
 * (none in the closed months, so nothing there conditions them), the later cohorts after the year.
 * So the year's new-customer expansion is X = S_1 + ... + S_N, N | p ~ Binomial(60, p):
 * E[X] = 60 E[p] E[S], Var(X) = E[N] Var(S) + Var(N) E[S]^2, Var(N) = 60 E[p(1 - p)] + 60^2 Var(p).
 * Taken in expectation X would not vary at all; without the year-level p its variance is 55% less.
 */
describe("closed months' new customers still to expand", () => {
  it('expand by the compound law of the cohort, year-level rate included', async () => {
    const yaml = `
name: closed cohorts expand
market: { loadings: { leads: 0, conversion: 0, renewal: 0, expansion: 0 } }
tiers:
  - name: N
    newBusiness: { leadsPerMonth: 200, conversion: 0.1, acv: 10000 }
    newCustomerExpansion:
      probability: { dist: beta, mean: 0.3, sd: 0.1 }
      size: { dist: lognormal, median: 9000, p90: 25000 }
      monthsAfterClose: 9
`;
    const row = (m: number) => ({ leads: 200, deals: 20, new_arr: 200_000, ending_arr: 200_000 * m });
    const file = monthlyFile({ N: [row(1), row(2), row(3)] });
    const trials = 4000;
    const sim = await simulate(scenarioFrom(yaml), { trials, seed: 5, workers: 0, actuals: { file, months: 3 } });
    const x = column(sim, 'component.endingArr.newCustomerExpansion');

    const sigma = Math.log(25_000 / 9_000) / 1.2815515655446004;
    const meanS = 9_000 * Math.exp(sigma ** 2 / 2);
    const varS = 9_000 ** 2 * Math.exp(sigma ** 2) * Math.expm1(sigma ** 2);
    const n = 60;
    const ep = 0.3;
    const vp = 0.1 ** 2;
    const meanN = n * ep;
    const varN = n * (ep - (vp + ep ** 2)) + n * n * vp;
    const mean = meanN * meanS;
    const variance = meanN * varS + varN * meanS ** 2;

    const m = meanAndSe(x);
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / trials));
    // The sample variance's standard error from the sample's fourth central moment: sqrt((m4 - s^4) / n).
    let m4 = 0;
    for (const v of x) m4 += (v - m.mean) ** 4;
    m4 /= trials;
    const varSe = Math.sqrt((m4 - m.sd ** 4) / trials);
    expect(Math.abs(m.sd ** 2 - variance)).toBeLessThan(4 * varSe);
    // Power: the variance without the year-level layer (p fixed at 0.3) is 8 SE or more away (a sd
    // of p of 0.1, not 0.05: at 0.05 the layer is 24% of the variance, under 8 SE at these trials).
    const withoutYearLevel = meanN * varS + n * ep * (1 - ep) * meanS ** 2;
    expect(Math.abs(withoutYearLevel - variance)).toBeGreaterThan(8 * varSe);
  });
});
