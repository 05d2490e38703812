import { describe, expect, it } from 'vitest';
import { cholesky, EllipticalSlice } from '../../src/actuals/elliptical-slice.js';
import { standardNormal } from '../../src/random/normal.js';
import { createStream } from '../../src/random/source.js';
import { batchMeans } from '../helpers/stats.js';

/**
 * A conjugate case worked by hand: prior f ~ N(0, 1) in each of 2 coordinates, and an observation
 * y_i ~ N(f_i, s_i^2) of each. The posterior of f_i is N(y_i / (1 + s_i^2), s_i^2 / (1 + s_i^2)).
 * With y = (2, -1) and s = (0.1, 2): means 1.9802 and -0.2, variances 0.0099010 and 0.8. The chain's
 * mean and mean square deviation are checked within 4 standard errors from batch means (draws of a
 * chain are correlated), with the prior as reference and with a Gaussian one.
 */
const Y = [2, -1];
const S = [0.1, 2];
const MEAN = Y.map((y, i) => y / (1 + S[i]! ** 2));
const VAR = S.map((s) => s ** 2 / (1 + s ** 2));
const logL = (f: Float64Array) => -((f[0]! - Y[0]!) ** 2) / (2 * S[0]! ** 2) - (f[1]! - Y[1]!) ** 2 / (2 * S[1]! ** 2);


describe('elliptical slice sampling', () => {
  for (const reference of [false, true])
    it(`reaches the conjugate posterior ${reference ? 'against a Gaussian reference' : 'against the prior'}`, () => {
      const sampler = new EllipticalSlice(2, logL, standardNormal(createStream(`ess-n-${reference}`)), createStream(`ess-u-${reference}`));
      // A reference near (not at) the posterior: its mean off by a little, variances 1.5 times wider, correlated.
      if (reference) sampler.setReference(Float64Array.of(1.9, -0.3), cholesky(Float64Array.of(0.015, 0.01, 0.01, 1.2), 2)!);
      const f = new Float64Array(2);
      let current = sampler.weighed(f);
      for (let s = 0; s < 500; s++) current = sampler.step(f, current);
      const n = 40_000;
      const xs = [new Float64Array(n), new Float64Array(n)];
      for (let t = 0; t < n; t++) {
        current = sampler.step(f, current);
        xs[0]![t] = f[0]!;
        xs[1]![t] = f[1]!;
      }
      for (let i = 0; i < 2; i++) {
        const m = batchMeans(xs[i]!, 200);
        expect(Math.abs(m.mean - MEAN[i]!), `mean ${i}`).toBeLessThan(4 * m.se);
        const v = batchMeans(xs[i]!.map((x) => (x - MEAN[i]!) ** 2), 200);
        expect(Math.abs(v.mean - VAR[i]!), `variance ${i}`).toBeLessThan(4 * v.se);
      }
    });

  it('cholesky: [[4, 2], [2, 3]] = L L^T with L = [[2, 0], [1, sqrt(2)]]; not positive definite: undefined', () => {
    const l = cholesky(Float64Array.of(4, 2, 2, 3), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.SQRT2]);
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeUndefined();
  });
});
