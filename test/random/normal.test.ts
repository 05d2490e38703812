import { describe, expect, it } from 'vitest';
import { normal, standardNormal } from '../../src/random/normal.js';
import { normalCdf } from '../../src/math/normal-cdf.js';
import { createStream } from '../../src/random/source.js';
import { expectKs, expectMeanWithin, expectVarianceWithin, sample } from '../helpers/stats.js';

const N = 100_000;

describe('standardNormal', () => {
  it('has mean 0, variance 1 (mu4 = 3) and passes KS against normalCdf', () => {
    const z = standardNormal(createStream('test/normal/standard'));
    const xs = sample(N, z);
    expectMeanWithin(xs, 0, 1);
    expectVarianceWithin(xs, 1, 3);
    expectKs(xs, normalCdf);
  });

  it('produces uncorrelated consecutive draws', () => {
    const z = standardNormal(createStream('test/normal/pairs'));
    let s = 0;
    for (let i = 0; i < N; i++) s += z() * z();
    // Each product has mean 0 and variance 1 under independence.
    expect(Math.abs(s / N)).toBeLessThanOrEqual(4 / Math.sqrt(N));
  });
});

describe('normal', () => {
  it.each([
    [0, 1],
    [100, 15],
    [-2.5, 0.01],
  ])('Normal(%d, %d): mean, variance, KS', (mu, sigma) => {
    const draw = normal(createStream(`test/normal/${mu}/${sigma}`));
    const xs = sample(N, () => draw(mu, sigma));
    expectMeanWithin(xs, mu, sigma);
    expectVarianceWithin(xs, sigma * sigma, 3 * sigma ** 4);
    expectKs(xs, (x) => normalCdf((x - mu) / sigma));
  });

  it('never returns a non-finite value even when the source returns 0', () => {
    let i = 0;
    const zeros = [0, 0, 0, 0.5, 0.5, 0.25];
    const draw = normal(() => zeros[i++ % zeros.length]!);
    for (let k = 0; k < 10; k++) expect(Number.isFinite(draw(0, 1))).toBe(true);
  });
});
