import { describe, it } from 'vitest';
import { gamma } from '../../src/random/gamma.js';
import { createStream } from '../../src/random/source.js';
import { expectKs, expectMeanWithin, expectVarianceWithin, gammaCdf, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

describe('gamma', () => {
  it.each([
    [0.05, 2],
    [0.3, 1],
    [1, 3],
    [2.5, 12],
    [50, 0.1],
    [1000, 1],
  ])('Gamma(shape %d, scale %d): mean k theta, variance k theta^2, KS against P(k, x / theta)', (shape, scale) => {
    const draw = gamma(createStream(`test/gamma/${shape}/${scale}`));
    const xs = sample(N, () => draw(shape, scale));
    expectSupport(xs, 0, Number.POSITIVE_INFINITY, { upperOpen: true });
    const variance = shape * scale * scale;
    expectMeanWithin(xs, shape * scale, Math.sqrt(variance));
    // Fourth central moment 3 k (k + 2) theta^4 (excess kurtosis 6 / k).
    expectVarianceWithin(xs, variance, 3 * shape * (shape + 2) * scale ** 4);
    expectKs(xs, (x) => gammaCdf(x, shape, scale));
  });

  it('shape 1 is the exponential: KS against 1 - e^(-x)', () => {
    const draw = gamma(createStream('test/gamma/exponential'));
    expectKs(
      sample(N, () => draw(1, 1)),
      (x) => (x <= 0 ? 0 : -Math.expm1(-x)),
    );
  });

  it('shape 2: KS against the closed form 1 - e^(-x)(1 + x)', () => {
    const draw = gamma(createStream('test/gamma/erlang2'));
    expectKs(
      sample(N, () => draw(2, 1)),
      (x) => (x <= 0 ? 0 : 1 - Math.exp(-x) * (1 + x)),
    );
  });
});
