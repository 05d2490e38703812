import { describe, expect, it } from 'vitest';
import { fitLeadVolume } from '../../src/fit/lead-volume.js';

/**
 * Lead counts with no scatter of their own but for floating point or rounding to whole leads: the
 * same seasonal pattern each year. A flat count (X² exactly 0) was already taken as Poisson, its
 * level's interval the Garwood one of the last 12 months' total; the same pattern over 36 months
 * left X² = 9e-29 of floating point, and the level was stated as 1,000 (95% interval 1,000 to 1,000),
 * its standard error 2e-17, each seasonal weight's interval zero-width too. And a fiscal month with
 * no lead in any full year had weight 0 with the interval 0 to 0, from two months.
 */
const PATTERN = [900, 900, 1000, 1000, 950, 850, 850, 1000, 1050, 1100, 1200, 1200];
const repeated = (months: number, scale = 1) => Float64Array.from({ length: months }, (_, i) => Math.round(PATTERN[i % 12]! * scale));

describe('lead counts that repeat one seasonal pattern each year', () => {
  it("36 months: the level's interval is a flat year's of the same total (Garwood's), its error sqrt(total) / 12, not zero-width", () => {
    const fit = fitLeadVolume(repeated(36));
    // 12,000 leads in the last 12 months, as a flat 1,000 a month: that fit's Poisson interval (zero-variance.test.ts checks it).
    const flat = fitLeadVolume(new Float64Array(12).fill(1000));
    expect(fit.poissonInterval).toBe(true);
    expect(fit.level.lo).toBeCloseTo(flat.level.lo, 6);
    expect(fit.level.hi).toBeCloseTo(flat.level.hi, 6);
    expect(fit.level.hi - fit.level.lo).toBeGreaterThan(30);
    expect(fit.year.standardError).toBeCloseTo(Math.sqrt(12_000) / 12 / 1000, 12);
    // Each seasonal weight's interval has a width: φ = 1, not φ ≈ 0.
    for (const w of fit.seasonality!) expect(w.hi - w.lo).toBeGreaterThan(0.01);
  });

  it('the pattern growing 10% a year, rounded to whole leads (residuals within ½ a lead), is read the same way', () => {
    // round(P[f] x 1.1^year): X² is rounding's (about 4e-4, under the allowance Σ ¼ / μ of about 0.008),
    // not floating point's; the level was stated as 1,210.08 to 1,210.26.
    const counts = Float64Array.from({ length: 36 }, (_, i) => Math.round(PATTERN[i % 12]! * 1.1 ** Math.floor(i / 12)));
    const fit = fitLeadVolume(counts);
    expect(fit.dispersion.chiSquare).toBeGreaterThan(1e-5);
    const total = counts.slice(24).reduce((a, x) => a + x, 0);
    expect(fit.poissonInterval).toBe(true);
    expect(fit.year.standardError).toBeCloseTo(Math.sqrt(total) / 12 / fit.level.value, 12);
    expect(fit.level.hi - fit.level.lo).toBeGreaterThan(30);
  });

  it('a fiscal month without a lead in any full year: weight 0, its upper end the Poisson one of a total of 0 over its months\' levels', () => {
    // 24 months of 100 but fiscal month 4 at 0: the other weights are 12/11, each year's level 1,100 / 12.
    const fit = fitLeadVolume(Float64Array.from({ length: 24 }, (_, i) => (i % 12 === 3 ? 0 : 100)));
    const w = fit.seasonality![3]!;
    expect(w.value).toBe(0);
    expect(w.lo).toBe(0);
    // Garwood's 97.5% end for a count of 0 is −ln(0.025) = 3.689 leads, over the two months' levels.
    expect(w.hi).toBeCloseTo(-Math.log(0.025) / (2 * (1100 / 12)), 12);
  });
});
