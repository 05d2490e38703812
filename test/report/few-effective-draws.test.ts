import { describe, expect, it } from 'vitest';
import { fewEffectiveDraws, fewEffectiveDrawsNote } from '../../src/report/html/reforecast-section.js';
import { intervalWidening } from '../../src/analysis/interval-widening.js';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * "Few effective draws" is said of posterior draws that exist and of months still simulated: not of
 * a re-forecast that learns nothing (fixed values), nor of one with all twelve months closed.
 */
const spread = { mean: 0, p10: 0, p90: 0 };
const driver = { tier: 'T', key: 'conversion', label: 'T conversion', unit: 'rate', prior: spread, posterior: spread, effectiveSampleSize: 63 };
/** A sampler's figures: its smallest driver's effective sample, and its company figures' (1,000 trials unless given; a chain per 1,000). */
const sampler = (min: number, metric = 1000, trials = 1000) => {
  const chains = Math.ceil(trials / 1000);
  const w = intervalWidening(trials, chains, min, metric);
  return {
    burnIn: 100,
    thin: 3,
    chains,
    minEffectiveSampleSize: min,
    metricEffectiveSampleSize: { revenue: metric, bookings: metric, endingArr: metric },
    intervalWidening: w.factor,
    intervalWideningFrom: w.from,
    figuresJudged: w.figuresJudged,
    figuresTooNarrow: w.figuresTooNarrow,
  };
};

const CASES = [
  { name: 'a learned driver, 5 months, 63 effective', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(63) }, few: true },
  { name: 'the market factor only, 5 months, 63 effective', r: { asOfMonth: 5, drivers: [], market: { prior: spread, posterior: spread, effectiveSampleSize: 63 }, sampler: sampler(63) }, few: true },
  { name: 'a learned driver, 5 months, 400 effective', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(400) }, few: false },
  // act25: 20,000 trials of a monthly-terms book: its driver's effective sample above 400, its revenue's 500: the intervals about 6.3 times too narrow.
  { name: 'a learned driver, 560 effective, revenue 500 of 20,000 (intervals 6.3 times too narrow)', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(560, 500, 20_000) }, few: true },
  // 20 chains: independent draws give 20,000 / (the figures' effective sample) ~ chi-square(19)/19, past 2.50 one run in 1,000 (by hand: 2.22 is not past it).
  { name: 'a learned driver, 560 effective, revenue 9,000 of 20,000 (2.22 of a well-mixed run\'s chi-square(19)/19)', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(560, 9000, 20_000) }, few: false },
  // 2 chains cannot judge the figures: revenue's 17 of 2,000 from them is not a note, the driver's 500 effective is no note either.
  { name: 'a learned driver, 500 effective, revenue 17 of 2,000 (2 chains: not judged)', r: { asOfMonth: 5, drivers: [driver], market: undefined, sampler: sampler(500, 17, 2000) }, few: false },
  { name: 'nothing learned (fixed values), 300 trials', r: { asOfMonth: 5, drivers: [], market: undefined, sampler: sampler(300) }, few: false },
  { name: 'all twelve months closed (a point forecast)', r: { asOfMonth: 12, drivers: [driver], market: undefined, sampler: sampler(43) }, few: false },
];

describe('fewEffectiveDraws', () => {
  for (const c of CASES) it(`${c.name}: ${c.few}`, () => expect(fewEffectiveDraws(c.r)).toBe(c.few));

  it('the note says how many times too narrow the intervals shown are: sqrt(trials / effective sample), the larger of the drivers\' and (10 or more chains) the figures\'', () => {
    // sqrt(20,000 / 500) = 6.32 by hand; the driver's sqrt(20,000 / 560) = 5.98 is smaller.
    const note = fewEffectiveDrawsNote({ sampler: sampler(560, 500, 20_000) }, 20_000);
    expect(note).toContain('the smallest effective sample of a learned driver within its chains is 560 of 20,000 trials;');
    expect(note).toContain("revenue's is 500, bookings' 500, ending ARR's 500");
    expect(note).toContain("take the trials as independent and are about 6.3 times too narrow by the company figures' effective sample (the larger of the drivers', 6.0, and the company figures', 6.3)");
    // The drivers' effective sample sets the factor when it implies more: sqrt(20,000 / 200) = 10 against sqrt(20,000 / 5,000) = 2.
    expect(fewEffectiveDrawsNote({ sampler: sampler(200, 5000, 20_000) }, 20_000)).toContain("about 10 times too narrow by the drivers' effective sample (the larger of the drivers', 10, and the company figures', 2.0)");
    // Below 400 the tails are said uncertain too.
    expect(fewEffectiveDrawsNote({ sampler: sampler(63, 17, 2000) }, 2000)).toContain('63 of 2,000 trials (below 400: the bands\' tails are uncertain)');
  });

  it('with under 10 chains no factor is drawn from the chains: it cannot be judged, and the drivers\' effective sample sets it', () => {
    // act25 review: 500 trials were "1 chain of 1,000 trials", "about 1.0 times too narrow".
    const one = fewEffectiveDrawsNote({ sampler: sampler(63, 500, 500) }, 500);
    expect(one).toContain("the company figures' cannot be judged from 1 chain (10 or more, 10,000 trials or more, are needed)");
    expect(one).not.toContain('1,000 trials');
    expect(one).not.toContain("revenue's is");
    // sqrt(500 / 63) = 2.82 by hand.
    expect(one).toContain("about 2.8 times too narrow by the drivers' effective sample:");
    // 7 effective of 2,000 (2 chains), the figures' 1,900 from their 2 chains not used: sqrt(2,000 / 7) = 16.9, about 17.
    const two = fewEffectiveDrawsNote({ sampler: sampler(7, 1900, 2000) }, 2000);
    expect(two).toContain("cannot be judged from 2 chains");
    expect(two).toContain("about 17 times too narrow by the drivers' effective sample:");
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
