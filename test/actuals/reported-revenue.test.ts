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
      // B's 3 customers due in month 1 (40 on a uniform calendar) at 60,000 all renew (more would have
      // come up early, which the re-forecast refuses without due_arr).
      B: [{ churned_arr: 0, renewed_arr: 180_000, ending_arr: endingB, revenue: (endingB / 12) * 0.97 }],
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

describe("a re-forecast's closed months in the monthly figures", () => {
  it('are the actuals exactly (float64), not their float32 rounding, in every statistic', async () => {
    // ARR in the hundreds of millions: MRR above 2^24, where float32 steps by 2 or more.
    const BIG = YAML.replace('openingArr: 2400000, customers: 40', 'openingArr: 240000000, customers: 4000');
    const endingB = 240_000_001;
    const endingB2 = 240_000_007;
    const file = monthlyFile({
      A: [
        { leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 0, renewed_arr: 96_000, ending_arr: 1_700_000 },
        { leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 0, renewed_arr: 96_000, ending_arr: 2_200_000, revenue: 180_000.25 },
      ],
      B: [
        // Month 1's 333 customers due (of 4,000 on a uniform calendar) at 60,000 all renew.
        { churned_arr: 0, renewed_arr: 19_980_000, ending_arr: endingB },
        { churned_arr: 0, renewed_arr: 20_000_000, ending_arr: endingB2 },
      ],
    });
    const sim = await simulate(scenarioFrom(BIG), { trials: 300, seed: 3, workers: 0, actuals: { file, months: 2 } });
    const s = summarize(sim);
    const m1 = 1_700_000 / 12 + endingB / 12;
    const m2 = 180_000.25 + endingB2 / 12;
    expect(Math.fround(m1)).not.toBe(m1);
    for (const [i, mrr, cumulative] of [[0, m1, m1], [1, m2, m1 + m2]] as const) {
      const month = s.monthly[i]!;
      expect(month.mrr.mean).toBe(mrr);
      expect(month.mrr.sd).toBe(0);
      expect(Object.values(month.mrr.percentiles).every((v) => v === mrr)).toBe(true);
      expect(month.cumulativeRevenue.mean).toBe(cumulative);
      expect(Object.values(month.cumulativeRevenue.percentiles).every((v) => v === cumulative)).toBe(true);
    }
    // The open months go on from the exact closed total.
    expect(s.monthly[2]!.cumulativeRevenue.min).toBeGreaterThan(m1 + m2);
    expect(s.monthly[11]!.cumulativeRevenue.mean).toBeCloseTo(s.metrics.revenue.mean, -1);
  });
});
