import { describe, expect, it } from 'vitest';
import { beta } from '../../src/random/beta.js';
import { binomial } from '../../src/random/binomial.js';
import { discreteIndex, prepareAlias } from '../../src/random/discrete.js';
import { empiricalIndex } from '../../src/random/empirical.js';
import { gamma } from '../../src/random/gamma.js';
import { lognormal } from '../../src/random/lognormal.js';
import { fitMetalog } from '../../src/math/metalog.js';
import { metalog } from '../../src/random/metalog.js';
import { negativeBinomial } from '../../src/random/negative-binomial.js';
import { normal, standardNormal } from '../../src/random/normal.js';
import { pert } from '../../src/random/pert.js';
import { poisson } from '../../src/random/poisson.js';
import { createStream, type RandomSource } from '../../src/random/source.js';
import { prepareTruncatedNormal, type TruncatedNormalParams } from '../../src/math/truncated-normal.js';
import { truncatedNormal } from '../../src/random/truncated-normal.js';
import { triangular } from '../../src/random/triangular.js';
import { uniform } from '../../src/random/uniform.js';

/**
 * Bad-input tables, one per sampler (stdlib-js style; issue 10, "samplers below the schema"). The
 * contract (src/random/parameter-error.ts): a parameter outside a sampler's domain throws a
 * RangeError naming the sampler, the parameter, the rule and the value, before any uniform is
 * drawn; no sampler returns NaN for it or loops on it (`poisson(NaN)` used to never return).
 * Values at the edge of the domain, and huge ones, return a draw at once.
 */

const NAN = Number.NaN;
const INF = Number.POSITIVE_INFINITY;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const WHOLE = 'a whole number from 0 to 9007199254740991';

/** A stream that counts its draws, to show a refused call draws nothing. */
function counting(seed: string): { source: RandomSource; draws: () => number } {
  const stream = createStream(seed);
  let n = 0;
  return {
    source: () => {
      n++;
      return stream();
    },
    draws: () => n,
  };
}

/** Expect `call` on a fresh counting source to throw exactly `message` as a RangeError, drawing nothing. */
function expectRefused<T>(make: (s: RandomSource) => T, call: (draw: T) => unknown, message: string): void {
  const { source, draws } = counting('test/bad-parameters');
  const draw = make(source);
  let thrown: unknown;
  try {
    call(draw);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(RangeError);
  expect((thrown as RangeError).message).toBe(message);
  expect(draws()).toBe(0);
}

describe('poisson(mean)', () => {
  const rule = 'a finite number >= 0';
  it.each([
    [NAN, `poisson: mean must be ${rule}, got NaN`],
    [INF, `poisson: mean must be ${rule}, got Infinity`],
    [-INF, `poisson: mean must be ${rule}, got -Infinity`],
    [-1, `poisson: mean must be ${rule}, got -1`],
    [-5e-324, `poisson: mean must be ${rule}, got -5e-324`],
    [-20, `poisson: mean must be ${rule}, got -20`],
  ])('refuses %d', (mean, message) => expectRefused(poisson, (d) => d(mean), message));

  it.each([0, -0, 5e-324, 1e15, 1e300, Number.MAX_VALUE])('accepts %d and returns a count at once', (mean) => {
    const x = poisson(createStream('test/bad-parameters/poisson'))(mean);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(x)).toBe(true);
  });
});

describe('binomial(n, p)', () => {
  const p = 'a probability in [0, 1]';
  it.each([
    [NAN, 0.5, `binomial: n must be ${WHOLE}, got NaN`],
    [INF, 0.5, `binomial: n must be ${WHOLE}, got Infinity`],
    [-INF, 0.5, `binomial: n must be ${WHOLE}, got -Infinity`],
    [-1, 0.5, `binomial: n must be ${WHOLE}, got -1`],
    [-1, 0, `binomial: n must be ${WHOLE}, got -1`],
    [2.5, 0.5, `binomial: n must be ${WHOLE}, got 2.5`],
    [MAX_SAFE + 1, 0.5, `binomial: n must be ${WHOLE}, got 9007199254740992`],
    [1e300, 0.5, `binomial: n must be ${WHOLE}, got 1e+300`],
    [10, NAN, `binomial: p must be ${p}, got NaN`],
    [0, NAN, `binomial: p must be ${p}, got NaN`],
    [10, -0.1, `binomial: p must be ${p}, got -0.1`],
    [10, 1.5, `binomial: p must be ${p}, got 1.5`],
    [10, INF, `binomial: p must be ${p}, got Infinity`],
    [10, -INF, `binomial: p must be ${p}, got -Infinity`],
  ])('refuses n = %d, p = %d', (n, prob, message) => expectRefused(binomial, (d) => d(n, prob), message));

  it.each([
    [0, 0.5],
    [10, 0],
    [10, 1],
    [MAX_SAFE, 0.5],
    [MAX_SAFE, 1e-12],
    [1e15, 1 - 1e-9],
  ])('accepts n = %d, p = %d and returns 0 <= k <= n at once', (n, prob) => {
    const k = binomial(createStream('test/bad-parameters/binomial'))(n, prob);
    expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
  });
});

