import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { escalatorBookFolder } from '../helpers/escalator-book.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book's multi-year escalator steps up ARR without a signature: the model books none of it
 * (README: "price uplift in the ARR bridge, no bookings"). A closed month's step is in the change of
 * ending_arr that the stated flows leave unexplained; a re-forecast booked all of that change, so the
 * same year read 0 bookings at plan and in a re-forecast made before the step, 100,000 after it.
 */
describe("a closed month's escalator step is ARR, not bookings", () => {
  // Ten customers stepping up by 10% in month 8, none due this year (test/helpers/escalator-book.ts).
  const files = escalatorBookFolder;
  const rows = (k: number) => Array.from({ length: k }, (_, m) => ({ ending_arr: m + 1 < 8 ? 1_000_000 : 1_100_000 }));

  it.each([0, 6, 9, 12])('bookings 0 and ending ARR 1.1M with %i closed months', async (k) => {
    const loaded = await loadScenario(`${files()}/esc.yaml`);
    const sim = await simulate(loaded, { trials: 50, seed: 3, workers: 0, ...(k > 0 ? { actuals: { file: monthlyFile({ Ent: rows(k) }), months: k } } : {}) });
    const s = summarize(sim);
    expect(s.metrics.bookings.mean).toBe(0);
    expect(s.metrics.bookings.max).toBe(0);
    expect(s.metrics.endingArr.mean).toBeCloseTo(1_100_000, 4);
    // The step is still price uplift in the ARR bridge.
    expect(s.byComponent.endingArr.priceUplift!.mean).toBeCloseTo(100_000, 4);
  });

  it("an aggregate book's unexplained change is still booked as price uplift", async () => {
    const yaml = `
name: aggregate
tiers:
  - name: E
    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: 1, priceUplift: 0 }
`;
    // Month 1: 100,000 due and renewed, ending 1,230,000: 30,000 the flows do not explain.
    const file = monthlyFile({ E: [{ renewed_arr: 100_000, churned_arr: 0, ending_arr: 1_230_000 }] });
    const sim = await simulate(scenarioFrom(yaml), { trials: 20, seed: 1, workers: 0, actuals: { file, months: 1 } });
    const s = summarize(sim);
    expect(s.byComponent.bookings.priceUplift!.mean).toBeCloseTo(30_000, 4);
  });
});
