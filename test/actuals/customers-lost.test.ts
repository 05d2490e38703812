import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioFrom, writeFiles, column } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * Customers who leave outside a renewal in the closed months are customers lost. A closed month's
 * churned_arr beyond what its due customers did not renew (a customer leaving mid-term, a book's
 * monthly-billed customer) was in GRR and the ARR bridge but counted as no customer lost: the
 * simulated months skip such leavers as being in the actuals.
 */
describe('customers lost in the closed months', () => {
  it('count churn beyond the due customers at the average ARR (an aggregate book: 50,000 at 10,000 is 5)', async () => {
    // 120 customers at 10,000, 10 due a month, all renewing (rate 1, no uplift): the year loses
    // exactly the 5 customers who churned mid-term in month 1, in every trial.
    const yaml = `
name: mid-term churn
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: 1, priceUplift: 0 }
`;
    const file = monthlyFile({ E: [{ renewed_arr: 100_000, churned_arr: 50_000, ending_arr: 1_150_000 }] });
    const sim = await simulate(scenarioFrom(yaml), { trials: 20, seed: 1, workers: 0, actuals: { file, months: 1 } });
    const lost = column(sim, 'customersLost');
    expect([...lost].every((x) => x === 5)).toBe(true);
    const s = summarize(sim);
    expect(s.metrics.endingArr.mean).toBe(1_150_000);
    expect(s.retention!.grr.mean).toBeCloseTo(1_150_000 / 1_200_000, 6);
  });

  it("count a customer book's monthly-billed leaver of a closed month (every trial loses at least it)", async () => {
    // c3 (50,000, monthly-billed) leaves in month 2, when no annual customer is due: one customer lost
    // in every trial, whatever c2 (due in month 3) does after.
    const dir = writeFiles({
      'book.yaml': `
name: monthly leaver
tiers:
  - name: B
    existing: { customersFile: customers.csv, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }, priceUplift: 0 }
`,
      'customers.csv': 'id,tier,arr,next_renewal,term_months\nc1,B,100000,1,12\nc2,B,200000,3,12\nc3,B,50000,,monthly\nc4,B,300000,24,36\n',
    });
    const loaded = await loadScenario(`${dir}/book.yaml`);
    const file = monthlyFile({
      B: [
        { renewed_arr: 100_000, churned_arr: 0, ending_arr: 650_000 },
        { renewed_arr: 0, churned_arr: 50_000, ending_arr: 600_000 },
      ],
    });
    const sim = await simulate(loaded, { trials: 400, seed: 2, workers: 0, actuals: { file, months: 2 } });
    const lost = column(sim, 'customersLost');
    expect(Math.min(...lost)).toBe(1);
  });
});
