import { describe, expect, it } from 'vitest';
import { betaPowerMomentsKeepingMean } from '../../src/math/beta-power-moments.js';

/**
 * betaPowerMomentsKeepingMean finds by bisection the beta of sd s whose E[X^k] is m^k. Its steps were
 * absolute (1e-15), so a small m^k, whose centre lies below them, was never reached: at m = 1%, s = 9%,
 * k = 12 it returned the sd of a beta with E[X^12] = 2e-16 for a mean of 1e-24, without a word.
 * Now the bracket is halved to a relative width, and an end away from m^k throws (an internal error).
 */
describe('betaPowerMomentsKeepingMean', () => {
  /**
   * E[X^n] and the sd of X^n for the beta of centre c and sd s, by the product formula, its variance
   * capped at 0.81 c (1 - c) as a written beta's is (written-beta.ts; beta-power-moments.ts says so).
   */
  const powerMoments = (c: number, s: number, n: number) => {
    const v = Math.min(s * s, 0.81 * c * (1 - c));
    const t = (c * (1 - c)) / v - 1;
    const moment = (p: number) => {
      let x = 1;
      for (let i = 0; i < p; i++) x *= (c * t + i) / (t + i);
      return x;
    };
    const mean = moment(n);
    return { mean, sd: Math.sqrt(Math.max(0, moment(2 * n) - mean * mean)) };
  };
  /** The centre whose E[X^n] is target, bisected on log c (so any size of centre is resolved). */
  const centre = (target: number, s: number, n: number) => {
    let lo = -800;
    let hi = 0;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (powerMoments(Math.exp(mid), s, n).mean < target) lo = mid;
      else hi = mid;
    }
    return Math.exp((lo + hi) / 2);
  };

  it('keeps a small mean (1%^12 = 1e-24) and gives the sd of the beta centred on it', () => {
    const [m, s, k] = [0.01, 0.09, 12];
    const c = centre(m ** k, s, k);
    const expected = powerMoments(c, s, k);
    expect(expected.mean / m ** k).toBeCloseTo(1, 9);
    const got = betaPowerMomentsKeepingMean(m, s, k);
    expect(got.mean).toBe(m ** k);
    expect(got.sd / expected.sd).toBeCloseTo(1, 6);
  });

  it('throws an internal error when the bisection does not end at m^k (k NaN), not a NaN sd', () => {
    expect(() => betaPowerMomentsKeepingMean(0.5, 0.1, Number.NaN)).toThrow(/^internal error: betaPowerMomentsKeepingMean\(0\.5, 0\.1, NaN\) did not converge/);
  });
});
