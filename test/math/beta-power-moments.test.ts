import { describe, expect, it } from 'vitest';
import { betaPowerMoments, logGammaRatio } from '../../src/math/beta-power-moments.js';
import { beta } from '../../src/random/beta.js';
import { createStream } from '../../src/random/source.js';
import { meanAndSe } from '../helpers/fixtures.js';

/**
 * E[X^k] and sd(X^k) for X ~ Beta by mean and sd, exactly (the year's rate of a book renewing k times
 * a year: its mean is not m^k, the delta method's, nor its sd k m^(k-1) s). Checked against closed
 * forms and against a Monte Carlo of the seeded beta sampler, tolerances 4 standard errors.
 */
describe('betaPowerMoments: moments of a beta to a power', () => {
  it('closed forms: Beta(1, 1) squared (E[U^2] = 1/3, E[U^4] = 1/5), Beta(2, 3) cubed (Π (2 + i) / (5 + i) = 24 / 210)', () => {
    const u = betaPowerMoments(0.5, Math.sqrt(1 / 12), 2);
    expect(u.mean).toBeCloseTo(1 / 3, 12);
    expect(u.sd).toBeCloseTo(Math.sqrt(1 / 5 - 1 / 9), 12);
    // Beta(2, 3): mean 0.4, variance ab / ((a + b)^2 (a + b + 1)) = 6 / 150.
    expect(betaPowerMoments(0.4, Math.sqrt(6 / 150), 3).mean).toBeCloseTo((2 * 3 * 4) / (5 * 6 * 7), 12);
    // Γ ratios by hand: Γ(4) / Γ(2.5) = 6 / (1.5 × 0.5 × √π); Γ(0.8) / Γ(0.3) from the tables, 1.164229713725303 / 2.991568987687591.
    expect(logGammaRatio(2.5, 1.5)).toBeCloseTo(Math.log(6 / (0.75 * Math.sqrt(Math.PI))), 12);
    expect(logGammaRatio(0.3, 0.5)).toBeCloseTo(Math.log(1.164229713725303 / 2.991568987687591), 12);
  });

  it('no spread: m^k; a renewal rate to the 12th and to a fractional power agree with 200,000 seeded draws', () => {
    expect(betaPowerMoments(0.98, 0, 12)).toEqual({ mean: 0.98 ** 12, sd: 0 });
    const draw = beta(createStream('beta-power-moments'));
    const [m, s] = [0.97, 0.02];
    const total = (m * (1 - m)) / (s * s) - 1;
    const xs = Float64Array.from({ length: 200_000 }, () => draw(m * total, (1 - m) * total));
    for (const k of [12, 4.8]) {
      const exact = betaPowerMoments(m, s, k);
      const pow = xs.map((x) => x ** k);
      const { mean, se, sd } = meanAndSe(pow);
      expect(Math.abs(mean - exact.mean), `k ${k}: mean ${mean} vs ${exact.mean}`).toBeLessThanOrEqual(4 * se);
      // The sd's standard error: sd / √(2n) for a near-normal variable, widened by its kurtosis (√((κ − 1) / 4n) σ).
      const kurt = pow.reduce((a, x) => a + ((x - mean) / sd) ** 4, 0) / pow.length;
      expect(Math.abs(sd - exact.sd), `k ${k}: sd ${sd} vs ${exact.sd}`).toBeLessThanOrEqual(4 * sd * Math.sqrt((kurt - 1) / (4 * pow.length)));
      // The delta method's m^k is below the mean by more than the Monte Carlo's error (x^k is convex).
      expect(mean - m ** k).toBeGreaterThan(4 * se);
    }
  });
});
