import { describe, expect, it } from 'vitest';
import { planLoaded, simulate } from '../../src/engine/simulate.js';
import { closedMonthsTerm, scenarioStart } from '../../src/actuals/start-state.js';
import { column, scenarioFrom } from '../helpers/fixtures.js';
import { batchMeans } from '../helpers/stats.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A book on monthly terms (every customer due every month), planned as fit writes it: a book of
 * aggregates renewing each dollar once a year (uniform calendar) at the year's rate R = r^12. The
 * closed months' due_arr is the whole book each month: the re-forecast reads the term from it as
 * fit does (ARR due over ARR live: 12 a year, monthly) and keeps the plan's reading. Before, it read
 * month 1's due (the whole book) as every renewal of the year coming up early: nothing was due after
 * the closed months (the year ended at the closed months' 1,128,000 in every trial), and the renewal
 * rate learned from 98% a month as if it were the year's.
 *
 * Worked by hand: 1,200 customers at 1,000; three closed months each losing 24 customers of those
 * due (1,176 of 1,200, 1,152 of 1,176, 1,128 of 1,152 renew), ending at 1,128,000. The book still
 * there is 1,128,000 / 1,200,000 = 0.94 of it, so months 4..12 of the calendar (100 a month) have
 * 94 each due, 846 in all. The renewal rate p ~ Beta(19.2, 4.8) (mean 0.8, sd 0.08); a monthly
 * renewal renews with p^(1/12), so the closed months' likelihood is q^3456 (1 - q)^72 with
 * q = p^(1/12); its posterior mean is integrated on a grid below. The 846 due churn
 * Binomial(846, 1 - p): ending ARR = 1,128,000 - 1,000 x 846 x (1 - E[p]).
 */
const YAML = `
name: monthly terms
tiers:
  - name: M
    existing: { openingArr: 1200000, customers: 1200, renewalCalendar: uniform, dollarRenewalRate: { dist: beta, mean: 0.8, sd: 0.08 }, priceUplift: 0 }
`;
const rows = [
  { due_arr: 1_200_000, renewed_arr: 1_176_000, churned_arr: 24_000, ending_arr: 1_176_000 },
  { due_arr: 1_176_000, renewed_arr: 1_152_000, churned_arr: 24_000, ending_arr: 1_152_000 },
  { due_arr: 1_152_000, renewed_arr: 1_128_000, churned_arr: 24_000, ending_arr: 1_128_000 },
];

/** Posterior mean of p under Beta(a, b) and kept renewals of `kept + lost` at p^share each, by the midpoint rule on 200,000 cells. */
function posteriorMean(a: number, b: number, kept: number, lost: number, share: number): number {
  const n = 200_000;
  const logs = new Float64Array(n);
  let top = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = (i + 0.5) / n;
    const q = p ** share;
    logs[i] = (a - 1) * Math.log(p) + (b - 1) * Math.log(1 - p) + kept * Math.log(q) + lost * Math.log(1 - q);
    top = Math.max(top, logs[i]!);
  }
  let w = 0;
  let wp = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(logs[i]! - top);
    w += e;
    wp += e * ((i + 0.5) / n);
  }
  return wp / w;
}

describe('re-forecast of a book on monthly terms (due_arr the whole book each month)', () => {
  const file = monthlyFile({ M: rows });

  it('reads the term as fit does, and keeps the calendar after the closed months at the share of the book still there', () => {
    const plan = planLoaded(scenarioFrom(YAML));
    expect(closedMonthsTerm(plan.tiers[0]!.existing!, file.byTier.get('M')!, 3)).toBe(1);
    expect([...scenarioStart(plan, file, 3).tiers.M!.dueAfter!]).toEqual([0, 0, 0, 94, 94, 94, 94, 94, 94, 94, 94, 94]);
    // Annual terms on a calendar of half the book in each of months 1 and 2: the whole book due in
    // two months is the calendar's, not two-month terms (due over the ARR live alone would read 2).
    const lumpy = planLoaded(scenarioFrom(YAML.replace('renewalCalendar: uniform', 'renewalCalendar: [0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]')));
    const halves = monthlyFile({ M: [{ due_arr: 600_000, renewed_arr: 500_000, churned_arr: 100_000, ending_arr: 1_100_000 }, { due_arr: 600_000, renewed_arr: 500_000, churned_arr: 100_000, ending_arr: 1_000_000 }] });
    expect(closedMonthsTerm(lumpy.tiers[0]!.existing!, halves.byTier.get('M')!, 2)).toBe(12);
    // Annual terms, the book growing 6% a month: a year's due (1/12 of the ARR live each month) is
    // 1.41 x the opening ARR, but 1/12 of the book a month, as the calendar has it (against the
    // opening alone it read 9-month terms, as the 12-month re-forecast of closed-year-stored-trials.test.ts).
    const grown: { due_arr: number; renewed_arr: number; churned_arr: number; ending_arr: number }[] = [];
    let live = 1_200_000;
    for (let m = 0; m < 12; m++) {
      grown.push({ due_arr: live / 12, renewed_arr: live / 12, churned_arr: 0, ending_arr: live * 1.06 });
      live *= 1.06;
    }
    expect(closedMonthsTerm(plan.tiers[0]!.existing!, monthlyFile({ M: grown }).byTier.get('M')!, 12)).toBe(12);
    // Annual terms: 200 of 1,200 due in month 1 is customers coming up early (came-up-early.test.ts), not a term.
    expect(closedMonthsTerm(plan.tiers[0]!.existing!, monthlyFile({ M: [{ due_arr: 200_000, renewed_arr: 200_000, churned_arr: 0, ending_arr: 1_200_000 }] }).byTier.get('M')!, 1)).toBe(12);
  });

  it("ends the year at the exact posterior predictive mean, the rate learned from p^(1/12) a renewal", async () => {
    const sim = await simulate(scenarioFrom(YAML), { trials: 2000, seed: 7, workers: 0, actuals: { file, months: 3 } });
    const mean = posteriorMean(19.2, 4.8, 1176 + 1152 + 1128, 72, 1 / 12);
    const expected = 1_128_000 - 1000 * 846 * (1 - mean);
    const m = batchMeans(column(sim, 'endingArr'));
    // Read as a year's rate (share 1), the posterior would be near 0.98 and the year end near 1,111,000.
    expect(Math.abs(posteriorMean(19.2, 4.8, 3456, 72, 1) - mean)).toBeGreaterThan(0.15);
    expect(Math.abs(m.mean - expected), `ending ${m.mean} vs ${expected} (SE ${m.se})`).toBeLessThan(4 * m.se);
  }, 30_000);
});
