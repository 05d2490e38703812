import { describe, expect, it } from 'vitest';
import { compileDistribution, lognormalParams, MAX_TABLE_ERROR, MAX_TABLE_SIGMA, MAX_TABLE_SPREAD_ERROR, TABLE_FROM_DEALS } from '../../src/model/distribution-sampler.js';
import { CompoundSumTables } from '../../src/random/compound-sum.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import { betaSeverity } from '../../src/math/beta-severity.js';
import { sumExpNormal } from '../../src/random/normal.js';
import { createStream } from '../../src/random/source.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';
import { ksCritical, sampleMean, twoSampleKs } from '../helpers/stats.js';

/**
 * The one seam of per-unit sums (bindSum) picks its path by the documented rule (lognormal deals
 * here, beta contraction shares below, by the same rule): a lognormal sum of
 * fewer than TABLE_FROM_DEALS deals, of any number when sigma > MAX_TABLE_SIGMA, or of a number whose
 * table error would pass MAX_TABLE_ERROR of its mean, is drawn deal by deal (bit for bit the
 * per-deal sampler); otherwise from the aggregate tables, which must give the distribution of the
 * plain path: n single draws (`bind`) added up.
 * Two-sample KS at alpha = 1e-3, n = m = 20,000 (critical D about 0.019; a CDF difference of 0.03
 * found with probability about 0.9), and the means within the tables' stated error plus 4 standard
 * errors.
 */
const ACV = { dist: 'lognormal' as const, median: 11_000, p90: 24_000 };

/**
 * N sums of n draws of `spec` through bindSum (the tables, by the rule) and N sums of n draws added one
 * by one, on streams of their own: a two-sample KS test at level 1e-3 on the effective size N / 2.
 * Returns the bindSum sums, for the tests of means.
 */
function sumsAgainstOneByOne(spec: DistributionSpec, n: number, N: number, stream: string): Float64Array {
  const compiled = compileDistribution(spec);
  const sum = compiled.bindSum(createStream(`${stream}/fast/${n}`));
  const one = compiled.bind(createStream(`${stream}/slow/${n}`));
  const fast = Float64Array.from({ length: N }, () => sum(n));
  const slow = Float64Array.from({ length: N }, () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += one();
    return s;
  });
  const d = twoSampleKs(fast, slow);
  const crit = ksCritical(N / 2, 1e-3);
  expect(d, `KS D ${d} against ${crit}`).toBeLessThanOrEqual(crit);
  return fast;
}

describe('lognormal sums through bindSum', () => {
  it(`fewer than ${TABLE_FROM_DEALS} deals: the per-deal path, bit for bit`, () => {
    const { mu, sigma } = lognormalParams(ACV);
    const sum = compileDistribution(ACV).bindSum(createStream('path/small'));
    const perDeal = sumExpNormal(createStream('path/small'));
    for (const n of [1, 2, 3, 1, 3]) expect(sum(n)).toBe(Math.exp(mu) * perDeal(n, sigma));
  });

  it('a sum whose table error would pass the maximum: the per-deal path, bit for bit', () => {
    const wide = { dist: 'lognormal' as const, median: 150_000, p90: 400_000 }; // sigma 0.77
    const { mu, sigma } = lognormalParams(wide);
    const tables = new CompoundSumTables(lognormalSeverity(sigma));
    const over = [4, 5, 8, 12, 15].filter((n) => tables.relativeError(n) > MAX_TABLE_ERROR);
    expect(over.length).toBeGreaterThan(0);
    const sum = compileDistribution(wide).bindSum(createStream('path/over'));
    const perDeal = sumExpNormal(createStream('path/over'));
    for (const n of over) expect(sum(n)).toBe(Math.exp(mu) * perDeal(n, sigma));
  });

  it(`sigma above ${MAX_TABLE_SIGMA}: the per-deal path at any size`, () => {
    const wide = { dist: 'lognormal' as const, median: 1_000, p90: 5_000 }; // sigma 1.26
    const { mu, sigma } = lognormalParams(wide);
    expect(sigma).toBeGreaterThan(MAX_TABLE_SIGMA);
    const sum = compileDistribution(wide).bindSum(createStream('path/wide'));
    const perDeal = sumExpNormal(createStream('path/wide'));
    for (const n of [16, 80, 300]) expect(sum(n)).toBe(Math.exp(mu) * perDeal(n, sigma));
  });

  // The spread rule's boundary (MAX_TABLE_SPREAD_ERROR, 0.1: where the tables' variance error, measured,
  // stays within its standard error): deals of sigma 0.0396 (median 1,000, P90 1,052; spread error 0.055)
  // come from the tables, as every sum of them did before the rule; sigma 0.015 (0.137) is deal by deal.
  it('a narrow lognormal within the spread rule comes from the tables; one beyond it, deal by deal', () => {
    const within = { dist: 'lognormal' as const, median: 1_000, p90: 1_052 };
    const { mu, sigma } = lognormalParams(within);
    const tables = new CompoundSumTables(lognormalSeverity(sigma));
    expect(tables.spreadError()).toBeLessThanOrEqual(MAX_TABLE_SPREAD_ERROR);
    const sum = compileDistribution(within).bindSum(createStream('path/narrow'));
    const fromTables = tables.bind(createStream('path/narrow'), () => {
      throw new Error('2,000 and 1,028 deals leave no single deal (multiples of 4)');
    });
    for (const n of [2_000, 1_028]) expect(sum(n)).toBe(Math.exp(mu) * fromTables(n));

    const beyond = { dist: 'lognormal' as const, mu: 7, sigma: 0.015 };
    expect(new CompoundSumTables(lognormalSeverity(0.015)).spreadError()).toBeGreaterThan(MAX_TABLE_SPREAD_ERROR);
    const narrowSum = compileDistribution(beyond).bindSum(createStream('path/narrower'));
    const perDeal = sumExpNormal(createStream('path/narrower'));
    for (const n of [2_000, 64]) expect(narrowSum(n)).toBe(Math.exp(7) * perDeal(n, 0.015));
  });

  const N = 20_000;
  // 63, 64, 65 and 128: the borders of the largest table (64 deals), where a sum switches
  // from the smaller tables plus up to 3 single deals to whole 64-deal draws.
  it.each([TABLE_FROM_DEALS, 7, 16, 45, 63, 64, 65, 128, 130])('%d deals: the tables give the distribution of the deals added one by one', (n) => {
    const fast = sumsAgainstOneByOne(ACV, n, N, 'path');
    const { mu, sigma } = lognormalParams(ACV);
    const mean = n * Math.exp(mu + (sigma * sigma) / 2);
    const sd = Math.sqrt(n * (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma));
    const stated = Math.exp(mu) * new CompoundSumTables(lognormalSeverity(sigma)).meanAbsError(n);
    expect(Math.abs(sampleMean(fast) - mean)).toBeLessThanOrEqual(stated + (4 * sd) / Math.sqrt(N));
  });
});

