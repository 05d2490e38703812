import { describe, expect, it } from 'vitest';
import { learningModel } from '../../src/actuals/learning-model.js';
import { closedMonthsDue } from '../../src/actuals/start-state.js';
import { actualsProblems } from '../../src/actuals/validate-actuals.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * An aggregate book's closed months after a month with mid-term leavers: 120 customers at 10,000, 10
 * due a month. Month 1: the 10 due renew, 60 others leave mid-term (churned_arr 600,000), so half the
 * book is left (60 of 120 live customers leave: 1 - 60 / 120). Month 2 then has 10 x 0.5 = 5 due and
 * all 5 renew (renewed_arr 50,000, churned_arr 0). The library (simulate does not check the file)
 * read 10 due in month 2, 5 of them lost: a renewal likelihood of p^15 (1 - p)^5 (a rate of 0.67)
 * where p^15 is right; the CLI refused the file (50,000 of the calendar's 100,000 neither renewed nor
 * churned). Both now read the same calendar.
 */
describe("an aggregate book's closed months after mid-term leavers", () => {
  const plan = planLoaded(
    scenarioFrom(`
name: leavers
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.5, sd: 0.15 }, priceUplift: 0 }
`),
  );
  const file = monthlyFile({
    E: [
      { renewed_arr: 100_000, churned_arr: 600_000, ending_arr: 600_000 },
      { renewed_arr: 50_000, churned_arr: 0, ending_arr: 600_000 },
    ],
  });

  it('have only the share still there due', () => {
    const due = closedMonthsDue(plan.tiers[0]!.existing!, file.byTier.get('E')!, 2);
    expect([...due.count]).toEqual([10, 5]);
    expect([...due.arr]).toEqual([100_000, 50_000]);
    expect(due.stillThere).toBe(0.5);
  });

  it('are accepted by the checks the CLI runs', () => {
    expect(actualsProblems(plan, file, 2)).toEqual([]);
  });

  it('weigh the renewal rate by 15 renewed and none lost', () => {
    const model = learningModel(plan, file, 2, 't');
    const i = model.drivers.findIndex((d) => d.kind === 'renewalRate');
    const term = model.termNames.findIndex((t) => t.term === 'renewals');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(term).toBeGreaterThanOrEqual(0);
    // With the market factor at 0 the trial's rate is the driver's own draw.
    for (const e of [-1.5, -0.5, 0, 0.7, 1.4]) {
      const f = new Float64Array(model.dimension);
      f[model.drivers[i]!.latent] = e;
      const p = model.valueOf(f, i);
      expect(model.termValues(f)[term]).toBeCloseTo(15 * Math.log(p), 9);
    }
  });
});
