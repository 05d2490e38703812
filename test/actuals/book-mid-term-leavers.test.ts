import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, meanAndSe, writeFiles } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book's annual customers who left mid-term in a closed month are not renewed or churned
 * again. The book: c1 100,000 due in month 1, c2 200,000 due in month 9, c3 300,000 due in month 10,
 * renewal rate 0.5. Month 1: c1 renews (ending 600,000); month 2: 200,000 churns with nothing due
 * (ending 400,000). Which customer left the file cannot say: the 200,000 is taken from c2 and c3 in
 * proportion to their ARR (each keeps 300,000 / 500,000 = 0.6: c2 120,000, c3 180,000), and of their
 * two customers one is left (each counts as half a customer). So each trial ends at 400,000 less
 * 120,000 if c2 churns, less 180,000 if c3 does (independent, 1/2 each): 100,000, 220,000, 280,000 or
 * 400,000, mean 250,000. Revenue: 600,000 (month 1) + 7 x 400,000 + 340,000 (month 9, mean) + 3 x
 * 250,000, over 12 = 374,166.67 on average. Customers lost: the leaver plus half of each churn:
 * 1 + 0.5 x (0.5 + 0.5) = 1.5 on average. Before the fix the full 200,000 and 300,000 renewed or
 * churned: the year ended at 148,000 on average, -100,000 in a quarter of the trials.
 */
describe("a customer book's mid-term leavers of the closed months", () => {
  it('are taken from the customers not due in the closed months, in proportion to their ARR', async () => {
    const dir = writeFiles({
      'book.yaml': 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: 0.5, priceUplift: 0 }\n',
      'customers.csv': 'id,tier,arr,next_renewal,term_months\nc1,B,100000,1,12\nc2,B,200000,9,12\nc3,B,300000,10,12\n',
    });
    const file = monthlyFile({
      B: [
        { renewed_arr: 100_000, churned_arr: 0, ending_arr: 600_000 },
        { renewed_arr: 0, churned_arr: 200_000, ending_arr: 400_000 },
      ],
    });
    const sim = await simulate(await loadScenario(`${dir}/book.yaml`), { trials: 400, seed: 1, workers: 0, actuals: { file, months: 2 } });
    const ending = column(sim, 'endingArr');
    // Every trial is one of the four outcomes (exactly: the shares are 0.6 of whole amounts).
    const outcomes = new Set([100_000, 220_000, 280_000, 400_000]);
    for (const x of ending) expect(outcomes.has(Math.round(x))).toBe(true);
    const e = meanAndSe(ending);
    expect(Math.abs(e.mean - 250_000)).toBeLessThan(4 * e.se);
    const revenue = meanAndSe(column(sim, 'revenue'));
    expect(Math.abs(revenue.mean - 4_490_000 / 12)).toBeLessThan(4 * revenue.se);
    const lost = meanAndSe(column(sim, 'customersLost'));
    expect(Math.abs(lost.mean - 1.5)).toBeLessThan(4 * lost.se);
    // Renewals booked: c1's 100,000 and half of 120,000 + 180,000.
    const renewal = meanAndSe(column(sim, 'component.bookings.renewal'));
    expect(Math.abs(renewal.mean - 250_000)).toBeLessThan(4 * renewal.se);
  });
});
