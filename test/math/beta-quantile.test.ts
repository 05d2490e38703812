import { describe, expect, it } from 'vitest';
import { betaQuantile, betaUpperPoint } from '../../src/math/beta-quantile.js';
import { incompleteBeta } from '../../src/math/incomplete-beta.js';

/** Against scipy.stats.beta.isf (scipy 1.x): the point a beta exceeds with a given (tiny) chance. */
describe('betaUpperPoint', () => {
  it.each([
    [1e-10, 61.4, 1473.6, 0.07981509894936299],
    [1e-10, 10, 90, 0.37709320226859566],
    [0.05, 2, 5, 0.5818034092520259],
  ])('isf(%s, %s, %s) = %s, and the tail beyond it is at most the chance', (tail, a, b, scipy) => {
    const x = betaUpperPoint(tail, a, b);
    expect(Math.abs(x / scipy - 1)).toBeLessThan(1e-9);
    expect(incompleteBeta(x, a, b).upper).toBeLessThanOrEqual(tail);
  });

  it('agrees with betaQuantile at the middle', () => {
    expect(Math.abs(betaUpperPoint(0.5, 2, 3) - betaQuantile(0.5, 2, 3))).toBeLessThan(1e-12);
  });
});