describe('negativeBinomial(mean, dispersion)', () => {
  const mean = 'a finite number >= 0';
  const k = 'a number > 0 (Infinity for Poisson)';
  it.each([
    [NAN, 5, `negativeBinomial: mean must be ${mean}, got NaN`],
    [INF, 5, `negativeBinomial: mean must be ${mean}, got Infinity`],
    [-1, 5, `negativeBinomial: mean must be ${mean}, got -1`],
    [40, NAN, `negativeBinomial: dispersion must be ${k}, got NaN`],
    [40, 0, `negativeBinomial: dispersion must be ${k}, got 0`],
    [40, -1, `negativeBinomial: dispersion must be ${k}, got -1`],
    [40, -INF, `negativeBinomial: dispersion must be ${k}, got -Infinity`],
    [0, NAN, `negativeBinomial: dispersion must be ${k}, got NaN`],
  ])('refuses mean = %d, dispersion = %d', (m, d, message) => expectRefused(negativeBinomial, (draw) => draw(m, d), message));

  it.each([
    [0, 5],
    [40, INF],
    [40, 1e-300],
    // mean / dispersion overflows: the mixing gamma is scaled in logs.
    [1e15, 1e-300],
    [1e15, 1e15],
  ])('accepts mean = %d, dispersion = %d and returns a count at once', (m, d) => {
    const x = negativeBinomial(createStream('test/bad-parameters/nb'))(m, d);
    expect(x >= 0 && Number.isFinite(x)).toBe(true);
  });
});

describe('gamma(shape, scale)', () => {
  const shape = 'a finite number > 0';
  const scale = 'a finite number >= 0';
  it.each([
    [NAN, 1, `gamma: shape must be ${shape}, got NaN`],
    [0, 1, `gamma: shape must be ${shape}, got 0`],
    [-1, 1, `gamma: shape must be ${shape}, got -1`],
    [INF, 1, `gamma: shape must be ${shape}, got Infinity`],
    [-INF, 1, `gamma: shape must be ${shape}, got -Infinity`],
    [2, NAN, `gamma: scale must be ${scale}, got NaN`],
    [2, -1, `gamma: scale must be ${scale}, got -1`],
    [2, INF, `gamma: scale must be ${scale}, got Infinity`],
    [0.5, -INF, `gamma: scale must be ${scale}, got -Infinity`],
  ])('refuses shape = %d, scale = %d', (k, theta, message) => expectRefused(gamma, (d) => d(k, theta), message));

  it('refuses a bad shape after good ones (the per-shape constants are recomputed and checked)', () => {
    const draw = gamma(createStream('test/bad-parameters/gamma/sequence'));
    draw(2.5, 1);
    draw(2.5, 1);
    expect(() => draw(NAN, 1)).toThrow(new RangeError(`gamma: shape must be ${shape}, got NaN`));
    expect(draw(2.5, 1)).toBeGreaterThan(0);
  });

  it.each([
    [5e-324, 1],
    [1e-300, 1],
    [2, 0],
    [1e300, 1],
    [1, 1e300],
  ])('accepts shape = %d, scale = %d and returns a draw at once', (k, theta) => {
    const x = gamma(createStream('test/bad-parameters/gamma'))(k, theta);
    expect(x >= 0 && Number.isFinite(x)).toBe(true);
  });
});

