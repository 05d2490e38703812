import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/source.js';
import { triangular, triangularCdf } from '../../src/random/triangular.js';
import { expectKs, expectMeanWithin, expectVarianceWithin, mu4FromKurtosis, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

describe('triangular', () => {
  it.each([
    [0, 0.5, 1],
    [1, 3, 8],
    [0, 0, 1],
    [0, 1, 1],
    [-5, 2, 2.5],
  ])('Triangular(%d, %d, %d): mean, variance, KS against triangularCdf', (min, mode, max) => {
    const draw = triangular(createStream(`test/triangular/${min}/${mode}/${max}`));
    const xs = sample(N, () => draw(min, mode, max));
    expectSupport(xs, min, max);
    const variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
    expectMeanWithin(xs, (min + mode + max) / 3, Math.sqrt(variance));
    // Excess kurtosis of every triangular distribution: -3/5.
    expectVarianceWithin(xs, variance, mu4FromKurtosis(variance, -0.6));
    expectKs(xs, (x) => triangularCdf(x, min, mode, max));
  });

  it('triangularCdf has the closed-form values', () => {
    expect(triangularCdf(3, 1, 3, 8)).toBeCloseTo(2 / 7, 15);
    expect(triangularCdf(2, 1, 3, 8)).toBeCloseTo(1 / 14, 15);
    expect(triangularCdf(6, 1, 3, 8)).toBeCloseTo(1 - 4 / 35, 15);
    expect(triangularCdf(0, 1, 3, 8)).toBe(0);
    expect(triangularCdf(1, 1, 3, 8)).toBe(0);
    expect(triangularCdf(8, 1, 3, 8)).toBe(1);
    expect(triangularCdf(9, 1, 3, 8)).toBe(1);
  });

  it('returns min when min = mode = max', () => {
    const draw = triangular(createStream('test/triangular/degenerate'));
    expect(draw(4, 4, 4)).toBe(4);
  });
});
