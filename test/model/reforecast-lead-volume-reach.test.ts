import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from '../actuals/monthly-file.js';

/**
 * A re-forecast knows the closed months' leads (a tier of one lead stream): the year-level lead
 * volume moves only the open months' leads. With a sales cycle of exactly one month and 11 months
 * closed, month 12's leads close in month 13, after the year: the only deals still to close are
 * month 11's, from its known 1,000 leads. The lead volume then moves nothing in the year and has no
 * place in the attribution (before: listed, its share -0.0007 within [-0.009, 0.008], noise); the
 * conversion, which converts month 11's cohort, stays. With 10 closed months month 11's leads, which
 * the volume moves, close in month 12: the volume is listed.
 */
const YAML = `
name: closed cohorts
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 800, p90: 1200 } }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: 1
      acv: 10000
`;
const closed = (k: number) => Array.from({ length: k }, (_, m) => ({ leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 0, renewed_arr: 0, ending_arr: 500_000 * (m + 1) }));
const driversOf = async (k: number) => {
  const sim = await simulate(scenarioFrom(YAML), { trials: 2_000, seed: 5, workers: 0, actuals: { file: monthlyFile({ T: closed(k) }, 'actuals.csv'), months: k } });
  const s = summarize(sim, { targets: { metrics: [{ metric: 'bookings', value: 600_000 }] } });
  return { shares: s.sensitivity.drivers.map((d) => d.key), wmbt: s.whatMustBeTrue.flatMap((w) => [...w.drivers, ...(w.notShown ?? [])].map((d) => d.key)) };
};

describe("a re-forecast's lead volume moves only the open months' leads", () => {
  it('is left out when only closed months (known leads) can still close in the year', async () => {
    const d = await driversOf(11);
    expect(d.shares).toEqual(['driver.T.conversion']);
    expect(d.wmbt).not.toContain('driver.T.leadsPerMonth');
  });
  it('is listed when an open month can still close in the year', async () => {
    const d = await driversOf(10);
    expect(d.shares).toContain('driver.T.leadsPerMonth');
  });
});