describe('beta(alpha, beta)', () => {
  const rule = 'a finite number > 0';
  it.each([
    [NAN, 2, `beta: alpha must be ${rule}, got NaN`],
    [0, 2, `beta: alpha must be ${rule}, got 0`],
    [-1, 2, `beta: alpha must be ${rule}, got -1`],
    [INF, INF, `beta: alpha must be ${rule}, got Infinity`],
    [2, NAN, `beta: beta must be ${rule}, got NaN`],
    [2, 0, `beta: beta must be ${rule}, got 0`],
    [0.5, -0.5, `beta: beta must be ${rule}, got -0.5`],
    [2, INF, `beta: beta must be ${rule}, got Infinity`],
  ])('refuses alpha = %d, beta = %d', (a, b, message) => expectRefused(beta, (d) => d(a, b), message));

  it.each([
    [5e-324, 5e-324],
    [1e-300, 2],
    [1e300, 1e300],
    [1, 1],
  ])('accepts alpha = %d, beta = %d and returns a draw in [0, 1] at once', (a, b) => {
    const x = beta(createStream('test/bad-parameters/beta'))(a, b);
    expect(x >= 0 && x <= 1).toBe(true);
  });

  it('alpha and beta both below 1e-307 (their logs overflowed and gave NaN): 1 with probability alpha / (alpha + beta), else 0', () => {
    // Beta(a, b) tends to the two-point law P(1) = a / (a + b) as a, b -> 0.
    const draw = beta(createStream('test/bad-parameters/beta/tiny'));
    const n = 20_000;
    let ones = 0;
    for (let i = 0; i < n; i++) {
      const x = draw(1e-310, 3e-310);
      expect(x === 0 || x === 1).toBe(true);
      ones += x;
    }
    const se = Math.sqrt((0.25 * 0.75) / n);
    expect(Math.abs(ones / n - 0.25)).toBeLessThan(4 * se);
  });
});

describe.each([
  ['normal', normal],
  ['lognormal', lognormal],
] as const)('%s(mu, sigma)', (name, sampler) => {
  it.each([
    [NAN, 1, `${name}: mu must be a finite number, got NaN`],
    [INF, 1, `${name}: mu must be a finite number, got Infinity`],
    [-INF, 1, `${name}: mu must be a finite number, got -Infinity`],
    [0, NAN, `${name}: sigma must be a finite number >= 0, got NaN`],
    [0, -1, `${name}: sigma must be a finite number >= 0, got -1`],
    [0, INF, `${name}: sigma must be a finite number >= 0, got Infinity`],
  ])('refuses mu = %d, sigma = %d', (mu, sigma, message) => expectRefused(sampler, (d) => d(mu, sigma), message));

  it('accepts sigma = 0 (the point mu, or exp(mu))', () => {
    const x = sampler(createStream(`test/bad-parameters/${name}`))(1.5, 0);
    expect(x).toBe(name === 'normal' ? 1.5 : Math.exp(1.5));
  });
});

describe('uniform(min, max)', () => {
  it.each([
    [NAN, 1, 'uniform: min must be a finite number, got NaN'],
    [0, NAN, 'uniform: max must be a finite number, got NaN'],
    [-INF, 1, 'uniform: min must be a finite number, got -Infinity'],
    [0, INF, 'uniform: max must be a finite number, got Infinity'],
    [2, 1, 'uniform: min must be <= max (1), got 2'],
    [-1e308, 1e308, 'uniform: max - min must be finite (the range overflows), got Infinity'],
  ])('refuses min = %d, max = %d', (min, max, message) => expectRefused(uniform, (d) => d(min, max), message));

  it('accepts min = max (the point) and the widest finite range', () => {
    const draw = uniform(createStream('test/bad-parameters/uniform'));
    expect(draw(3, 3)).toBe(3);
    expect(Number.isFinite(draw(-8e307, 8e307))).toBe(true);
  });
});

