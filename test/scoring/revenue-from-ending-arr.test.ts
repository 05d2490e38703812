import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { outcomesFromActuals } from '../../src/scoring/outcomes-from-actuals.js';
import { column, scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from '../actuals/monthly-file.js';
import { halfRenewingBook } from './half-renewing-book.js';

/**
 * A year's actuals file without a `revenue` column: `run --actuals` of its twelve months reports
 * the year's revenue as the model counts it (live ARR / 12 a month), and `score` with the same file
 * must score that revenue. Before December 2026 it scored no revenue at all, without a word: the
 * forecast's headline figure dropped out of the scores of every file that, like the re-forecast's,
 * gives ending_arr but not revenue.
 */
const YAML = `
name: revenue
tiers:
  - name: Book
    existing: { openingArr: 1200000, customers: 12, renewalCalendar: uniform, renewalRate: 0.5, priceUplift: 0.03 }
`;

describe('revenue of a closed year from a monthly file without a revenue column', () => {
  it('is the sum of ending_arr / 12, what a re-forecast of all twelve months reports', async () => {
    // 12 customers at 100k, one due a month: the first 6 renew with a 3% uplift, the last 6 churn.
    const rows = halfRenewingBook();
    const file = monthlyFile({ Book: rows });
    // By hand: months 1-6 end at 1,200,000 + 3,000 m, months 7-12 at 1,218,000 - 100,000 (m - 6):
    // (6 x 1,200,000 + 3,000 x 21 + 6 x 1,218,000 - 100,000 x 21) / 12 = 12,471,000 / 12.
    const byHand = 12_471_000 / 12;
    const sim = await simulate(scenarioFrom(YAML), { trials: 10, seed: 1, workers: 0, actuals: { file, months: 12 } });
    expect(column(sim, 'revenue')[0]).toBeCloseTo(byHand, 6);

    const report = { dir: 'plan', tiers: ['Book'], openingArr: new Map([['Book', 1_200_000]]), liveAtSigning: new Set(['Book']) };
    const revenue = outcomesFromActuals(file, [report]).filter((o) => o.metric === 'revenue');
    expect(revenue.map((o) => o.tier)).toEqual(['Book', undefined]);
    for (const o of revenue) expect(o.value).toBeCloseTo(byHand, 6);

    // A file that states revenue is scored on it, not on ending_arr.
    const stated = monthlyFile({ Book: rows.map((r) => ({ ...r, revenue: 90_000 })) });
    expect(outcomesFromActuals(stated, [report]).find((o) => o.metric === 'revenue' && o.tier === 'Book')!.value).toBe(12 * 90_000);
  });
});
