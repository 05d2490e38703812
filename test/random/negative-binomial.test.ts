import { describe, expect, it } from 'vitest';
import { negativeBinomial } from '../../src/random/negative-binomial.js';
import { createStream } from '../../src/random/source.js';
import {
  expectChiSquareFit,
  expectMeanWithin,
  expectVarianceWithin,
  mu4FromKurtosis,
  negativeBinomialPmf,
  sample,
} from '../helpers/stats.js';

const N = 100_000;

describe('negativeBinomial', () => {
  it.each([
    [0.3, 1], // geometric
    [3, 0.5],
    [2.5, 100],
    [40, 5],
    [1000, 2],
  ])('NB(mean %d, dispersion %d): mean m, variance m + m^2/k, chi-square', (mean, k) => {
    const draw = negativeBinomial(createStream(`test/negative-binomial/${mean}/${k}`));
    const xs = sample(N, () => draw(mean, k));
    const variance = mean + (mean * mean) / k;
    expectMeanWithin(xs, mean, Math.sqrt(variance));
    // Excess kurtosis of NB(r = k, p = k / (k + m)): 6 / r + p^2 / (r (1 - p)) = 6 / k + k / (m (k + m)).
    expectVarianceWithin(xs, variance, mu4FromKurtosis(variance, 6 / k + k / (mean * (k + mean))));
    expectChiSquareFit(xs, negativeBinomialPmf(mean, k));
  });

  it('tends to Poisson(mean) for infinite dispersion, and gives 0 for mean 0', () => {
    const draw = negativeBinomial(createStream('test/negative-binomial/poisson'));
    const xs = sample(N, () => draw(12, Number.POSITIVE_INFINITY));
    expectMeanWithin(xs, 12, Math.sqrt(12));
    expectVarianceWithin(xs, 12, 12 + 3 * 144);
    for (let i = 0; i < 100; i++) expect(draw(0, 3)).toBe(0);
  });
});
