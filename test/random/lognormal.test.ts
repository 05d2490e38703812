import { describe, expect, it } from 'vitest';
import { lognormal } from '../../src/random/lognormal.js';
import { normalCdf, normalQuantile } from '../../src/math/normal-cdf.js';
import { createStream } from '../../src/random/source.js';
import { expectKs, expectMeanWithin, expectVarianceWithin, mu4FromKurtosis, sample } from '../helpers/stats.js';

const N = 100_000;

describe('lognormal', () => {
  it.each([
    [0, 0.25, true],
    [Math.log(50_000), 0.6, true],
    // sigma = 1: excess kurtosis ~111 and the 8th moment is huge, so the sample variance is far
    // from its normal approximation at n = 1e5; check the mean (its SE is exact) and KS only.
    [-1, 1, false],
  ])('Lognormal(%d, %d): mean exp(mu + sigma^2/2), variance, KS', (mu, sigma, checkVariance) => {
    const draw = lognormal(createStream(`test/lognormal/${mu}/${sigma}`));
    const xs = sample(N, () => draw(mu, sigma));
    const s2 = sigma * sigma;
    const mean = Math.exp(mu + s2 / 2);
    const variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
    expectMeanWithin(xs, mean, Math.sqrt(variance));
    if (checkVariance) {
      const exKurt = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
      expectVarianceWithin(xs, variance, mu4FromKurtosis(variance, exKurt));
    }
    expectKs(xs, (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)));
    expect(xs.filter((x) => !(x > 0 && x < Number.POSITIVE_INFINITY)).length).toBe(0);
  });

  it('matches a P10/P90 pair when fitted with normalQuantile(0.9)', () => {
    const p10 = 20_000;
    const p90 = 120_000;
    const mu = (Math.log(p10) + Math.log(p90)) / 2;
    const sigma = (Math.log(p90) - Math.log(p10)) / (2 * normalQuantile(0.9));
    const draw = lognormal(createStream('test/lognormal/p10p90'));
    const xs = sample(N, () => draw(mu, sigma));
    // The fraction below P10 is a binomial proportion with SE sqrt(0.1 * 0.9 / N).
    const below = xs.filter((x) => x < p10).length / N;
    const above = xs.filter((x) => x > p90).length / N;
    const se = Math.sqrt(0.09 / N);
    expect(Math.abs(below - 0.1)).toBeLessThanOrEqual(4 * se);
    expect(Math.abs(above - 0.1)).toBeLessThanOrEqual(4 * se);
  });
});
