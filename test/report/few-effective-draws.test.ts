import { describe, expect, it } from 'vitest';
import { fewEffectiveDraws, fewEffectiveDrawsNote } from '../../src/report/html/reforecast-section.js';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * "Few effective draws" is said of posterior draws that exist and of months still simulated: not of
 * a re-forecast that learns nothing (fixed values), nor of one with all twelve months closed.
 */
const spread = { mean: 0, p10: 0, p90: 0 };
const driver = { tier: 'T', key: 'conversion', label: 'T conversion', unit: 'rate', prior: spread, posterior: spread, effectiveSampleSize: 63 };
/** A sampler's figures: its smallest driver's effective sample, and its company figures' (1,000 trials unless given). */
const sampler = (min: number, metric = 1000, trials = 1000) => ({
  burnIn: 100,
  thin: 3,
  chains: 1,
  minEffectiveSampleSize: min,
  metricEffectiveSampleSize: { revenue: metric, bookings: metric, endingArr: metric },
  intervalWidening: Math.sqrt(trials / metric),
});

const CASES = [
  { name: 'a learned driver, 5 months, 63 effective', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(63) }, few: true },
  { name: 'the market factor only, 5 months, 63 effective', r: { asOfMonth: 5, drivers: [], market: { prior: spread, posterior: spread, effectiveSampleSize: 63 }, sampler: sampler(63) }, few: true },
  { name: 'a learned driver, 5 months, 400 effective', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(400) }, few: false },
  // act25: 20,000 trials of a monthly-terms book: its driver's effective sample above 400, its revenue's 500: the intervals about 6.3 times too narrow.
  { name: 'a learned driver, 560 effective, revenue 500 of 20,000 (intervals 6.3 times too narrow)', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(560, 500, 20_000) }, few: true },
  { name: 'a learned driver, 560 effective, revenue 5,100 of 20,000 (1.98 times)', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(560, 5100, 20_000) }, few: false },
  { name: 'nothing learned (fixed values), 300 trials', r: { asOfMonth: 5, drivers: [], market: undefined, sampler: sampler(300) }, few: false },
  { name: 'all twelve months closed (a point forecast)', r: { asOfMonth: 12, drivers: [driver], market: undefined, sampler: sampler(43) }, few: false },
];

describe('fewEffectiveDraws', () => {
  for (const c of CASES) it(`${c.name}: ${c.few}`, () => expect(fewEffectiveDraws(c.r)).toBe(c.few));

  it('the note says how many times too narrow the intervals shown are: sqrt(trials / the figures\' effective sample)', () => {
    // sqrt(20,000 / 500) = 6.32 by hand.
    const note = fewEffectiveDrawsNote({ sampler: sampler(560, 500, 20_000) }, 20_000);
    expect(note).toContain('the smallest effective sample of a learned driver within its chains is 560 of 20,000 trials;');
    expect(note).toContain("revenue's is 500, bookings' 500, ending ARR's 500");
    expect(note).toContain('the 95% intervals shown (of percentiles, budgets, P(target) and variance shares) take the trials as independent and are about 6.3 times too narrow');
    // Below 400 the tails are said uncertain too.
    expect(fewEffectiveDrawsNote({ sampler: sampler(63, 17, 2000) }, 2000)).toContain('63 of 2,000 trials (below 400: the bands\' tails are uncertain)');
    expect(fewEffectiveDrawsNote({ sampler: sampler(63, 17, 2000) }, 2000)).toContain('about 11 times too narrow');
    // Few chains: the figure is rough, and the note says so; 20 chains: not.
    expect(fewEffectiveDrawsNote({ sampler: { ...sampler(63, 17, 2000), chains: 2 } }, 2000)).toContain('(from 2 chains of 1,000 trials: a rough figure, likely low; more trials give more chains)');
    expect(fewEffectiveDrawsNote({ sampler: { ...sampler(560, 500, 20_000), chains: 20 } }, 20_000)).not.toContain('rough');
  });

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