describe.each([
  ['triangular', triangular],
  ['pert', pert],
] as const)('%s(min, mode, max)', (name, sampler) => {
  it.each([
    [NAN, 0, 1, `${name}: min must be a finite number, got NaN`],
    [0, NAN, 1, `${name}: mode must be a finite number, got NaN`],
    [0, 0.5, NAN, `${name}: max must be a finite number, got NaN`],
    [-INF, 0, 1, `${name}: min must be a finite number, got -Infinity`],
    [0, 0.5, INF, `${name}: max must be a finite number, got Infinity`],
    [0, -1, 1, `${name}: mode must be within [min, max] = [0, 1], got -1`],
    [0, 2, 1, `${name}: mode must be within [min, max] = [0, 1], got 2`],
    [2, 1.5, 1, `${name}: min must be <= max (1), got 2`],
    [-1e308, 0, 1e308, `${name}: max - min must be finite (the range overflows), got Infinity`],
  ])('refuses (%d, %d, %d)', (min, mode, max, message) => expectRefused(sampler, (d) => d(min, mode, max), message));

  it('refuses bad bounds after good ones, and accepts good ones again', () => {
    const draw = sampler(createStream(`test/bad-parameters/${name}/sequence`));
    draw(0, 1, 2);
    expect(() => draw(0, 3, 2)).toThrow(new RangeError(`${name}: mode must be within [min, max] = [0, 2], got 3`));
    expect(() => draw(NAN, NAN, NAN)).toThrow(RangeError);
    const x = draw(0, 1, 2);
    expect(x >= 0 && x <= 2).toBe(true);
  });

  it('accepts min = mode = max (the point), and a mode at either end', () => {
    const draw = sampler(createStream(`test/bad-parameters/${name}/edges`));
    expect(draw(4, 4, 4)).toBe(4);
    for (const [min, mode, max] of [[0, 0, 1], [0, 1, 1]] as const) {
      const x = draw(min, mode, max);
      expect(x >= min && x <= max).toBe(true);
    }
  });
});

describe('empiricalIndex(n)', () => {
  const rule = 'a whole number from 1 to 9007199254740991';
  it.each([
    [NAN, `empiricalIndex: n must be ${rule}, got NaN`],
    [0, `empiricalIndex: n must be ${rule}, got 0`],
    [-3, `empiricalIndex: n must be ${rule}, got -3`],
    [2.5, `empiricalIndex: n must be ${rule}, got 2.5`],
    [INF, `empiricalIndex: n must be ${rule}, got Infinity`],
    [MAX_SAFE + 1, `empiricalIndex: n must be ${rule}, got 9007199254740992`],
  ])('refuses n = %d', (n, message) => expectRefused(empiricalIndex, (d) => d(n), message));

  it.each([1, 1024, 1025, MAX_SAFE])('accepts n = %d', (n) => {
    const i = empiricalIndex(createStream('test/bad-parameters/empirical'))(n);
    expect(Number.isInteger(i) && i >= 0 && i < n).toBe(true);
  });
});

describe('truncatedNormal(params): only parameters prepareTruncatedNormal made (and validated)', () => {
  const good = prepareTruncatedNormal(0, 1, 0, 1);
  const message = 'truncatedNormal: params must come from prepareTruncatedNormal, which validates them; got other parameters';
  it.each([
    // a > b: the plain rejection loop would never accept.
    ['lower above upper', { ...good, a: 1, b: 0, lower: 1, upper: 0 }],
    // mass 0: the inversion loop would never draw p > 0.
    ['no mass', { ...good, method: 'inverse-cdf' as const, mass: 0, reflectedLowerCdf: 0 }],
    ['a copy of good ones', { ...good }],
  ])('refuses hand-made params: %s', (_what, params) => expectRefused(truncatedNormal, (d) => d(params as TruncatedNormalParams), message));

  it('prepared params are frozen, so they cannot be changed after the check', () => {
    expect(Object.isFrozen(good)).toBe(true);
  });
});

describe('every factory refuses a source that is not a function', () => {
  const factories: Record<string, (s: RandomSource) => unknown> = {
    standardNormal, normal, lognormal, gamma, beta, poisson, binomial, negativeBinomial, uniform, triangular, pert,
    discreteIndex, empiricalIndex, truncatedNormal, metalog,
  };
  it.each(Object.keys(factories))('%s', (name) => {
    for (const [bad, shown] of [[undefined, 'undefined'], [0.5, '0.5'], [{}, 'an object'], ['seed', '"seed"']] as const) {
      expect(() => factories[name]!(bad as unknown as RandomSource)).toThrow(
        new TypeError(`${name}: source must be a function returning uniforms in [0, 1), got ${shown}`),
      );
    }
  });

  it('prepared tables and fits are validated where they are prepared', () => {
    expect(() => prepareAlias([0, 0])).toThrow(RangeError);
    expect(() => fitMetalog([{ p: 0.1, x: NAN }, { p: 0.5, x: 1 }, { p: 0.9, x: 2 }])).toThrow('must be a finite number');
  });
});
