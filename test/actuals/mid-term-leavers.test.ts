import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { expectMeansWithin4Se, scenarioFrom, column, meanAndSe } from '../helpers/fixtures.js';
import { dueAfterLeavers } from '../../src/actuals/start-state.js';
import { monthlyFile } from './monthly-file.js';

/**
 * An aggregate book's customers who left mid-term in a closed month (churned_arr beyond what the
 * month's due customers did not renew) are not due again in the simulated months. The reference is
 * the book customer by customer: 120 customers at 10,000, 10 due each month; in month 1 the 10 due
 * all renew and 60 others leave mid-term. Which 60 is not known: any live customer is as likely, so
 * the 110 due in months 2..12 keep 110 x 60 / 120 = 55 of them in expectation (hypergeometric), 5 a
 * month, each renewing at the scenario's fixed 50%. So the year ends at 1,200,000 - 600,000 - 0.5 x
 * 55 x 10,000 = 325,000 on average (churn of 25,000 a month from month 2), and revenue is month 1's
 * 600,000 / 12 plus sum over m = 2..12 of (600,000 - 25,000 (m - 1)) / 12 = 462,500. Before the fix
 * the calendar's 110 customers were all still due: the year ended at 50,000.
 */
describe("an aggregate book's mid-term leavers of the closed months", () => {
  const yaml = `
name: mid-term leavers
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: 0.5, priceUplift: 0 }
`;
  const file = monthlyFile({ E: [{ renewed_arr: 100_000, churned_arr: 600_000, ending_arr: 600_000 }] });

  it('are not renewed or churned again after the closed months', async () => {
    const trials = 2000;
    const sim = await simulate(scenarioFrom(yaml), { trials, seed: 3, workers: 0, actuals: { file, months: 1 } });
    // The simulated churn count is Binomial(55, 0.5): sd 10,000 x sqrt(55 / 4) of ending ARR, SE over
    // the trials from the sample; 4 SE allow for the sampler's correlation-free draws.
    const ending = meanAndSe(column(sim, 'endingArr'));
    expect(Math.abs(ending.mean - 325_000)).toBeLessThan(4 * ending.se);
    expect(ending.sd).toBeGreaterThan(0.8 * 10_000 * Math.sqrt(55 / 4));
    // Renewals booked: month 1's 100,000 and half of the 55 still due after it (275,000 on average);
    // customers lost: the 60 mid-term leavers and 27.5 on average of the 55.
    expectMeansWithin4Se(sim, { revenue: 462_500, 'component.bookings.renewal': 375_000, customersLost: 87.5 });
  });

  it('thin the calendar after the closed months, rounded on its cumulative', () => {
    const uniform = new Int32Array(12).fill(10);
    expect([...dueAfterLeavers(uniform, 1, 0.5)]).toEqual([0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    // 110 x 0.3 = 33 over 11 months: cumulative 3, 6, ..., 33.
    expect([...dueAfterLeavers(uniform, 1, 0.3)]).toEqual([0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    // 20 x 0.25 = 5 over months 11 and 12: cumulative 2.5 -> 3 (half away from zero), then 5.
    expect([...dueAfterLeavers(uniform, 10, 0.25)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 2]);
  });
});
