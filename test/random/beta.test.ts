import { describe, expect, it } from 'vitest';
import { beta } from '../../src/random/beta.js';
import { createStream } from '../../src/random/source.js';
import { betaCdf, expectKs, expectMeanWithin, expectVarianceWithin, mu4FromKurtosis, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

function betaMoments(a: number, b: number) {
  const s = a + b;
  const mean = a / s;
  const variance = (a * b) / (s * s * (s + 1));
  const exKurt = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
  return { mean, variance, mu4: mu4FromKurtosis(variance, exKurt) };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

describe('beta', () => {
  it.each([
    // [alpha, beta, closed-form CDF or undefined for the incomplete beta]
    [0.5, 0.5, (x: number) => (2 / Math.PI) * Math.asin(Math.sqrt(clamp01(x)))],
    [1, 1, clamp01],
    [2, 1, (x: number) => clamp01(x) ** 2],
    [1, 2, (x: number) => 1 - (1 - clamp01(x)) ** 2],
    [0.3, 0.7, undefined],
    [0.2, 3, undefined],
    [2, 5, undefined],
    [30, 70, undefined],
  ] as const)('Beta(%d, %d): mean, variance, KS', (a, b, closedForm) => {
    const draw = beta(createStream(`test/beta/${a}/${b}`));
    const xs = sample(N, () => draw(a, b));
    expectSupport(xs, 0, 1);
    const m = betaMoments(a, b);
    expectMeanWithin(xs, m.mean, Math.sqrt(m.variance));
    expectVarianceWithin(xs, m.variance, m.mu4);
    expectKs(xs, closedForm ?? ((x) => betaCdf(x, a, b)));
  });

  it('stays finite for tiny shapes, where both gammas would underflow', () => {
    const draw = beta(createStream('test/beta/tiny'));
    const xs = sample(10_000, () => draw(0.005, 0.005));
    expectSupport(xs, 0, 1);
    // Beta(0.005, 0.005) puts mass 1/2 near each end; the fraction above 1/2 is ~ Binomial(n, 1/2).
    const above = xs.filter((x) => x > 0.5).length / xs.length;
    expect(Math.abs(above - 0.5)).toBeLessThanOrEqual(4 * Math.sqrt(0.25 / xs.length));
  });
});
