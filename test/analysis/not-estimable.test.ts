import { beforeAll, describe, expect, it } from 'vitest';
// Namespace imports: each test fails on its own, not the file at link time, against a build without the rule.
import * as firstOrder from '../../src/analysis/attribution/first-order.js';
import { binCount, prepareInput } from '../../src/analysis/attribution/input.js';
import * as shortfall from '../../src/analysis/shortfall.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { synthetic } from './attribution/synthetic.js';
import { ROOT } from '../helpers/fixtures.js';
import { lcgNormals } from '../helpers/stats.js';

/**
 * Figures that cannot be estimated from a run's trials are null with a reason, never a number that
 * looks precise: the variance shares below the trials their fit and jackknife need (a share of 1
 * for every driver and "unexplained" of -1600% before), the expected shortfall's interval when its
 * tail is one trial (a zero-width interval before).
 */

const { firstOrderShares } = firstOrder;
const { expectedShortfallEstimate } = shortfall;

/** The bins prepareInput gives n trials. */
const binsFor = (n: number) => Math.min(binCount(n), n);

/**
 * The estimator's needs, recomputed here from its definition (first-order.ts), not copied: K bins of
 * a line each (2K parameters), G = min(20, floor(n / 2)) (at least 2) contiguous blocks ending at
 * floor((g + 1) n / G), each jackknife replicate leaving one block out; the fit and every
 * replicate keep at least one residual degree of freedom.
 */
const groupsFor = (n: number) => Math.max(2, Math.min(firstOrder.JACKKNIFE_GROUPS, Math.floor(n / 2)));
const fits = (n: number) => {
  const K = binsFor(n);
  const G = groupsFor(n);
  const blocks = Array.from({ length: G }, (_, g) => Math.floor(((g + 1) * n) / G) - Math.floor((g * n) / G));
  return n - 2 * K >= 1 && blocks.every((b) => n - b - 2 * K >= 1);
};
const minimumTrialsForShares = () => {
  let n = 1;
  while (!fits(n)) n++;
  return n;
};
/**
 * An expected shortfall's interval needs 50 trials in its tail, ceil(share x n) of them: below, the
 * normal interval holds far less than 95% (test/analysis/shortfall.test.ts measures it).
 */
const TAIL_TRIALS = 50;
const shortfallIntervalMinTrials = (share: number) => {
  let n = 1;
  while (Math.ceil(share * n) < TAIL_TRIALS) n++;
  return n;
};

describe('variance shares: estimable only from enough trials for the fit and its jackknife', () => {
  const min = minimumTrialsForShares();

  it('the minimum follows from the estimator: 2K parameters with a residual degree of freedom left, also in every jackknife replicate', () => {
    for (let n = 1; n <= 100; n++) expect(firstOrder.jackknifeGroups(n)).toBe(groupsFor(n));
    expect(firstOrder.minimumTrialsForShares()).toBe(min);
    for (let n = 1; n < min; n++) expect(firstOrder.sharesNotEstimable(n, binsFor(n))).toEqual(expect.any(String));
    // And every larger run is estimable (the bins grow with n / 250, the blocks with n / 20).
    for (let n = min; n <= 100_000; n++) if (firstOrder.sharesNotEstimable(n, binsFor(n)) !== undefined) expect.fail(`${n} trials not estimable`);
  });

  // Trial counts of the review (1, 2, 5, 8), and either side of the threshold.
  const cases = [1, 2, 3, 5, 8, 9, 10, min - 1, min, min + 1, 20, 40];
  it.each(cases)('%i trials: null with a reason below the threshold, finite with a positive-width interval from it', (n) => {
    const d = synthetic(n, `small-${n}`);
    const est = firstOrderShares(d.y, d.u.map((u) => prepareInput(u, 'own')));
    if (n < min) {
      expect(est.notEstimable).toMatch(new RegExp(`^${n} trials?: variance shares need at least ${min}\\b`));
      for (const s of [...est.shares, est.unexplained]) {
        expect(s.value).toBeNull();
        expect(s.interval).toBeNull();
        expect(s.standardError).toBeNull();
        expect(s.notEstimable).toBe(est.notEstimable);
      }
    } else {
      expect(est.notEstimable).toBeUndefined();
      for (const s of [...est.shares, est.unexplained]) {
        expect(Number.isFinite(s.value)).toBe(true);
        expect(s.interval![1] - s.interval![0]).toBeGreaterThan(0);
        expect(s.notEstimable).toBeUndefined();
      }
    }
  });
});

