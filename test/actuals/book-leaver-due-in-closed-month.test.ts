import { describe, expect, it } from 'vitest';
import { tierStart } from '../../src/actuals/start-state.js';
import { planLoaded, simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, writeFiles } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book's mid-term leaver who was a customer due in a closed month (closedMonthsDue,
 * bookShareAfterLeavers), at a renewal rate of exactly 0.5.
 *
 * - a1 (100,000, due month 1) renews in month 1, then 150,000 leaves in month 2 with five
 *   monthly-billed customers of 10,000: the five and a1 are 6 customers lost (counted 5: no annual
 *   customer was left after the closed months to take a1's 100,000 from), and the year ends at 0.
 * - a2 (due month 3) leaves in month 2 and month 3 renews and churns nothing: a2 is 1 customer lost
 *   (counted twice: once in month 2, once as month 3's due customer not renewing), and a3 (due month
 *   10) still renews or churns at 0.5 (it was taken out of the renewals: every trial ended at 200,000).
 */
describe("a customer book's mid-term leaver due in a closed month", () => {
  const scenario = (customers: string) =>
    writeFiles({
      'b.yaml': 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: 0.5, priceUplift: 0 }\n',
      'customers.csv': `id,tier,arr,next_renewal,term_months\n${customers}`,
    });

  it('counts a1, renewed in month 1 and gone in month 2 with the monthly-billed customers, as lost: 6', async () => {
    const monthly = [1, 2, 3, 4, 5].map((k) => `m${k},B,10000,,monthly\n`).join('');
    const dir = scenario(`${monthly}a1,B,100000,1,12\n`);
    const file = monthlyFile({
      B: [
        { renewed_arr: 100_000, churned_arr: 0, ending_arr: 150_000 },
        { renewed_arr: 0, churned_arr: 150_000, ending_arr: 0 },
      ],
    });
    const plan = planLoaded(await loadScenario(`${dir}/b.yaml`));
    expect(tierStart(plan.tiers[0]!, file.byTier.get('B')!, 2).counts).toMatchObject({ customersLost: 6, customersDue: 1, customersRenewed: 1 });
    const sim = await simulate(await loadScenario(`${dir}/b.yaml`), { trials: 20, seed: 1, workers: 0, actuals: { file, months: 2 } });
    expect(new Set(column(sim, 'customersLost'))).toEqual(new Set([6]));
    expect(new Set(column(sim, 'endingArr'))).toEqual(new Set([0]));
  });

  it('counts a2, due in month 3 and gone in month 2, once, and keeps a3 in the renewals', async () => {
    const dir = scenario('a1,B,100000,1,12\na2,B,100000,3,12\na3,B,100000,10,12\n');
    const file = monthlyFile({
      B: [
        { renewed_arr: 100_000, churned_arr: 0, ending_arr: 300_000 },
        { renewed_arr: 0, churned_arr: 100_000, ending_arr: 200_000 },
        { renewed_arr: 0, churned_arr: 0, ending_arr: 200_000 },
      ],
    });
    const plan = planLoaded(await loadScenario(`${dir}/b.yaml`));
    expect(tierStart(plan.tiers[0]!, file.byTier.get('B')!, 3).counts).toMatchObject({ customersLost: 1, customersDue: 1, customersRenewed: 1, arrDue: 100_000 });
    const sim = await simulate(await loadScenario(`${dir}/b.yaml`), { trials: 40, seed: 1, workers: 0, actuals: { file, months: 3 } });
    const ending = column(sim, 'endingArr');
    const lost = column(sim, 'customersLost');
    // a3 renews (200,000, a2 the one customer lost) or churns (100,000, two lost); at 0.5 both occur
    // in 40 trials but with probability 2^-39.
    expect(new Set(ending)).toEqual(new Set([100_000, 200_000]));
    ending.forEach((x, t) => expect(lost[t]).toBe(x === 100_000 ? 2 : 1));
  });
});
