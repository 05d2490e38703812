import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/math/normal-cdf.js';
import { sumExpNormal } from '../../src/random/normal.js';
import { createStream } from '../../src/random/source.js';
import { expectKs, expectMeanWithin, expectVarianceWithin, sample } from '../helpers/stats.js';

/**
 * sumExpNormal(n, sigma) = sum of n independent exp(sigma Z), Z ~ N(0, 1): the lognormal sums of
 * the model (a month's deal ACVs). n = 1 with sigma = 1 gives Z itself (log of the draw), which is
 * tested against the normal CDF by KS (fast path, wedges and tail all reached in 100,000 draws);
 * for n > 1 the sum's mean n e^(s^2/2) and variance n (e^(s^2) - 1) e^(s^2) are exact.
 */
const N = 100_000;

describe('sumExpNormal', () => {
  it('n = 1, sigma = 1: log of the draw is standard normal (KS with Stephens, mean, variance, tail share)', () => {
    const d = sumExpNormal(createStream('test/sum-exp-normal/one'));
    const zs = sample(N, () => Math.log(d(1, 1)));
    expectKs(zs, normalCdf);
    expectMeanWithin(zs, 0, 1);
    expectVarianceWithin(zs, 1, 3);
    // P(|Z| > 3.4426) (the ziggurat's tail) = 5.76e-4: 57.6 expected, sd 7.6.
    let tail = 0;
    for (const z of zs) if (Math.abs(z) > 3.442619855899) tail++;
    expect(Math.abs(tail - 57.6)).toBeLessThan(4.5 * Math.sqrt(57.6));
  });

  it.each([
    [2, 0.6],
    [7, 0.3],
    [40, 0.8],
  ])('n = %s, sigma = %s: mean and variance of the sum are exact', (n, s) => {
    const d = sumExpNormal(createStream(`test/sum-exp-normal/${n}`));
    const xs = sample(N / 4, () => d(n, s));
    const m1 = Math.exp((s * s) / 2);
    const v1 = (Math.exp(s * s) - 1) * Math.exp(s * s);
    expectMeanWithin(xs, n * m1, Math.sqrt(n * v1));
    // Fourth central moment of a sum of n iid: n mu4 + 3 n (n - 1) v^2, with the lognormal's mu4.
    const w = Math.exp(s * s);
    const mu4 = v1 * v1 * (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3);
    expectVarianceWithin(xs, n * v1, n * mu4 + 3 * n * (n - 1) * v1 * v1);
  });

  it('n = 0 is 0 and draws nothing; a plain function source works too', () => {
    const st = createStream('test/sum-exp-normal/zero');
    const d = sumExpNormal(st);
    const before = st.state();
    expect(d(0, 1)).toBe(0);
    expect(st.state()).toEqual(before);
    let i = 0;
    const plain = sumExpNormal(() => ((i++ * 0.6180339887) % 1));
    expect(Number.isFinite(plain(5, 0.5))).toBe(true);
  });
});