const normals = lcgNormals;

describe('expected shortfall interval: needs 50 trials in the tail', () => {
  it('the minimum trials are the first n whose tail ceil(share x n) holds 50', () => {
    for (const share of [0.05, 0.1, 0.25]) expect(shortfall.shortfallIntervalMinTrials(share)).toBe(shortfallIntervalMinTrials(share));
  });

  const cases: Array<[number, number]> = [];
  for (const share of [0.05, 0.1]) {
    const m = shortfallIntervalMinTrials(share);
    for (const n of [1, 2, 3, 5, 8, m - 1, m, m + 1]) cases.push([share, n]);
  }
  it.each(cases)('worst %d of %i trials: null with a reason below 50 tail trials, a positive width from 50', (share, n) => {
    const x = normals(n, 11 + n);
    const es = expectedShortfallEstimate(x, share);
    const k = Math.max(1, Math.ceil(share * n));
    if (k < TAIL_TRIALS) {
      // The value stays: the mean of the k worst trials (the worst one at k = 1).
      const worst = Float64Array.from(x).sort().subarray(0, k);
      expect(es.value).toBeCloseTo(worst.reduce((a, v) => a + v, 0) / k, 12);
      expect(es.interval).toBeNull();
      expect(es.notEstimable).toMatch(new RegExp(`^${n} trials?: the worst ${share * 100}% is ${k} trials?, and a 95% interval of its mean needs at least 50, from ${shortfallIntervalMinTrials(share)} trials$`));
    } else {
      expect(es.notEstimable).toBeUndefined();
      expect(es.interval![1] - es.interval![0]).toBeGreaterThan(0);
      expect(es.interval![0]).toBeLessThan(es.value);
      expect(es.interval![1]).toBeGreaterThan(es.value);
    }
  });
});

describe('summary.json of a real scenario at a handful of trials', () => {
  const counts = [1, 2, 5, 8, minimumTrialsForShares() - 1, minimumTrialsForShares(), 20, 21];
  const summaries = new Map<number, Summary>();
  beforeAll(async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    for (const n of counts) {
      const sim = await simulate(loaded, { trials: n, seed: 7, workers: 0 });
      // Through JSON, as the file is written and read back.
      summaries.set(n, JSON.parse(JSON.stringify(summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 120e6 }] } }))) as Summary);
    }
  });

  it.each(counts)('%i trials: shares null with a reason below the threshold, finite above; no share of 1, no unexplained below 0', (n) => {
    const s = summaries.get(n)!;
    const all = [s.sensitivity, ...Object.values(s.sensitivityByTier ?? {})];
    expect(all.length).toBeGreaterThan(1);
    for (const sens of all) {
      if (n < minimumTrialsForShares()) {
        expect(sens.notEstimable).toMatch(/^\d+ trials?: variance shares need at least \d+/);
        expect(sens.unexplained).toMatchObject({ value: null, interval: null, standardError: null, notEstimable: sens.notEstimable });
        for (const d of sens.drivers) {
          expect(d).toMatchObject({ varianceShare: null, varianceShareInterval: null, varianceShareStandardError: null, low: null, high: null, swing: null, notEstimable: sens.notEstimable });
        }
      } else {
        expect(sens.notEstimable).toBeUndefined();
        expect(sens.unexplained.value).toEqual(expect.any(Number));
        for (const d of sens.drivers.filter((x) => x.ownUncertainty)) {
          expect(d.varianceShare).toEqual(expect.any(Number));
          expect(d.varianceShareInterval![1]).toBeGreaterThan(d.varianceShareInterval![0]);
          expect(d.notEstimable).toBeUndefined();
        }
      }
    }
    const w = s.whatMustBeTrue[0]!;
    if (n < minimumTrialsForShares()) expect(w).toMatchObject({ drivers: [], noSingleDriver: false, notEstimable: s.sensitivity.notEstimable });
    else expect(w.notEstimable).toBeUndefined();
  });

  it.each(counts)('%i trials: each expected shortfall interval is null with a reason below MIN_TAIL_TRIALS tail trials, of positive width from there', (n) => {
    const s = summaries.get(n)!;
    for (const [m, d] of Object.entries(s.decisions.downside)) {
      for (const [share, interval] of [
        [0.05, d.worst5Interval],
        [0.1, d.worst10Interval],
      ] as const) {
        if (Math.ceil(share * n) < TAIL_TRIALS) {
          expect(interval, `${m} worst ${share}`).toBeNull();
          expect(d.notEstimable, `${m}`).toMatch(new RegExp(`worst ${share * 100}%`));
        } else {
          expect(interval![1] - interval![0], `${m} worst ${share}`).toBeGreaterThan(0);
        }
      }
      if (d.worst5Interval !== null && d.worst10Interval !== null) expect(d.notEstimable).toBeUndefined();
    }
  });

  it.each(counts)('%i trials: a bad-years standard error is null with a reason when the bad years are one trial', (n) => {
    const s = summaries.get(n)!;
    for (const d of s.badYears.metrics.revenue.drivers) {
      if (s.badYears.trials < 2) {
        expect(d.standardError).toBeNull();
        expect(d.notEstimable).toMatch(/the worst 10% is 1 trial/);
      } else {
        expect(d.standardError).toEqual(expect.any(Number));
        expect(d.notEstimable).toBeUndefined();
      }
    }
  });
});

