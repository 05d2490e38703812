import { describe, expect, it } from 'vitest';
import { fitLeadVolume } from '../../src/fit/lead-volume.js';
import { simulateHistory, type HistoryTruth } from './simulate-history.js';

const SEASON = [0.9, 0.9, 1.0, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 1.2, 1.2];

/**
 * A history of 25 months has one month (fiscal month 12) in a partial block of its own. That
 * block's level is the month's count over its weight, so the month's ratio to its level returns
 * the weight it was given: it is no third look at fiscal month 12, and counting it as one narrowed
 * that weight's interval by √(2/3) (truth inside the 95% interval in 88.6% of 1,000 seeds).
 */
describe('seasonal weights with a partial year at the start of the history', () => {
  it('a one-month partial block changes neither the weights nor their intervals', () => {
    const h = simulateHistory({ months: 25, leads: 2700, seasonality: SEASON, k: 40, alpha: 60, beta: 1940, mu: 9, sigma: 0.6, dueCustomers: 10, arrEach: 1000, renewal: 0.9 }, 'partial/one-month');
    const all = fitLeadVolume(h.leads);
    const last24 = fitLeadVolume(h.leads.subarray(1));
    for (let f = 0; f < 12; f++) {
      expect(all.seasonality![f]!.value).toBeCloseTo(last24.seasonality![f]!.value, 12);
      expect(all.seasonality![f]!.lo).toBeCloseTo(last24.seasonality![f]!.lo, 12);
      expect(all.seasonality![f]!.hi).toBeCloseTo(last24.seasonality![f]!.hi, 12);
      expect(all.seasonality![f]!.n).toBe(2);
    }
    expect(all.level.value).toBeCloseTo(last24.level.value, 9);
    expect(all.dispersion.df).toBe(last24.dispersion.df);
  });

  it('fiscal month 12 of 25-month histories: the truth inside its 95% interval within 3 binomial standard errors', () => {
    const SEEDS = 1000;
    const se = Math.sqrt((0.95 * 0.05) / SEEDS);
    const truth: HistoryTruth = { months: 25, leads: 500, seasonality: SEASON, k: 40, alpha: 60, beta: 1940, mu: 9, sigma: 0.6, dueCustomers: 10, arrEach: 1000, renewal: 0.9 };
    let hits = 0;
    for (let s = 0; s < SEEDS; s++) {
      const w = fitLeadVolume(simulateHistory(truth, `partial/${s}`).leads).seasonality![11]!;
      if (w.lo <= SEASON[11]! && SEASON[11]! <= w.hi) hits++;
    }
    expect(Math.abs(hits / SEEDS - 0.95), `${hits} of ${SEEDS}`).toBeLessThanOrEqual(3 * se);
  });
});
