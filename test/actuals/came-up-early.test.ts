import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { expectMeansWithin4Se, scenarioFrom } from '../helpers/fixtures.js';
import { scenarioStart } from '../../src/actuals/start-state.js';
import { monthlyFile } from './monthly-file.js';

/**
 * An aggregate book's customers that come up for renewal in a closed month beyond its calendar
 * (due_arr above it) are customers due later who came up early: they are not due again. 120
 * customers at 10,000, 10 due a month (uniform), a fixed renewal rate of 50%; in month 1, 20 come up
 * (due_arr 200,000) and all renew. So 100 of the calendar's 110 are still due in months 2..12, half
 * of them churning on average: the year ends at 1,200,000 - 0.5 x 100 x 10,000 = 700,000, renewals
 * book 200,000 + 0.5 x 100 x 10,000 = 700,000 and 50 customers are lost. Before the fix the
 * simulated months renewed the whole calendar again (ending 650,000, 55 lost), in the library and
 * in the CLI alike (nothing refused it).
 */
describe("an aggregate book's customers coming up early", () => {
  const yaml = `
name: came up early
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: 0.5, priceUplift: 0 }
`;
  const early = monthlyFile({ E: [{ due_arr: 200_000, renewed_arr: 200_000, churned_arr: 0, ending_arr: 1_200_000 }] });

  it('are not due again after the closed months', async () => {
    const sim = await simulate(scenarioFrom(yaml), { trials: 1000, seed: 5, workers: 0, actuals: { file: early, months: 1 } });
    // Churned customers: Binomial(100, 0.5), sd 10,000 x 5 of ending ARR; 4 SE from the sample.
    expectMeansWithin4Se(sim, { endingArr: 700_000, 'component.bookings.renewal': 700_000, customersLost: 50 });
  });

  it('take the calendar after them down by those customers, on the running total', () => {
    const plan = planLoaded(scenarioFrom(yaml));
    const due = (rows: Parameters<typeof monthlyFile>[0]['E'], months: number) => [...(scenarioStart(plan, monthlyFile({ E: rows }), months).tiers.E!.dueAfter ?? new Int32Array(12).fill(-1))];
    // 100 over months 2..12 on a uniform calendar: cumulative 100 x k / 11 rounded.
    const expected = [0, ...Array.from({ length: 11 }, (_, k) => Math.round((100 * (k + 1)) / 11) - Math.round((100 * k) / 11))];
    expect(due([{ due_arr: 200_000, renewed_arr: 200_000, churned_arr: 0, ending_arr: 1_200_000 }], 1)).toEqual(expected);
    // Nothing came up in month 1 and 20 in month 2: month 1's customers came up late, the rest of
    // the calendar (months 3..12, 10 a month) is whole, so no calendar of its own is given.
    const late = [
      { due_arr: 0, renewed_arr: 0, churned_arr: 0, ending_arr: 1_200_000 },
      { due_arr: 200_000, renewed_arr: 200_000, churned_arr: 0, ending_arr: 1_200_000 },
    ];
    expect(due(late, 2)).toEqual(new Array(12).fill(-1));
    // 30 came up in month 1: 20 early, 90 of the 110 still due.
    expect(due([{ due_arr: 300_000, renewed_arr: 300_000, churned_arr: 0, ending_arr: 1_200_000 }], 1).reduce((a, x) => a + x, 0)).toBe(90);
  });
});