describe('a single trial: no interval, standard deviation or standard error', () => {
  it.each([1, 2, 3])('%i trials: summary statistics and budgets null with the reason at 1, numbers of positive width from 2', async (n) => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const sim = await simulate(loaded, { trials: n, seed: 7, workers: 0 });
    const s = JSON.parse(JSON.stringify(summarize(sim))) as Summary;
    for (const m of ['revenue', 'bookings', 'endingArr'] as const) {
      const stat = s.metrics[m];
      const budget = s.decisions.budgets.metrics[m];
      const p10 = s.decisions.downside[m].p10;
      if (n < 2) {
        expect(stat).toMatchObject({ sd: null, standardError: null, percentileIntervals: null, notEstimable: expect.stringMatching(/^1 trial: /) });
        expect(stat.percentiles.p50).toBe(stat.mean);
        expect(budget).toMatchObject({ interval: null, notEstimable: expect.stringMatching(/^1 trial: /) });
        expect(p10.interval).toBeNull();
      } else {
        expect(stat.notEstimable).toBeUndefined();
        expect(stat.sd).toBeGreaterThan(0);
        // From 2 trials: sd and standard error, but no interval that would reach beyond the sample
        // (the P50's needs 6 trials, the budget's P20 17: [lowest, highest] of 3 holds the P50 75% of the time).
        expect(stat.percentileIntervals!.p50).toBeNull();
        expect(stat.percentileIntervalsNotEstimable).toContain(`P50 of ${n} trials: its 95% interval reaches beyond the lowest and the highest trial; it needs at least 6 trials`);
        expect(budget).toMatchObject({ interval: null, notEstimable: expect.stringMatching(new RegExp(`^P20 of ${n} trials: its 95% interval reaches (below|beyond) the lowest.*; it needs at least 17 trials$`)) });
      }
    }
  });

  it('a tornado end whose band holds one trial has no interval', async () => {
    const { tornadoEnd } = await import('../../src/analysis/attribution/tornado.js');
    // Percentiles 0.1 apart: the band within 0.05 of 0.3 holds the one trial at 0.3; of 0.35 it holds two.
    const y = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const u = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    const one = tornadoEnd(y, u, 0.3, 0.04);
    expect(one.trials).toBe(1);
    expect(one.metricMedian).toBe(30);
    expect(one.interval).toBeNull();
    expect(one.notEstimable).toEqual(expect.any(String));
    // Two trials: still too few for a 95% interval of their median (it needs 6).
    const two = tornadoEnd(y, u, 0.35, 0.06);
    expect(two.trials).toBe(2);
    expect(two).toMatchObject({ interval: null, notEstimable: "2 trials near the driver's P35: the 95% interval of a median needs at least 6" });
    const six = tornadoEnd(y, u, 0.55, 0.3);
    expect(six.trials).toBe(6);
    expect(six.interval![1]).toBeGreaterThan(six.interval![0]);
    expect(six.notEstimable).toBeUndefined();
  });
});
