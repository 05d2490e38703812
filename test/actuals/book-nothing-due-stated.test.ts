import { describe, expect, it } from 'vitest';
import { learningModel } from '../../src/actuals/learning-model.js';
import { tierStart } from '../../src/actuals/start-state.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { writeFiles } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book's closed month for which the file states that nothing came up for renewal
 * (due_arr 0) where the book has a customer due: its renewal dates are a plan, and the file's due_arr
 * is the fact (as everywhere else it is read). The re-forecast read "0 renewed" against the book's
 * 100,000 due: the customer counted as lost (its ARR still live in ending_arr), and the renewal
 * likelihood weighed a month that lost all its due ARR, pulling the learned rate down.
 */
describe("a customer book's month with due_arr 0 where the book has a customer due", () => {
  const files = {
    's.yaml': 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: { dist: beta, mean: 0.7, sd: 0.1 }, priceUplift: 0 }\n',
    'customers.csv': 'id,tier,arr,next_renewal,term_months\nc1,B,100000,1,12\nc2,B,100000,9,12\nc3,B,100000,10,12\n',
  };
  const file = monthlyFile({
    B: [
      { renewed_arr: 0, churned_arr: 0, due_arr: 0, ending_arr: 300_000 },
      { renewed_arr: 0, churned_arr: 0, due_arr: 0, ending_arr: 300_000 },
    ],
  });

  it('counts no customer lost or due in it', async () => {
    const plan = planLoaded(await loadScenario(`${writeFiles(files)}/s.yaml`));
    const start = tierStart(plan.tiers[0]!, file.byTier.get('B')!, 2);
    expect(start.counts).toMatchObject({ customersLost: 0, customersDue: 0, customersRenewed: 0, arrDue: 0 });
  });

  it('teaches the renewal rate nothing', async () => {
    const plan = planLoaded(await loadScenario(`${writeFiles(files)}/s.yaml`));
    const model = learningModel(plan, file, 2, 't');
    const at = model.termNames.findIndex((t) => t.term === 'renewals');
    expect(at).toBeGreaterThanOrEqual(0);
    const values = [-1.5, 0, 1.5].map((s) => model.termValues(new Float64Array(model.dimension).fill(s))[at]!);
    expect(values[0]).toBe(values[1]);
    expect(values[2]).toBe(values[1]);
  });
});
