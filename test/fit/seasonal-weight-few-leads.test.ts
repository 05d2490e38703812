import { describe, expect, it } from 'vitest';
import { fitLeadVolume } from '../../src/fit/lead-volume.js';

/**
 * A fiscal month's weight from few leads. Its t interval's error is proportional to the weight, so
 * a month of 1 lead over two years had an upper end (0.0239) below that of a month of none (0.0275,
 * the Poisson end of a total of 0): the ends were not monotone in the leads. Small totals now take
 * the Poisson (Garwood) interval of the month's leads over its exposure (the two years' levels).
 *
 * The closed form: Garwood's 97.5% end for a count of 1 is χ²(0.975; 4) / 2 = 5.5716 leads
 * (χ²(0.975; 4) = 11.1433, tables); for 0, −ln(0.025) = 3.6889. The month's leads are 0.9994, not
 * 1 (below), and until December 2026 the fit's chi-square quantile was Wilson-Hilferty's, 0.14%
 * below the exact one at 4 df: the tolerance is 0.5%.
 */
describe('seasonal weights of fiscal months with 0, 1, 2 and 4 leads over two years', () => {
  // 24 months of 100 leads, but fiscal month 4: 0 and 0; 5: 0 and 1; 6: 1 and 1; 7: 2 and 2.
  const counts = Float64Array.from({ length: 24 }, (_, i) => {
    const f = i % 12;
    return f === 3 ? 0 : f === 4 ? (i < 12 ? 0 : 1) : f === 5 ? 1 : f === 6 ? 2 : 100;
  });
  const fit = fitLeadVolume(counts);
  const weights = [3, 4, 5, 6].map((f) => fit.seasonality![f]!);

  it('both ends rise with the leads', () => {
    for (let j = 1; j < weights.length; j++) {
      expect(weights[j]!.value).toBeGreaterThan(weights[j - 1]!.value);
      expect(weights[j]!.hi).toBeGreaterThan(weights[j - 1]!.hi);
      expect(weights[j]!.lo).toBeGreaterThan(weights[j - 1]!.lo);
    }
  });

  it("the one-lead month's upper end is Garwood's for a count of 1 over the exposure", () => {
    // The exposure: the two years' fitted levels (a weight is its month's leads over them).
    const exposure = fit.blockLevels[0]! + fit.blockLevels[1]!;
    // About 1 lead (0.9994: the two years' levels differ by 1 in 800, and the weight is a mean of ratios).
    expect(weights[1]!.value * exposure).toBeCloseTo(1, 2);
    expect(weights[1]!.hi / (5.5716 / exposure)).toBeGreaterThan(0.995);
    expect(weights[1]!.hi / (5.5716 / exposure)).toBeLessThan(1.005);
    expect(weights[0]!.hi).toBeCloseTo(-Math.log(0.025) / exposure, 12);
  });
});
