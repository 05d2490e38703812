import { describe, expect, it } from 'vitest';
import { expectedShortfallEstimate } from '../../src/analysis/shortfall.js';
import { expectedShortfall } from '../../src/analysis/tail.js';
import { lcgNormals } from '../helpers/stats.js';

const normals = lcgNormals;

describe('expected shortfall with its interval', () => {
  it('has the same value as expectedShortfall', () => {
    const x = normals(5000, 3);
    expect(expectedShortfallEstimate(x, 0.1).value).toBe(expectedShortfall(x, 0.1));
    expect(expectedShortfallEstimate(x, 0.05).value).toBe(expectedShortfall(x, 0.05));
  });
  it('covers the exact mean of the worst 10% of a standard normal 95% of the time, with the closed-form standard error', () => {
    // X ~ N(0, 1), a = 0.1, q = z_0.1 = -1.2815516: ES = E[X | X <= q] = -phi(q) / a = -1.7550, and
    // Var(X | X <= q) = 1 + q ES - ES^2 = 0.1688 (the truncated normal's moments). The estimator's
    // asymptotic variance is [Var(X | X <= q) + (1 - a)(ES - q)^2] / (n a): at n = 4,000, SE = 0.030449.
    const n = 4000;
    const a = 0.1;
    const q = -1.2815515655446004;
    const exact = -Math.exp(-(q * q) / 2) / Math.sqrt(2 * Math.PI) / a;
    const tailVariance = 1 + q * exact - exact * exact;
    const se = Math.sqrt((tailVariance + (1 - a) * (exact - q) ** 2) / (n * a));
    const runs = 1000;
    let covered = 0;
    let sum = 0;
    let sumSquares = 0;
    for (let r = 0; r < runs; r++) {
      const { interval } = expectedShortfallEstimate(normals(n, 100 + r), a);
      if (interval![0] <= exact && exact <= interval![1]) covered++;
      const estimatedSe = (interval![1] - interval![0]) / 2 / 1.959963984540054;
      sum += estimatedSe;
      sumSquares += estimatedSe * estimatedSe;
    }
    // Covered ~ Binomial(1000, 0.95): within 4 standard errors, 0.95 -/+ 0.0276, both sides. An interval
    // 1.3 times too wide covers 98.9% and fails the upper bound; 0.8 times, 88.3%, the lower.
    const coverageSe = Math.sqrt((0.95 * 0.05) / runs);
    expect(Math.abs(covered / runs - 0.95), `coverage ${covered / runs} (SE ${coverageSe})`).toBeLessThanOrEqual(4 * coverageSe);
    // The mean estimated standard error is the closed form's, within 4 standard errors of the mean of 1,000
    // (their sd about 0.0013: 4 SE is 0.6% of it; the estimator's O(1/k) bias at k = 400 is below that).
    const meanSe = sum / runs;
    const sdSe = Math.sqrt((sumSquares - runs * meanSe * meanSe) / (runs - 1));
    expect(Math.abs(meanSe - se), `mean estimated SE ${meanSe} vs ${se} (SE of the mean ${sdSe / Math.sqrt(runs)})`).toBeLessThanOrEqual(
      (4 * sdSe) / Math.sqrt(runs),
    );
  });
  it('is a point when the worst years do not vary', () => {
    expect(expectedShortfallEstimate(new Float64Array(100).fill(7), 0.1)).toEqual({ value: 7, interval: [7, 7] });
  });
});
