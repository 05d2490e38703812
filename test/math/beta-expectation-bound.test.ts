import { describe, expect, it } from 'vitest';
import { BETA_BOUND_STEPS, betaExpectationBound } from '../../src/math/beta-expectation-bound.js';
import { betaUpperPoint } from '../../src/math/beta-quantile.js';

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
  // Never below, for alpha < 1 and for betas so tight (a + b >= 1e9) that the incomplete beta's
  // tails come out too small (before the sub-Gaussian guard: 1.5e-3 relative below at Beta(1e4, 1e12),
  // 1.3e-5 at Beta(1.536e9, 3.686e10)). Expectations scipy.stats.beta.sf(t, a, b) of the step 1{x > t};
  // the tight betas' t sit just above points 256 and 307 of the old 512-step grid, where the sum had no
  // slack to hide the tails' shortfall (the reviewer's /tmp/rv-dec27/w/step.py);
  // the tolerance 1e-9 relative is floating point's, far below either shortfall.
  it.each([
    [0.5, 12, 0.2, 0.021982997044102302],
    [0.05, 1.2, 0.5, 0.025764908166758933],
    [1e4, 1e12, 1.0020685697669998e-8, 0.4168149939132691],
    [1e4, 1e12, 1.0178913055016042e-8, 0.03738277067255497],
    [1.536e9, 3.686e10, 0.04000416759646017, 0.49979907033328497],
    [1.536e9, 3.686e10, 0.0400057498224185, 0.056762235342156325],
  ] as const)('of a step is never below its expectation: Beta(%d, %d) beyond %d', (a, b, t, sf) => {
    expect(betaExpectationBound((x) => (x > t ? 1 : 0), a, b)).toBeGreaterThanOrEqual(sf * (1 - 1e-9));
  });

  it('is at most 1e-15 + g at the sub-Gaussian point for very tight betas (a + b > 1e7), and holds at Beta(1e12, 1e12)', () => {
    // Beta(1e12, 1e12): mean 0.5, sd 3.5e-7; P(X > 0.5) = 1/2 by symmetry, so the step at 0.5 has
    // expectation 1/2 (the old grid's 1e-15 points fell on the wrong side of the mean: +13%).
    const half = betaExpectationBound((x) => (x > 0.5 ? 1 : 0), 1e12, 1e12);
    expect(half).toBeGreaterThanOrEqual(0.5);
    // The identity's bound is the sub-Gaussian point plus 1e-15: 0.5 + sqrt(ln(1e15) / (2 (2e12 + 1))).
    const point = 0.5 + Math.sqrt(Math.log(1e15) / (2 * (2e12 + 1)));
    expect(betaExpectationBound((x) => x, 1e12, 1e12)).toBeCloseTo(point + 1e-15, 15);
  });

  // betaUpperPoint's promise P(X > x) <= tail, against scipy.stats.beta.isf(1e-10, a, b) (x must be at
  // or above it): it shared the tight betas' weakness.
  it.each([
    [1e4, 1e12, 1.0649348034437671e-8],
    [1.536e9, 3.686e10, 0.04001052940575974],
    [61.4, 1473.6, 0.07981509894936299],
  ] as const)('betaUpperPoint(1e-10, %d, %d) is at or above the exact point', (a, b, isf) => {
    expect(betaUpperPoint(1e-10, a, b)).toBeGreaterThanOrEqual(isf * (1 - 1e-12));
  });
});
