import { describe, expect, it } from 'vitest';
import type { MonthlyMeasure } from '../../src/actuals/monthly-record.js';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulatedYear } from '../../src/actuals/simulated-year.js';
import type { Estimate } from '../../src/fit/estimate.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../helpers/fixtures.js';

/**
 * Validation by recovery through arrcast's own model: history simulated by the re-forecast's
 * simulatedYear (the engine's tier simulator, one trial a year) from a scenario whose drivers have
 * no year-level uncertainty and no market loading, so every year has the same true parameters, then
 * fitted by fitHistory (the whole fit, as `arrcast fit` runs it): each stated 95% interval must hold
 * the truth in 95% of seeds (conversion: see below). Over SEEDS seeds the count of hits is binomial:
 * accepted within 2.576 standard errors of 95% either way (√(0.95 x 0.05 / 400) = 1.09 points, so
 * 92.2% to 97.8%: a true 95% interval fails 1% of seed sets), which a 91% interval falls below with
 * probability 80% (its hit rate's SE 1.43 points: (92.2 - 91) / 1.43 = 0.83 SE). test/fit/recovery.test.ts
 * checks the estimators on a history generator of its own; this one checks them on the model's output
 * end to end (columns, calendar, the book's due and renewed ARR as the model writes them).
 */
const SEEDS = 400;
const NOMINAL = 0.95;
const SE = Math.sqrt((NOMINAL * (1 - NOMINAL)) / SEEDS);
const Z = 2.576;

const plan = planLoaded(
  scenarioFrom(`
name: recovery
market: { loadings: { leads: 0, conversion: 0, acv: 0, renewal: 0, contraction: 0, expansion: 0 } }
tiers:
  - name: T
    existing: { openingArr: 6000000, customers: 600, renewalCalendar: uniform, renewalRate: 0.85, priceUplift: 0 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 400 }
      conversion: 0.05
      salesCycleMonths: 0
      acv: 10000
`),
);
const MEASURES: MonthlyMeasure[] = ['leads', 'deals', 'new_arr', 'churned_arr', 'renewed_arr', 'due_arr', 'ending_arr'];

/** `years` simulated years one after another, as a history file's text (months 1 to 12 x years). */
function history(seed: number, years: number): string {
  const lines = [`month,tier,${MEASURES.join(',')}`];
  for (let y = 0; y < years; y++) {
    const rows = simulatedYear(plan, `recovery/${seed}`, y).file.byTier.get('T')!;
    rows.forEach((r, i) => lines.push(`${12 * y + i + 1},T,${MEASURES.map((m) => Math.round(r.values[m]!)).join(',')}`));
  }
  return `${lines.join('\n')}\n`;
}

const inside = (e: Estimate | undefined, truth: number) => e !== undefined && e.lo <= truth && truth <= e.hi;

describe("fit recovers the parameters of arrcast's own model", () => {
  // 12 months, the fewest a history has (36 at 2,000 seeds: bench/fit-recovery-own-model.mjs 0.05 400 3 2000).
  it('from 12 months: lead level and renewal inside their 95% intervals in 95% of seeds (two-sided), conversion in no fewer', () => {
    const hits = { leads: 0, conversion: 0, renewal: 0 };
    for (let s = 0; s < SEEDS; s++) {
      const file = parseMonthlyFile(history(s, 1), 'h.csv', { kind: 'history', tiers: ['T'] });
      const t = fitHistory({ history: file }).tiers[0]!;
      if (inside(t.newBusiness?.leads.level, 400)) hits.leads++;
      if (inside(t.newBusiness?.conversion.rate, 0.05)) hits.conversion++;
      if (inside(t.existing?.renewal.rate, 0.85)) hits.renewal++;
    }
    for (const name of ['leads', 'renewal'] as const) expect(Math.abs(hits[name] / SEEDS - NOMINAL), `${name}: ${hits[name]} of ${SEEDS}`).toBeLessThanOrEqual(Z * SE);
    // Conversion's interval over-covers with binomial months (the model's, without a sales cycle), a
    // known limit (README, Validated by recovery): a t quantile on a variance that is the binomial one
    // whenever the scatter's rho is floored at 0, so 97.8% at 12 months and 96.1% at 36 over 2,000
    // seeds (bench/RESULTS.md, twentieth session). Here that it is not below 95%, at the same power.
    expect(hits.conversion / SEEDS, `conversion: ${hits.conversion} of ${SEEDS}`).toBeGreaterThanOrEqual(NOMINAL - Z * SE);
  });
});
