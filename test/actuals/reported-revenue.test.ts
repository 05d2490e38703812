import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { METRIC_COMPONENTS } from '../../src/model/components.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

const YAML = `
name: reported revenue
seed: 3
tiers:
  - name: A
    existing: { openingArr: 1200000, customers: 100, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }, priceUplift: 0 }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 1000 }, conversion: { dist: beta, mean: 0.05, sd: 0.01 }, salesCycleMonths: 0, acv: { dist: lognormal, median: 10000, p90: 20000 } }
  - name: B
    existing: { openingArr: 2400000, customers: 40, renewalCalendar: uniform, renewalRate: 0.95, priceUplift: 0 }
`;

describe("a re-forecast whose actuals report each month's revenue", () => {
  it("keeps revenue's components adding up to revenue: the company's opening-book revenue carries the reported difference, as each tier's does", async () => {
    // Month 1 reports 3% less revenue than its ending ARR / 12 in both tiers.
    const endingA = 1_200_000 + 500_000;
    const endingB = 2_400_000;
    const file = monthlyFile({
      A: [{ leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 0, renewed_arr: 96_000, ending_arr: endingA, revenue: (endingA / 12) * 0.97 }],
      B: [{ churned_arr: 0, renewed_arr: 200_000, ending_arr: endingB, revenue: (endingB / 12) * 0.97 }],
    });
    const sim = await simulate(scenarioFrom(YAML), { trials: 500, seed: 3, workers: 0, actuals: { file, months: 1 } });
    const s = summarize(sim);
    const adjustment = -0.03 * ((endingA + endingB) / 12);
    const opening = s.byComponent.revenue.openingBook!;
    expect(opening.mean).toBeCloseTo(3_600_000 + adjustment, 4);
    expect(opening.sd).toBe(0);
    expect(opening.mean).toBeCloseTo(Object.values(s.byTier).reduce((a, t) => a + t.componentMeans.revenue.openingBook!, 0), 4);
    const sum = METRIC_COMPONENTS.revenue.reduce((a, c) => a + s.byComponent.revenue[c]!.mean, 0);
    expect(sum).toBeCloseTo(s.metrics.revenue.mean, 2);
    // In every trial: the opening book's (constant) share plus the stored components is the revenue.
    const revenue = sim.store.column('revenue')!;
    const parts = METRIC_COMPONENTS.revenue.filter((c) => c !== 'openingBook').map((c) => sim.store.column(`component.revenue.${c}`)!);
    for (let i = 0; i < sim.trials; i++) {
      const total = parts.reduce((a, p) => a + p[i]!, opening.mean);
      expect(Math.abs(total - revenue[i]!)).toBeLessThan(1e-6 * revenue[i]!);
    }
    // Ending ARR's opening book is the opening ARR: reported revenue does not move ARR.
    expect(s.byComponent.endingArr.openingBook!.mean).toBe(3_600_000);
  });
});
