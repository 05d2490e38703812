import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';
import { createStream } from '../../src/random/source.js';
import { expectMeanWithin, expectVarianceWithin, mu4FromKurtosis } from '../helpers/stats.js';

/**
 * Sums of a month's lognormal deals or beta shares (the aggregate tables' rule, distribution-sampler.ts)
 * for severities at their extremes, against the exact moments of a sum of n independent draws: mean
 * n m and variance n v, each within 4 standard errors (the sample variance's from the sum's fourth
 * central moment, through its excess kurtosis: the draw's divided by n).
 *  - A spread tiny beside the mean (lognormal sigma 0.001, Beta(1e6, 1)): the tables' grid spans
 *    [0, 2R) whatever the spread, so their error, within 0.05% of the mean, was many times the sum's
 *    standard deviation (sigma 0.001, 1,000 deals: variance 120 times too large, mean 3,000 standard
 *    errors off). Such sums are now drawn one by one.
 *  - A tail far beyond the bulk (Beta(0.02, 5)): a table whose grid cannot hold the sum threw
 *    ("compound sum of 4 deals: 1.4e-9 of its mass lies beyond its grid"), so a run with these
 *    contraction sizes stopped, exit 1. Such sums are now drawn one by one.
 */
const N = 10_000;

/** Lognormal(0, s): mean, variance and excess kurtosis, in expm1 so tiny sigmas keep their digits. */
function lognormalMoments(s: number): { m: number; v: number; excess: number } {
  const a = s * s;
  return { m: Math.exp(a / 2), v: Math.expm1(a) * Math.exp(a), excess: Math.expm1(4 * a) + 2 * Math.expm1(3 * a) + 3 * Math.expm1(2 * a) };
}

/** Beta(a, b): mean, variance and excess kurtosis. */
function betaMoments(a: number, b: number): { m: number; v: number; excess: number } {
  const t = a + b;
  return {
    m: a / t,
    v: (a * b) / (t * t * (t + 1)),
    excess: (6 * ((a - b) ** 2 * (t + 1) - a * b * (t + 2))) / (a * b * (t + 2) * (t + 3)),
  };
}

describe('sums of n draws at extreme severities keep their exact moments', () => {
  it.each<[string, number, DistributionSpec, { m: number; v: number; excess: number }]>([
    ['lognormal sigma 0.001', 1000, { dist: 'lognormal', mu: 0, sigma: 0.001 }, lognormalMoments(0.001)],
    ['lognormal sigma 1e-9', 50, { dist: 'lognormal', mu: 0, sigma: 1e-9 }, lognormalMoments(1e-9)],
    ['Beta(1e6, 1)', 1000, { dist: 'beta', alpha: 1e6, beta: 1 }, betaMoments(1e6, 1)],
    ['Beta(0.02, 5)', 4, { dist: 'beta', alpha: 0.02, beta: 5 }, betaMoments(0.02, 5)],
    ['Beta(0.02, 5)', 100, { dist: 'beta', alpha: 0.02, beta: 5 }, betaMoments(0.02, 5)],
  ])('%s, sums of %i draws', (name, n, spec, { m, v, excess }) => {
    const draw = compileDistribution(spec).bindSum(createStream(`test/sum-tables-extremes/${name}/${n}`));
    // Stored less their expected mean, so the sample variance loses nothing to the sums' size.
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = draw(n) - n * m;
    expect(xs.every(Number.isFinite)).toBe(true);
    expectMeanWithin(xs, 0, Math.sqrt(n * v));
    expectVarianceWithin(xs, n * v, mu4FromKurtosis(n * v, excess / n));
  });
});
