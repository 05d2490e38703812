import { describe, expect, it } from 'vitest';
import { beta, betaInto } from '../../src/random/beta.js';
import { gamma } from '../../src/random/gamma.js';
import { negativeBinomial, negativeBinomialAt } from '../../src/random/negative-binomial.js';
import { standardNormal, standardNormalInto } from '../../src/random/normal.js';
import { poisson, poissonAt } from '../../src/random/poisson.js';
import { createStream } from '../../src/random/source.js';

/**
 * The samplers whose parameters or results pass through slots (`poissonAt`, `negativeBinomialAt`,
 * `betaInto`, `standardNormalInto`: no fractional number crosses a call) against the plain algorithms they replace, on
 * streams of the same name, bit for bit: a negative binomial is Poisson(Gamma(k, m / k)) from `gamma`
 * and `poisson` samplers on one source, as negativeBinomial drew it before; a beta of shapes above 1
 * is X / (X + Y) of two `gamma` draws, X first. Parameters change from draw to draw, as the model's do
 * (cached constants must follow them).
 */
const MEANS = [0, 0.3, 4, 9.99, 10, 37.5, 600, 2e4];

describe('poissonAt', () => {
  it('draws what poisson draws at the mean in its slot', () => {
    const slot = new Float64Array(1);
    const at = poissonAt(createStream('slot/poisson'), slot);
    const plain = poisson(createStream('slot/poisson'));
    for (let i = 0; i < 4000; i++) {
      const mean = MEANS[i % MEANS.length]! * (1 + (i % 7) / 13);
      slot[0] = mean;
      expect(at()).toBe(plain(mean));
    }
  });

  it('refuses a mean it cannot draw at, as poisson does', () => {
    const slot = new Float64Array([-1]);
    expect(() => poissonAt(createStream('slot/poisson/bad'), slot)()).toThrow(/poisson.*mean/);
    slot[0] = Number.NaN;
    expect(() => poissonAt(createStream('slot/poisson/bad'), slot)()).toThrow(/poisson.*mean/);
  });
});

describe('negativeBinomialAt', () => {
  it('is Poisson(Gamma(k, m / k)) of gamma and poisson samplers on one source, bit for bit', () => {
    const params = new Float64Array(2);
    const at = negativeBinomialAt(createStream('slot/nb'), params);
    const source = createStream('slot/nb');
    const g = gamma(source);
    const p = poisson(source);
    for (let i = 0; i < 4000; i++) {
      const mean = MEANS[i % MEANS.length]! * (1 + (i % 5) / 11);
      const k = [0.5, 5, 40, 15][i % 4]!;
      params[0] = mean;
      params[1] = k;
      expect(at()).toBe(mean === 0 ? 0 : p(g(k, mean / k)));
    }
  });

  it('draws what negativeBinomial draws, Infinity (Poisson) and a tiny dispersion included', () => {
    const params = new Float64Array(2);
    const at = negativeBinomialAt(createStream('slot/nb2'), params);
    const plain = negativeBinomial(createStream('slot/nb2'));
    for (let i = 0; i < 2000; i++) {
      const mean = MEANS[i % MEANS.length]!;
      const k = [Number.POSITIVE_INFINITY, 3, 1e-300][i % 3]!;
      params[0] = mean;
      params[1] = k;
      expect(at()).toBe(plain(mean, k));
    }
  });
});

describe('betaInto', () => {
  it('is X / (X + Y) of two gamma draws, X first, for shapes above 1, bit for bit', () => {
    const out = new Float64Array(1);
    const into = betaInto(createStream('slot/beta'), out);
    const g = gamma(createStream('slot/beta'));
    for (let i = 0; i < 4000; i++) {
      const a = [2, 17.3, 1.5, 140][i % 4]!;
      const b = [5, 3.2, 60][i % 3]!;
      into(a, b);
      const x = g(a, 1);
      const y = g(b, 1);
      expect(Object.is(out[0], x / (x + y))).toBe(true);
    }
  });

  it('draws what beta draws, Jöhnk (both shapes at most 1) included', () => {
    const out = new Float64Array(1);
    const into = betaInto(createStream('slot/beta2'), out);
    const plain = beta(createStream('slot/beta2'));
    for (let i = 0; i < 4000; i++) {
      const a = [0.5, 2, 0.9, 1e-310][i % 4]!;
      const b = [0.3, 0.7, 4, 1e-310][i % 4]!;
      into(a, b);
      expect(Object.is(out[0], plain(a, b))).toBe(true);
    }
  });
});

describe('standardNormalInto', () => {
  it('draws what standardNormal draws, the wedge and the tail (about 1 draw in 100) included', () => {
    const out = new Float64Array(1);
    const into = standardNormalInto(createStream('slot/normal'), out);
    const plain = standardNormal(createStream('slot/normal'));
    let far = 0;
    for (let i = 0; i < 200_000; i++) {
      into();
      const z = plain();
      expect(Object.is(out[0], z)).toBe(true);
      if (Math.abs(z) > 3.442619855899) far++;
    }
    // The tail (beyond R) was reached: about 200,000 x 5.8e-4 = 116 draws.
    expect(far).toBeGreaterThan(50);
  });
});
