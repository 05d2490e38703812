import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioFrom, column } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';
import { batchMeans, betaBinomialPmf, pmfQuartiles } from '../helpers/stats.js';

/**
 * The issue's example, worked by hand. Conversion ~ Beta(a, b) with mean 5% and sd 1.5%:
 * a + b = m (1 - m) / sd^2 - 1 = 0.0475 / 0.000225 - 1 = 210.11, a = 10.506, b = 199.61. The first
 * half brings 6,000 leads (1,000 a month, a fixed number) and 480 deals; deals close in their
 * lead's month, so the likelihood is Binomial(6,000, p) and the posterior Beta(a + 480, b + 5,520):
 * mean 490.51 / 6,210.11 = 7.898%. The second half again has exactly 6,000 leads, so its deals D are
 * beta-binomial(6,000, a', b') and, with a fixed ACV of 10,000 and no book, ending ARR = ending
 * ARR after month 6 + 10,000 D: mean n a' / (a' + b') and variance n a' b' (a' + b' + n) / ((a' + b')^2 (a' + b' + 1)).
 */
const YAML = `
name: closed form
trials: 4000
seed: 3
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1000
      conversion: { dist: beta, mean: 0.05, sd: 0.015 }
      salesCycleMonths: 0
      acv: 10000
`;

const nu = (0.05 * 0.95) / 0.015 ** 2 - 1;
const a = 0.05 * nu;
const b = 0.95 * nu;
const A = a + 480;
const B = b + 6000 - 480;
const N = 6000;


describe('re-forecast against the exact posterior predictive (beta-binomial)', () => {
  const months = Array.from({ length: 6 }, (_, i) => ({ leads: 1000, deals: 80, new_arr: 800_000, ending_arr: 800_000 * (i + 1) }));
  const file = monthlyFile({ T: months });

  it('learns conversion: the posterior mean is (a + 480) / (a + b + 6,000) = 7.90%', async () => {
    const sim = await simulate(scenarioFrom(YAML), { trials: 4000, seed: 3, workers: 0, actuals: { file, months: 6 } });
    const p = column(sim, 'driver.T.conversion');
    const { mean, se } = batchMeans(p);
    expect(A / (A + B)).toBeCloseTo(0.07898, 4);
    expect(Math.abs(mean - A / (A + B))).toBeLessThan(4 * se);
  });

  it('gives the second half deals the beta-binomial mean and variance', async () => {
    const sim = await simulate(scenarioFrom(YAML), { trials: 4000, seed: 4, workers: 0, actuals: { file, months: 6 } });
    const deals = column(sim, 'endingArr').map((x) => (x - 4_800_000) / 10_000);
    expect(deals.every((d) => Number.isInteger(Math.round(d * 1e6) / 1e6))).toBe(true);
    const mean = (N * A) / (A + B);
    const variance = (N * A * B * (A + B + N)) / ((A + B) ** 2 * (A + B + 1));
    const m = batchMeans(deals);
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * m.se);
    // The variance as the mean of squared deviations from the exact mean, its SE by batch means too.
    const v = batchMeans(deals.map((d) => (d - mean) ** 2));
    expect(Math.abs(v.mean - variance)).toBeLessThan(4 * v.se);
    // And the whole distribution: the exact beta-binomial CDF at its quartiles against the sample's share below.
    const quartiles = pmfQuartiles(betaBinomialPmf(N, A, B), N);
    for (const { k, p } of quartiles) {
      const share = batchMeans(deals.map((d) => (d <= k + 1e-9 ? 1 : 0)));
      expect(Math.abs(share.mean - p)).toBeLessThan(4 * Math.max(share.se, Math.sqrt((p * (1 - p)) / deals.length)));
    }
  });
});

describe('re-forecast of a cold half year (beta-binomial, by hand)', () => {
  // 150 deals from the same 6,000 leads, 2.5% against the prior's 5%: the posterior is
  // Beta(a + 150, b + 5,850), mean 160.51 / 6,210.11 = 2.585%, below the prior as the hot half's 7.90% is above it.
  const months = Array.from({ length: 6 }, (_, i) => ({ leads: 1000, deals: 25, new_arr: 250_000, ending_arr: 250_000 * (i + 1) }));
  const file = monthlyFile({ T: months });
  it('moves conversion down to (a + 150) / (a + b + 6,000), and the second half deals to its beta-binomial mean', async () => {
    const sim = await simulate(scenarioFrom(YAML), { trials: 2000, seed: 5, workers: 0, actuals: { file, months: 6 } });
    const Ac = a + 150;
    const Bc = b + 6000 - 150;
    expect(Ac / (Ac + Bc)).toBeCloseTo(0.02585, 4);
    const p = batchMeans(column(sim, 'driver.T.conversion'));
    expect(Math.abs(p.mean - Ac / (Ac + Bc)), `posterior mean ${p.mean}, SE ${p.se}`).toBeLessThan(4 * p.se);
    const deals = batchMeans(column(sim, 'endingArr').map((x) => (x - 1_500_000) / 10_000));
    expect(Math.abs(deals.mean - (N * Ac) / (Ac + Bc)), `second-half deals ${deals.mean}, SE ${deals.se}`).toBeLessThan(4 * deals.se);
  });
});
