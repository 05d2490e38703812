import { describe, expect, it } from 'vitest';
import { tierLikelihood } from '../../src/actuals/likelihood-terms.js';
import { scenarioStart } from '../../src/actuals/start-state.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { writeFiles } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book's month with less due than its customers of the month (one of them gone mid-term
 * before, matched to the month by closedMonthsDue) teaches the renewal rate what the customers still
 * due say. Three customers of 100,000 due in month 2; 100,000 leaves mid-term in month 1; month 2
 * renews 100,000 and churns 100,000: two customers were due, one renewed. Its renewal term must be
 * that of a book of two customers due in month 2, one renewing (the normal approximation's mean
 * 200,000 p and variance 2 x 100,000^2 p (1 - p)). Before, the month's renewed share (1 of 2) was
 * applied to the whole group of 3: 150,000 renewed of 300,000, evidence of 3 customers from 2.
 */
describe("a customer book's month partly due after a mid-term leaver", () => {
  const term = async (customers: string, rows: Parameters<typeof monthlyFile>[0]['B']) => {
    const dir = writeFiles({
      'b.yaml': 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: { dist: beta, mean: 0.7, sd: 0.1 }, priceUplift: 0 }\n',
      'customers.csv': `id,tier,arr,next_renewal,term_months\n${customers}`,
    });
    const loaded = await loadScenario(`${dir}/b.yaml`);
    const t = planLoaded(loaded).tiers[0]!;
    const { terms, used } = tierLikelihood(t, loaded.scenario.tiers[0]!, monthlyFile({ B: rows }).byTier.get('B')!, () => true);
    expect(used).toEqual(['renewals']);
    return (p: number) => terms[0]!(0, new Float64Array(t.plannedDrivers.length).fill(p));
  };

  it('weighs the two customers still due, not the group of three', async () => {
    const partly = await term('a1,B,100000,2,12\na2,B,100000,2,12\na3,B,100000,2,12\n', [
      { renewed_arr: 0, churned_arr: 100_000, ending_arr: 200_000 },
      { renewed_arr: 100_000, churned_arr: 100_000, ending_arr: 100_000 },
    ]);
    const two = await term('a1,B,100000,2,12\na2,B,100000,2,12\n', [
      { renewed_arr: 0, churned_arr: 0, ending_arr: 200_000 },
      { renewed_arr: 100_000, churned_arr: 100_000, ending_arr: 100_000 },
    ]);
    // By hand, the two customers' term: -(100,000 - 200,000 p)^2 / (2 v) - log(v) / 2, v = 2e10 p (1 - p).
    const byHand = (p: number) => {
      const v = 2e10 * p * (1 - p);
      return -((100_000 - 200_000 * p) ** 2) / (2 * v) - Math.log(v) / 2;
    };
    for (const p of [0.3, 0.5, 0.7, 0.9]) {
      expect(two(p)).toBeCloseTo(byHand(p), 9);
      expect(partly(p)).toBeCloseTo(byHand(p), 9);
    }
  });

  // The start's customer counts take a partly due month by the same rule (bookDueShare): three
  // customers of 100,000 due in month 2, due_arr 200,000 (two came up), 100,000 renewed: 1 of 2
  // renewed, 1 lost (logo renewal 0.5). Before, the renewed share (1/2) was applied to all three
  // (2 of 3 renewed: logo renewal 0.667).
  it('counts the customers still due in the start (renewed and lost) as the likelihood weighs them', async () => {
    const dir = writeFiles({
      'b.yaml': 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: 0.7, priceUplift: 0 }\n',
      'customers.csv': 'id,tier,arr,next_renewal,term_months\na1,B,100000,2,12\na2,B,100000,2,12\na3,B,100000,2,12\n',
    });
    const plan = planLoaded(await loadScenario(`${dir}/b.yaml`));
    const rows = [
      { due_arr: 0, renewed_arr: 0, churned_arr: 0, ending_arr: 300_000 },
      { due_arr: 200_000, renewed_arr: 100_000, churned_arr: 100_000, ending_arr: 200_000 },
    ];
    const start = scenarioStart(plan, monthlyFile({ B: rows }), 2).tiers.B!;
    const c = start.counts;
    expect([c.customersDue, c.customersRenewed, c.customersLost]).toEqual([2, 1, 1]);
  });
});
