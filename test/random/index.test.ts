import { afterEach, describe, expect, it, vi } from 'vitest';
import * as random from '../../src/random/index.js';

describe('src/random/index.ts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('re-exports the stream, the samplers and the normal CDF/quantile', () => {
    for (const name of [
      'createStream',
      'streamSeed',
      'uniform',
      'standardNormal',
      'normal',
      'normalCdf',
      'normalQuantile',
      'prepareTruncatedNormal',
      'truncatedNormal',
      'truncatedNormalCdf',
      'lognormal',
      'gamma',
      'beta',
      'poisson',
      'binomial',
      'negativeBinomial',
      'triangular',
      'triangularCdf',
      'pert',
      'pertShape',
      'prepareAlias',
      'discreteIndex',
      'empiricalIndex',
    ]) {
      expect(typeof (random as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('never calls Math.random: every draw comes from the bound source', () => {
    const spy = vi.spyOn(Math, 'random');
    const s = random.createStream('test/index/no-math-random');
    const tn = random.prepareTruncatedNormal(0, 1, 3, Number.POSITIVE_INFINITY);
    const alias = random.prepareAlias([1, 2, 3]);
    const draws = [
      () => random.uniform(s)(0, 1),
      () => random.normal(s)(0, 1),
      () => random.truncatedNormal(s)(tn),
      () => random.lognormal(s)(0, 1),
      () => random.gamma(s)(0.5, 1),
      () => random.beta(s)(0.5, 3),
      () => random.poisson(s)(1e6),
      () => random.binomial(s)(1e6, 0.3),
      () => random.negativeBinomial(s)(10, 2),
      () => random.triangular(s)(0, 1, 2),
      () => random.pert(s)(0, 1, 2),
      () => random.discreteIndex(s)(alias),
      () => random.empiricalIndex(s)(10),
    ];
    for (const d of draws) for (let i = 0; i < 100; i++) expect(Number.isFinite(d())).toBe(true);
    expect(spy).not.toHaveBeenCalled();
  });
});
