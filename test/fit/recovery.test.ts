import { describe, expect, it } from 'vitest';
import { fitLeadVolume } from '../../src/fit/lead-volume.js';
import { fitConversion } from '../../src/fit/conversion.js';
import { fitAcvFromDeals, fitAcvFromTotals } from '../../src/fit/acv.js';
import { fitRenewal } from '../../src/fit/renewal.js';
import type { Estimate } from '../../src/fit/estimate.js';
import { simulateHistory, type HistoryTruth } from './simulate-history.js';

/**
 * Validation by recovery: simulate history from known parameters, fit it, and count how often the
 * truth falls inside each stated 95% interval. Over SEEDS seeds the count is binomial; a coverage
 * more than 3 standard errors (√(0.95·0.05/SEEDS) = 1.5 points at 200 seeds) from 95% fails.
 */
const SEEDS = 200;
const NOMINAL = 0.95;
const SE = Math.sqrt((NOMINAL * (1 - NOMINAL)) / SEEDS);

const inside = (e: Estimate | undefined, truth: number) => e !== undefined && e.lo <= truth && truth <= e.hi;

function expectCoverage(name: string, hits: number): void {
  const share = hits / SEEDS;
  expect(Math.abs(share - NOMINAL), `${name}: truth inside the 95% interval in ${hits} of ${SEEDS} seeds (${share}); SE ${SE.toFixed(4)}`).toBeLessThanOrEqual(3 * SE);
}

const SEASON = [0.9, 0.9, 1.0, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 1.2, 1.2];
const mean12 = SEASON.reduce((a, b) => a + b, 0) / 12;

function recover(truth: HistoryTruth, label: string) {
  const hits = { level: 0, k: 0, conversion: 0, acvMedian: 0, acvSigma: 0, renewal: 0, season: 0, totalsMean: 0, negativeBinomial: 0 };
  const trueRate = truth.alpha / (truth.alpha + truth.beta);
  for (let s = 0; s < SEEDS; s++) {
    const h = simulateHistory(truth, `${label}/${s}`);
    const leads = fitLeadVolume(h.leads);
    if (inside(leads.level, truth.leads)) hits.level++;
    if (leads.k !== undefined) hits.negativeBinomial++;
    // The dispersion φ the k interval maps: k is recovered when its interval holds the true k.
    if (truth.k !== undefined && inside(leads.k, truth.k)) hits.k++;
    if (truth.seasonality && inside(leads.seasonality?.[10], truth.seasonality[10]! / mean12)) hits.season++;
    if (inside(fitConversion(h.leads, h.deals).rate, trueRate)) hits.conversion++;
    const acv = fitAcvFromDeals(h.dealAmounts, h.dealMonths, truth.months);
    if (inside(acv.median, Math.exp(truth.mu))) hits.acvMedian++;
    if (inside(acv.sigma, truth.sigma)) hits.acvSigma++;
    const totals = fitAcvFromTotals(h.newArr, h.deals);
    const trueMean = Math.exp(truth.mu + truth.sigma ** 2 / 2);
    if (totals.median.lo * Math.exp(totals.sigma.value ** 2 / 2) <= trueMean && trueMean <= totals.median.hi * Math.exp(totals.sigma.value ** 2 / 2)) hits.totalsMean++;
    if (inside(fitRenewal(h.due, h.renewed).rate, truth.renewal)) hits.renewal++;
  }
  return hits;
}

