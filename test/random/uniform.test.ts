import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/source.js';
import { uniform } from '../../src/random/uniform.js';
import { expectKs, expectMeanWithin, expectVarianceWithin, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

describe('uniform', () => {
  it.each([
    [0, 1],
    [-3, 5],
    [1e6, 1e6 + 0.5],
  ])('U(%d, %d): mean, variance, KS, support', (min, max) => {
    const draw = uniform(createStream(`test/uniform/${min}/${max}`));
    const xs = sample(N, () => draw(min, max));
    const w = max - min;
    expectMeanWithin(xs, (min + max) / 2, w / Math.sqrt(12));
    expectVarianceWithin(xs, (w * w) / 12, (w * w * w * w) / 80);
    expectKs(xs, (x) => Math.min(1, Math.max(0, (x - min) / w)));
    expectSupport(xs, min, max, { upperOpen: true });
  });

  it('returns min when min = max', () => {
    const draw = uniform(createStream('test/uniform/degenerate'));
    expect(draw(2, 2)).toBe(2);
  });
});
