import { describe, expect, it } from 'vitest';
import { poissonUpperTail } from '../../src/math/poisson-tail.js';

/**
 * P(X > k), X ~ Poisson(mean), against scipy.stats.poisson.sf(k, mean) (scipy 1.17.1), to 1e-9
 * relative (the log-Gamma's 1e-15 relative error, times log-terms of size up to 1e4); 1e-6 at a
 * mean of a million, whose log-terms are of size 1e7.
 */
const rows: [mean: number, k: number, sf: number, rel: number][] = [
  [1, 2, 0.08030139707139418, 1e-9],
  [200, 249, 0.0003620704582896921, 1e-9],
  [200, 299, 2.711468443343099e-11, 1e-9],
  [100, 199, 9.343150072988544e-19, 1e-9],
  [2000, 199, 1.0, 1e-9],
  [2000, 1999, 0.5029735484442025, 1e-9],
  [2000, 2100, 0.012790720091920784, 1e-9],
  [0.5, 0, 0.3934693402873665, 1e-9],
  [50, 10, 0.9999999999935498, 1e-9],
  [1e6, 1e6 + 6000, 1.019429084697958e-9, 1e-6],
];

describe('poissonUpperTail', () => {
  it.each(rows)('Poisson(%d) above %d: %d', (mean, k, sf, rel) => {
    expect(Math.abs(poissonUpperTail(mean, k) / sf - 1)).toBeLessThanOrEqual(rel);
  });
  it('is 1 below 0, 0 for a mean of 0 (at and above 0), and refuses a mean that is not a finite number >= 0', () => {
    expect(poissonUpperTail(3, -1)).toBe(1);
    expect(poissonUpperTail(0, 0)).toBe(0);
    for (const bad of [-1, NaN, Infinity]) expect(() => poissonUpperTail(bad, 1)).toThrow(/mean must be a finite number >= 0/);
  });
});
