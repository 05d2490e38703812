import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { writeReport } from '../../src/report/write-report.js';
import { readReportHeader } from '../../src/report/read-report-trials.js';
import { outcomesFromActuals } from '../../src/scoring/outcomes-from-actuals.js';
import { escalatorBookFolder } from '../helpers/escalator-book.js';
import { monthlyFile } from '../actuals/monthly-file.js';

/**
 * A customer book's multi-year escalator steps ARR up without a signature: the model and a
 * re-forecast book none of it (test/actuals/escalator-bookings.test.ts). `score`, reading the closed
 * year from the monthly file, took the step for price uplift and scored bookings of 100,000 for a
 * year whose every forecast (plan or re-forecast) said 0: a PIT of 1 for a year that went to plan.
 */
describe('score: a closed year whose book steps up by its escalators', () => {
  it('scores the bookings the forecast counts (0), not the step as price uplift; the summary says which ARR the escalators add', async () => {
    // Ten customers stepping up by 10,000 each in month 8, none due this year.
    const dir = escalatorBookFolder();
    const sim = await simulate(await loadScenario(`${dir}/esc.yaml`), { trials: 50, seed: 3, workers: 0 });
    const summary = summarize(sim);
    expect(summary.byTier.Ent!.escalationArr).toEqual([0, 0, 0, 0, 0, 0, 0, 100_000, 0, 0, 0, 0]);
    const out = join(dir, 'report');
    await writeReport(out, sim, summary);
    const header = await readReportHeader(out);
    const rows = Array.from({ length: 12 }, (_, m) => ({ new_arr: 0, renewed_arr: 0, churned_arr: 0, contraction_arr: 0, expansion_arr: 0, ending_arr: m + 1 < 8 ? 1_000_000 : 1_100_000 }));
    const bookings = (report: typeof header) => outcomesFromActuals(monthlyFile({ Ent: rows }), [report]).find((o) => o.metric === 'bookings' && o.tier === 'Ent')!.value;
    expect(summary.metrics.bookings.max).toBe(0);
    expect(bookings(header)).toBe(0);
    // A rise beyond the step is still price uplift, booked: 5,000 more in month 8.
    const more = rows.map((r, m) => ({ ...r, ending_arr: r.ending_arr + (m + 1 >= 8 ? 5_000 : 0) }));
    expect(outcomesFromActuals(monthlyFile({ Ent: more }), [header]).find((o) => o.metric === 'bookings' && o.tier === 'Ent')!.value).toBe(5_000);
    // Without the summary's escalationArr (a report that does not state it), the step reads as uplift, as before.
    expect(bookings({ ...header, escalationArr: new Map() })).toBe(100_000);
  });
});
