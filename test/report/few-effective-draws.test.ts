import { describe, expect, it } from 'vitest';
import { fewEffectiveDraws } from '../../src/report/html/reforecast-section.js';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * "Few effective draws" is said of posterior draws that exist and of months still simulated: not of
 * a re-forecast that learns nothing (fixed values), nor of one with all twelve months closed.
 */
const spread = { mean: 0, p10: 0, p90: 0 };
const driver = { tier: 'T', key: 'conversion', label: 'T conversion', unit: 'rate', prior: spread, posterior: spread, effectiveSampleSize: 63 };
const sampler = (min: number) => ({ burnIn: 100, thin: 3, chains: 1, minEffectiveSampleSize: min });

const CASES = [
  { name: 'a learned driver, 5 months, 63 effective', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(63) }, few: true },
  { name: 'the market factor only, 5 months, 63 effective', r: { asOfMonth: 5, drivers: [], market: { prior: spread, posterior: spread, effectiveSampleSize: 63 }, sampler: sampler(63) }, few: true },
  { name: 'a learned driver, 5 months, 400 effective', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(400) }, few: false },
  { name: 'nothing learned (fixed values), 300 trials', r: { asOfMonth: 5, drivers: [], market: undefined, sampler: sampler(300) }, few: false },
  { name: 'all twelve months closed (a point forecast)', r: { asOfMonth: 12, drivers: [driver], market: undefined, sampler: sampler(43) }, few: false },
];

describe('fewEffectiveDraws', () => {
  for (const c of CASES) it(`${c.name}: ${c.few}`, () => expect(fewEffectiveDraws(c.r)).toBe(c.few));

  it('a run that learns nothing prints no note about correlated draws', async () => {
    const dir = writeFiles({
      's.yaml': 'name: fixed\ntrials: 300\nseed: 1\ntiers:\n  - name: E\n    existing: { openingArr: 4000000, customers: 20, renewalRate: 0.95, priceUplift: 0 }\n    newBusiness: { leadsPerMonth: 10, conversion: 0.05, salesCycleMonths: 0, acv: 10000 }\n',
      'a.csv': 'month,tier,leads,deals,new_arr,ending_arr\n1,E,10,1,10000,4010000\n',
    });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli('run', 's.yaml', '--actuals', 'a.csv', '--workers', '0', '--out', 'out', '-q');
      expect(r.code).toBe(0);
      expect(r.err).not.toMatch(/correlated/);
      expect(r.err).toMatch(/wrote out\//);
    } finally {
      process.chdir(prev);
    }
  });
});
