import { describe, expect, it } from 'vitest';
import { centralValue } from '../../src/scenario/central-value.js';
import { betaParams, lognormalParams } from '../../src/math/distribution-params.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';
import { editable, recentre } from '../../src/studio/recentre.js';

/** Every family the studio moves: central value read back, spread scaled, as worked by hand. */
describe('recentre: a distribution moved to a new central value, its spread scaled', () => {
  const cases: Array<[string, DistributionSpec, number]> = [
    ['beta by mean and sd', { dist: 'beta', mean: 0.03, sd: 0.004 }, 0.025],
    ['beta by alpha and beta', { dist: 'beta', alpha: 3, beta: 97 }, 0.04],
    ['normal, truncated', { dist: 'normal', mean: 10, sd: 2, min: 5, max: 20 }, 12],
    ['lognormal by median and p90', { dist: 'lognormal', median: 11000, p90: 24000 }, 9000],
    ['lognormal by mean and sd', { dist: 'lognormal', mean: 45000, sd: 25000 }, 50000],
    ['lognormal by mu and sigma', { dist: 'lognormal', mu: 2, sigma: 0.5 }, 10],
    ['lognormal by p10 and p90', { dist: 'lognormal', p10: 5, p90: 20 }, 12],
    ['pert', { dist: 'pert', min: 0.03, mode: 0.05, max: 0.08 }, 0.06],
    ['triangular', { dist: 'triangular', min: 1, mode: 2, max: 4 }, 3],
    ['uniform', { dist: 'uniform', min: 1, max: 3 }, 5],
    ['quantiles', { dist: 'quantiles', quantiles: { p10: 0.88, p50: 0.92, p90: 0.95 }, lower: 0, upper: 1 }, 0.9],
    ['poisson', { dist: 'poisson', mean: 2700 }, 2500],
    ['negative binomial', { dist: 'negativeBinomial', mean: 600, dispersion: 40 }, 500],
    ['fixed', { dist: 'fixed', value: 0.03 }, 0.02],
    ['a plain number', 0.03, 0.05],
  ];
  it.each(cases)('%s: its central value becomes the one asked for', (_, spec, central) => {
    expect(editable(spec)?.central).toBeCloseTo(centralValue(spec), 12);
    expect(centralValue(recentre(spec, central))).toBeCloseTo(central, 9);
  });

  it('scales the spread: a beta sd, a lognormal sigma, a PERT range, metalog quantiles about P50', () => {
    expect(recentre({ dist: 'beta', mean: 0.03, sd: 0.004 }, 0.03, 2)).toEqual({ dist: 'beta', mean: 0.03, sd: 0.008 });
    // alpha 3, beta 97: mean 0.03, sd sqrt(0.03 * 0.97 / 101).
    const b = recentre({ dist: 'beta', alpha: 3, beta: 97 }, 0.03, 1) as { mean: number; sd: number };
    expect(betaParams(b).alpha).toBeCloseTo(3, 9);
    const ln = recentre({ dist: 'lognormal', median: 11000, p90: 24000 }, 11000, 0.5);
    expect(lognormalParams(ln as never).sigma).toBeCloseTo(lognormalParams({ median: 11000, p90: 24000 }).sigma / 2, 12);
    expect(recentre({ dist: 'pert', min: 1, mode: 2, max: 4 }, 3, 0.5)).toEqual({ dist: 'pert', min: 2.5, mode: 3, max: 4 });
    const q = (recentre({ dist: 'quantiles', quantiles: { p10: 0.8, p50: 0.9, p90: 0.95 } }, 0.9, 2) as { quantiles: Record<string, number> }).quantiles;
    expect(q.p10).toBeCloseTo(0.7, 12);
    expect(q.p50).toBe(0.9);
    expect(q.p90).toBeCloseTo(1, 12);
    expect(recentre({ dist: 'normal', mean: 10, sd: 2, min: 5 }, 12, 1.5)).toEqual({ dist: 'normal', mean: 12, sd: 3, min: 7 });
  });

  it('leaves alone what has no single central value, or whose level is itself a distribution', () => {
    expect(editable({ dist: 'discrete', values: [1, 2], weights: [1, 1] })).toBeUndefined();
    expect(editable({ dist: 'empirical', values: [1, 2, 3] })).toBeUndefined();
    expect(editable({ dist: 'poisson', mean: { dist: 'lognormal', p10: 2000, p90: 3000 } } as unknown as DistributionSpec)).toBeUndefined();
    expect(editable({ dist: 'poisson', mean: 5 })).toEqual({ central: 5, spread: false });
    expect(() => recentre({ dist: 'discrete', values: [1], weights: [1] }, 2)).toThrow('no single central value');
  });
});