describe('beta sums through bindSum (contraction shares)', () => {
  const SHARE = { dist: 'beta' as const, mean: 0.25, sd: 0.1 };

  it(`fewer than ${TABLE_FROM_DEALS} shares: drawn one by one, bit for bit`, () => {
    const compiled = compileDistribution(SHARE);
    const sum = compiled.bindSum(createStream('beta/small'));
    const one = compiled.bind(createStream('beta/small'));
    for (const n of [1, 3, 2]) {
      let s = 0;
      for (let i = 0; i < n; i++) s += one();
      expect(sum(n)).toBe(s);
    }
  });

  it('a narrow beta within the spread rule comes from the tables; one beyond it, share by share', () => {
    // Beta(1000, 1000): spread error 0.094; Beta(3000, 3000): 0.160 (the limit, 0.1, is at Beta(1130, 1130)).
    const tables = new CompoundSumTables(betaSeverity(1000, 1000));
    expect(tables.spreadError()).toBeLessThanOrEqual(MAX_TABLE_SPREAD_ERROR);
    const sum = compileDistribution({ dist: 'beta', alpha: 1000, beta: 1000 }).bindSum(createStream('beta/narrow'));
    const fromTables = tables.bind(createStream('beta/narrow'), () => {
      throw new Error('64 and 1,024 shares leave no single share');
    });
    for (const n of [64, 1_024]) expect(sum(n)).toBe(fromTables(n));

    expect(new CompoundSumTables(betaSeverity(3000, 3000)).spreadError()).toBeGreaterThan(MAX_TABLE_SPREAD_ERROR);
    const compiled = compileDistribution({ dist: 'beta', alpha: 3000, beta: 3000 });
    const narrowSum = compiled.bindSum(createStream('beta/narrower'));
    const one = compiled.bind(createStream('beta/narrower'));
    for (const n of [64, 1_024]) {
      let s = 0;
      for (let i = 0; i < n; i++) s += one();
      expect(narrowSum(n)).toBe(s);
    }
  });

  it.each([TABLE_FROM_DEALS, 9, 40, 63, 64, 65])('%d shares: the tables give the distribution of the shares added one by one', (n) => {
    const N = 20_000;
    const fast = sumsAgainstOneByOne(SHARE, n, N, 'beta');
    const var1 = 0.1 * 0.1;
    expect(Math.abs(sampleMean(fast) - n * 0.25)).toBeLessThanOrEqual(MAX_TABLE_ERROR * n * 0.25 + 4 * Math.sqrt((n * var1) / N));
  });
});
