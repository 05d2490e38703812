import { describe, expect, it } from 'vitest';
import { pert, pertShape } from '../../src/random/pert.js';
import { createStream } from '../../src/random/source.js';
import { betaCdf, expectKs, expectMeanWithin, expectVarianceWithin, mu4FromKurtosis, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

describe('pertShape', () => {
  it('gives the lambda = 4 shapes', () => {
    expect(pertShape(0, 0.5, 1)).toEqual({ alpha: 3, beta: 3 });
    const s = pertShape(0, 2, 10);
    expect(s.alpha).toBeCloseTo(1.8, 15);
    expect(s.beta).toBeCloseTo(4.2, 15);
    expect(pertShape(100, 100, 200)).toEqual({ alpha: 1, beta: 5 });
  });
});

describe('pert', () => {
  it('mode in the middle: Beta(3, 3) scaled, KS against the closed form 10t^3 - 15t^4 + 6t^5', () => {
    const draw = pert(createStream('test/pert/symmetric'));
    const xs = sample(N, () => draw(-1, 1, 3));
    expectKs(xs, (x) => {
      const t = Math.min(1, Math.max(0, (x + 1) / 4));
      return t * t * t * (10 - 15 * t + 6 * t * t);
    });
  });

  it.each([
    [0, 0.5, 1],
    [0, 2, 10],
    [100, 100, 200],
    [0.02, 0.05, 0.12],
    [1e6, 2.5e6, 3e6],
  ])('PERT(%d, %d, %d): mean (min + 4 mode + max)/6, variance, KS', (min, mode, max) => {
    const draw = pert(createStream(`test/pert/${min}/${mode}/${max}`));
    const xs = sample(N, () => draw(min, mode, max));
    expectSupport(xs, min, max);
    const { alpha: a, beta: b } = pertShape(min, mode, max);
    const r = max - min;
    const s = a + b;
    const variance = (r * r * a * b) / (s * s * (s + 1));
    const exKurt = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
    expectMeanWithin(xs, (min + 4 * mode + max) / 6, Math.sqrt(variance));
    expectVarianceWithin(xs, variance, mu4FromKurtosis(variance, exKurt));
    expectKs(xs, (x) => betaCdf((x - min) / r, a, b));
  });

  it('returns min when min = max', () => {
    const draw = pert(createStream('test/pert/degenerate'));
    expect(draw(5, 5, 5)).toBe(5);
  });
});
