import { describe, expect, it } from 'vitest';
import { Binomial, binomial } from '../../src/random/binomial.js';
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

  it('Binomial keeps constants per p and per (n, p) without changing a draw', () => {
    // One sampler whose p is set once and whose n repeats (its cached constants reused) against a
    // fresh sampler per draw on a stream of the same seed: the same draws, for inversion and btrs,
    // with and without the symmetry, through rejections.
    const ns = [0, 3, 40, 40, 40, 7, 125, 125, 2000, 2000, 1, 125, 40];
    for (const p of [0.03, 0.3, 0.5, 0.86, 0.997]) {
      const kept = new Binomial(createStream(`test/binomial/kept/${p}`));
      kept.setP(p);
      const fresh = createStream(`test/binomial/kept/${p}`);
      for (let round = 0; round < 200; round++) {
        for (const n of ns) {
          const once = new Binomial(fresh);
          once.setP(p);
          expect(kept.draw(n)).toBe(once.draw(n));
        }
      }
    }
  });

  it('Binomial refuses an invalid p at the draw, as binomial does, not when it is set', () => {
    const b = new Binomial(createStream('test/binomial/refuse'));
    b.setP(Number.NaN);
    expect(() => b.draw(10)).toThrow(RangeError);
    b.setP(0.2);
    expect(() => b.draw(2.5)).toThrow(RangeError);
    expect(b.draw(10)).toBeGreaterThanOrEqual(0);
  });
});
