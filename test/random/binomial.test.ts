import { describe, expect, it } from 'vitest';
import { binomial } from '../../src/random/binomial.js';
import { createStream } from '../../src/random/source.js';
import { binomialPmf, expectChiSquareFit, expectMeanWithin, expectVarianceWithin, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

describe('binomial', () => {
  it.each([
    [10, 0.3], // inversion
    [1000, 0.02], // n p = 20: BTRS
    [1000, 0.005], // n p = 5: inversion with large n
    [1000, 0.5], // BTRS at the symmetry point
    [1e6, 0.3], // BTRS, large n
    [100, 0.97], // symmetry, then inversion (n q = 3)
    [50, 0.6], // symmetry, then BTRS (n q = 20)
    [25, 0.4], // n p = 10 exactly: BTRS at its lower edge
  ])('Binomial(%d, %d): mean, variance, chi-square', (n, p) => {
    const draw = binomial(createStream(`test/binomial/${n}/${p}`));
    const xs = sample(N, () => draw(n, p));
    const q = 1 - p;
    const variance = n * p * q;
    expectSupport(xs, 0, n, { integer: true });
    expectMeanWithin(xs, n * p, Math.sqrt(variance));
    // Fourth central moment n p q (1 + 3 (n - 2) p q).
    expectVarianceWithin(xs, variance, variance * (1 + 3 * (n - 2) * p * q));
    expectChiSquareFit(xs, binomialPmf(n, p));
  });

  it.each([
    [1e9, 0.3],
    [1e9, 1e-9],
    [1e9, 0.9999],
  ])('Binomial(%d, %d): mean and variance, in O(1) per draw', (n, p) => {
    const draw = binomial(createStream(`test/binomial/huge/${n}/${p}`));
    const xs = sample(N, () => draw(n, p));
    const variance = n * p * (1 - p);
    expectMeanWithin(xs, n * p, Math.sqrt(variance));
    expectVarianceWithin(xs, variance, variance * (1 + 3 * (n - 2) * p * (1 - p)));
  });

  it.each([
    [0, 0.5, 0],
    [5, 0, 0],
    [5, 1, 5],
    [0, 0, 0],
    [0, 1, 0],
  ])('Binomial(%d, %d) is always %d', (n, p, expected) => {
    const draw = binomial(createStream(`test/binomial/edge/${n}/${p}`));
    for (let i = 0; i < 100; i++) expect(draw(n, p)).toBe(expected);
  });
});
