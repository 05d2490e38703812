import { expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { column, scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A deal's ACV with a spread of 8e-10 (P90 1e-9 above the median) around a year-level median that
 * is uncertain: every closed month's new_arr / deals is 12,000, so the likelihood (lognormal sums,
 * sigma^2 = log(1 + cv^2 / deals)) puts this year's median at 12,000 to about 1e-10. The deal's cv^2
 * was exp(sigma^2) - 1 (0 for sigma^2 = 6e-19) and its sum's sigma^2 log(1 + ...) (0 again): the
 * term was left out and the median kept its prior (9,800 to 13,900 across trials).
 */
it('a re-forecast learns the ACV level from new_arr when a deal ACV barely varies', async () => {
  const yaml = `
name: narrow ACV
tiers:
  - name: T
    newBusiness: { leadsPerMonth: 100, conversion: 0.1, salesCycleMonths: 0, acv: { dist: lognormal, median: { dist: lognormal, median: 10000, p90: 14000 }, p90: 10000.00001 } }
`;
  const month = { leads: 100, deals: 10, new_arr: 120_000 };
  const sim = await simulate(scenarioFrom(yaml), { trials: 200, workers: 0, actuals: { file: monthlyFile({ T: [month, month, month] }), months: 3 } });
  const level = column(sim, 'own.T.acv');
  // Stored as float32 (2^-24 relative); the posterior's own spread is far below it.
  for (const x of level) expect(Math.abs(x / 12_000 - 1)).toBeLessThanOrEqual(1e-6);
});
