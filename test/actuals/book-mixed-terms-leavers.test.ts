import { describe, expect, it } from 'vitest';
import { learningModel } from '../../src/actuals/learning-model.js';
import { tierStart } from '../../src/actuals/start-state.js';
import { planLoaded, simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, writeFiles } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book with monthly-billed and annual customers, and mid-term leavers among both in a
 * closed month. Monthly-billed customers absorb the churn beyond the due customers' first, up to
 * their ARR; the rest left the annual customers not due in the closed months (bookShareAfterLeavers).
 *
 * The book: five monthly-billed customers of 50,000 in all, a1 100,000 due in month 1, a2 100,000
 * due in month 9 and a3 100,000 due in month 10. Month 1: a1 renews; month 2: 150,000 churns with
 * nothing due: the five monthly-billed customers (50,000) and one annual customer (100,000: a2 and
 * a3 keep half their ARR each and count as half a customer each).
 */
describe('a customer book of monthly-billed and annual customers, mid-term leavers among both', () => {
  const scenario = (renewalRate: string, monthly: string) =>
    writeFiles({
      'book.yaml': `name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: ${renewalRate}, priceUplift: 0 }\n`,
      'customers.csv': `id,tier,arr,next_renewal,term_months\n${monthly}a1,B,100000,1,12\na2,B,100000,9,12\na3,B,100000,10,12\n`,
    });
  const alike = 'm1,B,10000,,monthly\nm2,B,10000,,monthly\nm3,B,10000,,monthly\nm4,B,10000,,monthly\nm5,B,10000,,monthly\n';
  const file = (churned: number, ending: number) =>
    monthlyFile({
      B: [
        { renewed_arr: 100_000, churned_arr: 0, ending_arr: 350_000 },
        { renewed_arr: 0, churned_arr: churned, ending_arr: ending },
      ],
    });

  it('count the closed months\' leavers as 5 monthly-billed customers and 1 annual one, not 150,000 at the monthly-billed average (15)', async () => {
    const loaded = await loadScenario(`${scenario('0.5', alike)}/book.yaml`);
    const sim = await simulate(loaded, { trials: 200, seed: 1, workers: 0, actuals: { file: file(150_000, 200_000), months: 2 } });
    // 6 in the closed months; a2 and a3 each churn with probability 1/2, each half a customer.
    const lost = column(sim, 'customersLost');
    for (const x of lost) expect([6, 6.5, 7]).toContain(x);
    expect(lost.some((x) => x === 6) && lost.some((x) => x === 7)).toBe(true);
    const ending = column(sim, 'endingArr');
    for (const x of ending) expect([100_000, 150_000, 200_000]).toContain(Math.round(x));
  });

  it('teach the renewal rate from the monthly-billed customers\' ARR alone (the annual leaver is not theirs)', async () => {
    // Monthly-billed ARRs that differ: the term is the normal one (likelihood-terms.ts monthlyLeaversTerm).
    const unlike = 'm1,B,6000,,monthly\nm2,B,8000,,monthly\nm3,B,10000,,monthly\nm4,B,12000,,monthly\nm5,B,14000,,monthly\n';
    const plan = planLoaded(await loadScenario(`${scenario('{ dist: beta, mean: 0.8, sd: 0.1 }', unlike)}/book.yaml`));
    const term = (f: ReturnType<typeof file>) => {
      const model = learningModel(plan, f, 2, 't');
      const at = model.termNames.findIndex((t) => t.term === 'monthly-billed churn');
      expect(at).toBeGreaterThanOrEqual(0);
      return [-1, 0, 1].map((s) => {
        const point = new Float64Array(model.dimension).fill(s);
        return model.termValues(point)[at]!;
      });
    };
    expect(tierStart(plan.tiers[0]!, file(150_000, 200_000).byTier.get('B')!, 2).monthlyLeftArr).toBe(50_000);
    // What the monthly-billed customers say is the same whether an annual customer also left or not.
    expect(term(file(150_000, 200_000))).toEqual(term(file(50_000, 300_000)));
  });
});
