import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioFrom, column, meanAndSe } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * The TailSplitter's thinning in a re-forecast: the new customers of the closed months expand some
 * months after they go live, and those whose expansion fell in the closed months are in the actuals;
 * only the rest are simulated. Worked by hand: 3 closed months of 10, 20 and 30 deals live at
 * signing, no leads after them (so no new customers but theirs); each customer expands with p = 0.3,
 * by a fixed 1,000, after 1, 4 or 7 months (0.3, 0.3, 0.4). The cohort of month m has had 3 - m
 * months since: of month 1's and month 2's, a lag of 1 fell in the closed months (months 2 and 3),
 * so each customer still expands with q = 0.3 x 0.7 = 0.21; of month 3's, all are still to come,
 * q = 0.3. Every lag lands by month 10. So the count of expansions is Binomial(10, 0.21) +
 * Binomial(20, 0.21) + Binomial(30, 0.3): mean 2.1 + 4.2 + 9 = 15.3, variance 30 x 0.21 x 0.79 + 30
 * x 0.3 x 0.7 = 11.277; the year's new-customer expansion ARR is 1,000 times it. Not thinned the
 * mean is 18; thinned by months since the year began (m - 1) 13.5, by m 12.6: each over 8 standard
 * errors away at these trials.
 */
describe("the closed months' new customers: only the expansions still to come are simulated", () => {
  it('the count still to come is the sum of the cohorts\' thinned binomials', async () => {
    const yaml = `
name: closed cohorts thinned
market: { loadings: { leads: 0, conversion: 0, renewal: 0, expansion: 0 } }
tiers:
  - name: N
    newBusiness: { leadsPerMonth: 0, conversion: 0.1, acv: 10000 }
    newCustomerExpansion:
      probability: 0.3
      size: 1000
      monthsAfterClose: { dist: discrete, values: [1, 4, 7], weights: [0.3, 0.3, 0.4] }
`;
    const row = (deals: number, ending: number) => ({ leads: 10 * deals, deals, new_arr: 10_000 * deals, ending_arr: ending });
    const file = monthlyFile({ N: [row(10, 100_000), row(20, 300_000), row(30, 600_000)] });
    const trials = 1000;
    const sim = await simulate(scenarioFrom(yaml), { trials, seed: 11, workers: 0, actuals: { file, months: 3 } });
    const count = column(sim, 'component.endingArr.newCustomerExpansion').map((x) => x / 1000);
    for (const c of count) expect(Number.isInteger(c)).toBe(true);

    const mean = 10 * 0.21 + 20 * 0.21 + 30 * 0.3;
    const variance = 30 * 0.21 * 0.79 + 30 * 0.3 * 0.7;
    expect(mean).toBeCloseTo(15.3, 12);
    expect(variance).toBeCloseTo(11.277, 12);
    const se = Math.sqrt(variance / trials);
    const m = meanAndSe(count);
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * se);
    // The sample variance's standard error, from the binomials' fourth central moment (approximated by
    // the sample's): sqrt((m4 - s^4) / n).
    let m4 = 0;
    for (const v of count) m4 += (v - m.mean) ** 4;
    m4 /= trials;
    expect(Math.abs(m.sd ** 2 - variance)).toBeLessThan(4 * Math.sqrt((m4 - m.sd ** 4) / trials));
    // Power: no thinning (18), or thinning by the wrong months (13.5, 12.6), is 8 SE or more away.
    for (const wrong of [0.3 * 60, 0.3 * (10 + 20 * 0.7 + 30 * 0.7), 0.3 * 0.7 * 60]) expect(Math.abs(wrong - mean)).toBeGreaterThan(8 * se);
  });
});
