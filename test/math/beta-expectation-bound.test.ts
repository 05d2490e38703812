import { describe, expect, it } from 'vitest';
import { BETA_BOUND_STEPS, betaExpectationBound } from '../../src/math/beta-expectation-bound.js';

/**
 * betaExpectationBound against expectations known exactly (scipy.stats.beta for the tails): never
 * below, and above by at most one grid step's worth (the grid runs from the beta's 1e-15 lower
 * point to its 1e-15 upper point in BETA_BOUND_STEPS steps: scipy's ppf and isf give the ends).
 */
describe('betaExpectationBound', () => {
  it('of a step 1{x > t} is P(X > t) (scipy.stats.beta.sf), up to the chance of the one grid interval holding t', () => {
    // Beta(2, 5): sf(0.3) = 0.420175; grid from 8.2e-9 to 0.99930, steps of 0.00195: the density is
    // at most 2.46, so one interval holds at most 0.0048.
    const bound = betaExpectationBound((x) => (x > 0.3 ? 1 : 0), 2, 5);
    expect(bound).toBeGreaterThanOrEqual(0.420175 - 1e-12);
    expect(bound).toBeLessThanOrEqual(0.420175 + (2.46 * 0.9993) / BETA_BOUND_STEPS);
    // Far in a tail, where 1 - the CDF would lose it: Beta(61.4, 1473.6) beyond 0.0798, sf = 1.013e-10
    // (grid 0.01191 to 0.09234, steps of 1.57e-4; the density there is sf x the hazard, about
    // (b - 1) / (1 - x) - (a - 1) / x = 843: 8.5e-8, under 1e-7 a step below, so the interval adds < 1.6e-11).
    const tail = betaExpectationBound((x) => (x > 0.0798 ? 1 : 0), 61.4, 1473.6);
    expect(tail).toBeGreaterThanOrEqual(1.0130105641512412e-10 * (1 - 1e-6));
    expect(tail).toBeLessThanOrEqual(1.0130105641512412e-10 + 1.6e-11);
  });

  it('of x is the mean a / (a + b), within one grid step above it', () => {
    for (const [a, b] of [
      [2, 5],
      [61.4, 1473.6],
      [312, 312],
    ] as const) {
      const bound = betaExpectationBound((x) => x, a, b);
      expect(bound, `Beta(${a}, ${b})`).toBeGreaterThanOrEqual(a / (a + b) - 1e-12);
      expect(bound, `Beta(${a}, ${b})`).toBeLessThanOrEqual(a / (a + b) + 1 / BETA_BOUND_STEPS);
    }
  });

  it('is 0 for g = 0 but for the chance beyond the grid, and 1 for g = 1', () => {
    expect(betaExpectationBound(() => 0, 2, 5)).toBeLessThanOrEqual(1e-15);
    expect(betaExpectationBound(() => 1, 2, 5)).toBe(1);
  });
});
