import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { simulationWarnings } from '../../src/analysis/plausibility.js';
import { scenarioFrom, column } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A tier the scenario gives no new business whose closed months sign some: the closed months keep
 * it (ending ARR, bookings), the simulated months sign none. The user is told, at the first such row.
 */
describe('new business in the actuals of a tier the scenario gives none', () => {
  const yaml = `
name: unplanned new business
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: 1, priceUplift: 0 } # renewal 1: nothing moves after the closed months
`;
  it('is kept in the closed months and warned about at its first month, with the totals', async () => {
    const file = monthlyFile({
      E: [
        { leads: 0, deals: 0, new_arr: 0, ending_arr: 1_200_000 },
        { leads: 40, deals: 2, new_arr: 100_000, ending_arr: 1_300_000 },
        { leads: 30, deals: 1, new_arr: 50_000, ending_arr: 1_350_000 },
      ],
    });
    const sim = await simulate(scenarioFrom(yaml), { trials: 20, seed: 1, workers: 0, actuals: { file, months: 3 } });
    // Renewal rate 1 and nothing else moving: every trial ends on month 3's ARR, its new business booked.
    expect([...new Set(column(sim, 'endingArr'))]).toEqual([1_350_000]);
    expect([...new Set(column(sim, 'component.bookings.newBusiness'))]).toEqual([150_000]);
    const warnings = simulationWarnings(sim, summarize(sim)).filter((w) => w.code === 'actuals-new-business-unplanned');
    expect(warnings.map((w) => [w.file, w.line, w.path])).toEqual([['actuals.csv', 3, ['new_arr']]]);
    expect(warnings[0]!.message).toBe(
      "E month 2: new_arr 100,000, but the scenario gives E no new business (no leads, pipeline or reps): the closed months' new_arr 150,000, deals 3, leads 70 (2 of 3 months) stay in the re-forecast, and the simulated months sign none. Add the tier's newBusiness to the scenario to forecast them",
    );
  });

  it('is not warned about when the closed months sign nothing', async () => {
    const file = monthlyFile({ E: [{ deals: 0, new_arr: 0, ending_arr: 1_200_000 }] });
    const sim = await simulate(scenarioFrom(yaml), { trials: 20, seed: 1, workers: 0, actuals: { file, months: 1 } });
    expect(simulationWarnings(sim, summarize(sim)).filter((w) => w.code === 'actuals-new-business-unplanned')).toEqual([]);
  });
});
