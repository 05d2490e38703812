import { describe, expect, it } from 'vitest';
import { farFromPlanWarnings } from '../../src/analysis/actuals-far-from-plan.js';
import { actualsProblems } from '../../src/actuals/validate-actuals.js';
import { planLoaded, simulate } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * The far-from-plan warning points at the closed month whose renewals are farthest out, each month's
 * renewed ARR over what came up for renewal then. After mid-term leavers an aggregate book has only the
 * share still there due (closedMonthsDue, which the learning reads); the warning read the full
 * calendar, so the months after the leavers, which renewed every customer due, read as renewing half
 * and the warning named month 1 (95 of 100) as the farthest out.
 *
 * 1,200 customers at 10,000, 100 due a month, a renewal rate of 50% +- 5%. Month 1: 95 of the 100 due
 * renew and 600 others leave mid-term (1 - 600 / 1,195 still there); months 2 to 6: 50 due (100 x
 * 0.498, rounded), all 50 renew. 345 of 350 renewed puts the rate far beyond its plan.
 */
describe('far-from-plan after mid-term leavers', () => {
  const loaded = scenarioFrom(`
name: leavers
tiers:
  - name: E
    existing: { openingArr: 12000000, customers: 1200, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.5, sd: 0.05 }, priceUplift: 0 }
`);
  const rows = [{ renewed_arr: 950_000, churned_arr: 6_050_000, ending_arr: 5_950_000 }];
  for (let m = 2; m <= 6; m++) rows.push({ renewed_arr: 500_000, churned_arr: 0, ending_arr: 5_950_000 });
  const file = monthlyFile({ E: rows });

  it('names month 2, the first of the months that renewed every customer due', async () => {
    expect(actualsProblems(planLoaded(loaded), file, 6)).toEqual([]);
    const sim = await simulate(loaded, { trials: 400, seed: 1, workers: 0, actuals: { file, months: 6 } });
    const warnings = farFromPlanWarnings(sim);
    expect(warnings.length).toBe(1);
    expect(warnings[0]!.line).toBe(file.byTier.get('E')![1]!.line);
    expect(warnings[0]!.message).toMatch(/^E month 2: renewed_arr 500,000: /);
  });
});
