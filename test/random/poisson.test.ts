import { describe, expect, it } from 'vitest';
import { poisson } from '../../src/random/poisson.js';
import { createStream } from '../../src/random/source.js';
import { expectChiSquareFit, expectMeanWithin, expectVarianceWithin, poissonPmf, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

describe('poisson', () => {
  it.each([0.5, 3, 9.99, 10, 37.5, 1e4])('Poisson(%d): mean, variance, chi-square', (mean) => {
    const draw = poisson(createStream(`test/poisson/${mean}`));
    const xs = sample(N, () => draw(mean));
    expectMeanWithin(xs, mean, Math.sqrt(mean));
    // Fourth central moment m + 3 m^2.
    expectVarianceWithin(xs, mean, mean + 3 * mean * mean);
    expectChiSquareFit(xs, poissonPmf(mean));
  });

  it.each([1e6, 1e8, 1e9])('Poisson(%d): mean and variance, in O(1) per draw', (mean) => {
    const draw = poisson(createStream(`test/poisson/huge/${mean}`));
    const xs = sample(N, () => draw(mean));
    expectSupport(xs, 0, Number.POSITIVE_INFINITY, { upperOpen: true, integer: true });
    expectMeanWithin(xs, mean, Math.sqrt(mean));
    expectVarianceWithin(xs, mean, mean + 3 * mean * mean);
  });

  it('returns 0 for mean 0', () => {
    const draw = poisson(createStream('test/poisson/zero'));
    for (let i = 0; i < 100; i++) expect(draw(0)).toBe(0);
  });

  it('uses one uniform per draw below mean 10 (inversion)', () => {
    const stream = createStream('test/poisson/count');
    let calls = 0;
    const draw = poisson(() => {
      calls++;
      return stream();
    });
    for (let i = 0; i < 1000; i++) draw(7.5);
    expect(calls).toBe(1000);
  });
});
