import { describe, expect, it } from 'vitest';
import { expectedShortfallEstimate } from '../../src/analysis/shortfall.js';
import { expectedShortfall } from '../../src/analysis/tail.js';
import { lcgNormals } from '../helpers/stats.js';
import { createStream, normal } from '../../src/random/index.js';

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
    expect(expectedShortfallEstimate(new Float64Array(1000).fill(7), 0.1)).toEqual({ value: 7, interval: [7, 7] });
  });
  it('is given only where it holds about 95%: at few tail trials none, with the trials it needs', () => {
    // X ~ N(0, 1): ES_a = -phi(z_a) / a in closed form, z_0.05 = -1.6448536, z_0.1 = -1.2815516 (tabulated).
    // The normal interval held it 49% of the time with 2 tail trials (21 trials, worst 5%), 82% with 5 and
    // 89% with 10; where one is given it must hold at least 93% (the quantiles' worst, 93.2%), less 3
    // binomial standard errors of the replications: 0.93 - 3 sqrt(0.93 x 0.07 / 1000) = 0.906.
    const draw = normal(createStream('shortfall/coverage-at-few-trials'));
    const replications = 1000;
    const tolerance = 3 * Math.sqrt((0.93 * 0.07) / replications);
    for (const [a, z] of [
      [0.05, -1.6448536269514722],
      [0.1, -1.2815515655446004],
    ] as const) {
      const exact = -Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI) / a;
      for (const n of [21, 50, 100, 200, 490, 491, 980, 981]) {
        const x = new Float64Array(n);
        let given = 0;
        let held = 0;
        for (let r = 0; r < replications; r++) {
          for (let i = 0; i < n; i++) x[i] = draw(0, 1);
          const { interval, notEstimable } = expectedShortfallEstimate(x, a);
          if (interval === null) {
            expect(notEstimable, `worst ${a * 100}% of ${n}`).toMatch(new RegExp(`^${n} trials: the worst ${a * 100}% is \\d+ trials, and a 95% interval of its mean needs at least 50, from (981|491) trials$`));
            continue;
          }
          given++;
          if (interval[0] <= exact && exact <= interval[1]) held++;
        }
        // Where given, at least 93% less the tolerance; given from 50 tail trials on (ceil(a n) >= 50).
        if (given > 0) expect(held / given, `coverage of the worst ${a * 100}% of ${n}`).toBeGreaterThanOrEqual(0.93 - tolerance);
        expect(given, `worst ${a * 100}% of ${n}`).toBe(Math.ceil(a * n) >= 50 ? replications : 0);
      }
    }
  });
});