describe('fit: the truth falls inside the stated 95% intervals in about 95% of seeds', () => {
  it('36 months of an SMB-like tier: negative binomial leads with seasonality, beta-binomial conversion', () => {
    const truth: HistoryTruth = { months: 36, leads: 2700, seasonality: SEASON, k: 40, alpha: 60, beta: 1940, mu: Math.log(11000), sigma: 0.6, dueCustomers: 120, arrEach: 12000, renewal: 0.86 };
    const hits = recover(truth, 'recovery/smb36');
    expectCoverage('lead level', hits.level);
    expectCoverage('negative binomial k', hits.k);
    expectCoverage('seasonal weight of fiscal month 11', hits.season);
    expectCoverage('conversion rate', hits.conversion);
    expectCoverage('ACV median (deals file)', hits.acvMedian);
    expectCoverage('ACV sigma (deals file)', hits.acvSigma);
    expectCoverage('dollar renewal rate', hits.renewal);
    expectCoverage('mean ACV from monthly totals', hits.totalsMean);
  });

  it('12 months of an enterprise-like tier: few leads, no seasonality', () => {
    const truth: HistoryTruth = { months: 12, leads: 60, k: 15, alpha: 40, beta: 360, mu: Math.log(150000), sigma: 0.75, dueCustomers: 15, arrEach: 200000, renewal: 0.94 };
    const hits = recover(truth, 'recovery/ent12');
    expectCoverage('lead level', hits.level);
    expectCoverage('negative binomial k', hits.k);
    expectCoverage('conversion rate', hits.conversion);
    expectCoverage('ACV median (deals file)', hits.acvMedian);
    expectCoverage('ACV sigma (deals file)', hits.acvSigma);
    expectCoverage('dollar renewal rate', hits.renewal);
    // Not checked here: the mean ACV from 12 monthly totals of a few skewed deals. Its interval covers
    // about 93% (2,000 seeds: 93.1%), under the 95% stated: a t interval on 12 skewed monthly averages.
    // The README says so; with 36 months (above) it covers 95%.
  });

  it('24 months of Poisson leads: the over-dispersion test rejects Poisson in about 5% of seeds, its level', () => {
    const truth: HistoryTruth = { months: 24, leads: 600, seasonality: SEASON, alpha: 120, beta: 1880, mu: Math.log(45000), sigma: 0.5, dueCustomers: 60, arrEach: 45000, renewal: 0.92 };
    const hits = recover(truth, 'recovery/mm24');
    // Negative binomial chosen when the test rejects at 5%: binomial count around 5% of seeds.
    const se = Math.sqrt((0.05 * 0.95) / SEEDS);
    expect(Math.abs(hits.negativeBinomial / SEEDS - 0.05), `Poisson rejected in ${hits.negativeBinomial} of ${SEEDS} seeds`).toBeLessThanOrEqual(3 * se);
    expectCoverage('lead level', hits.level);
    expectCoverage('seasonal weight of fiscal month 11', hits.season);
    expectCoverage('conversion rate', hits.conversion);
    expectCoverage('dollar renewal rate', hits.renewal);
  });
});

describe('fit: the year-level layer covers drift between years', () => {
  it('next year\'s lead level falls inside the fitted P10-P90 of this year\'s level in at least 80% of seeds (within 3 SE), and the estimate\'s error alone would not cover it', async () => {
    // Levels drift as a random walk, log-normal steps of sd 0.12 (under the 0.15 judgement); three years
    // of history, then the truth is the fourth year's level.
    const { normal, createStream } = await import('../../src/random/index.js');
    const step = normal(createStream('recovery/drift'));
    const z90 = 1.2815515655446004;
    let covered = 0;
    let coveredByErrorAlone = 0;
    for (let s = 0; s < SEEDS; s++) {
      const levels = [1000];
      for (let y = 1; y < 4; y++) levels.push(levels[y - 1]! * Math.exp(step(0, 0.12)));
      const truth: HistoryTruth = { months: 36, leads: 1000, leadLevels: levels.slice(0, 3), seasonality: SEASON, k: 60, alpha: 30, beta: 970, mu: 9, sigma: 0.5, dueCustomers: 50, arrEach: 1000, renewal: 0.9 };
      const fit = fitLeadVolume(simulateHistory(truth, `recovery/drift/${s}`).leads);
      const z = Math.abs(Math.log(levels[3]! / fit.level.value));
      if (z <= z90 * fit.year.sd) covered++;
      if (z <= z90 * fit.year.standardError) coveredByErrorAlone++;
    }
    const se = Math.sqrt((0.8 * 0.2) / SEEDS);
    expect(covered / SEEDS, `inside the year-level P10-P90 in ${covered} of ${SEEDS} seeds`).toBeGreaterThanOrEqual(0.8 - 3 * se);
    expect(coveredByErrorAlone / SEEDS, `inside the estimate's own interval in ${coveredByErrorAlone} of ${SEEDS}`).toBeLessThan(0.8 - 3 * se);
  });
});
