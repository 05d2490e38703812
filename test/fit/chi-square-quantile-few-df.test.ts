import { describe, expect, it } from 'vitest';
import { chiSquareQuantile } from '../../src/fit/reference-distributions.js';

// Fit's chi-square quantiles at few df, against published tables (NIST/SEMATECH e-Handbook 1.3.6.7.4,
// 3-4 significant figures): Wilson-Hilferty put the 1-df 2.5% point at 0 and the 4-df 0.1% point 56% low.
describe('fit chiSquareQuantile at few degrees of freedom', () => {
  it.each([
    [0.025, 1, 0.000982],
    [0.975, 1, 5.024],
    [0.001, 4, 0.0908],
    [0.025, 2, 0.0506],
    [0.975, 3, 9.348],
  ])('chi2(%s, %s df) = %s (tables)', (p, df, table) => {
    expect(Math.abs(chiSquareQuantile(p, df) / table - 1)).toBeLessThan(0.005);
  });
});
