import { describe, expect, it } from 'vitest';
import { chiSquareQuantileExact } from '../../src/math/chi-square-quantile.js';
import { poissonLevel } from '../../src/fit/zero-variance.js';

/**
 * The Garwood interval of a Poisson mean from few counts. Its ends are the means at which the count
 * seen is just at the 2.5% tail: the lower end λ with P(X >= x | λ) = 0.025, the upper with
 * P(X <= x | λ) = 0.025. The reference solves those by bisection on the Poisson sum written out
 * term by term (obviously right for small x), independent of the chi-square code. Until December
 * 2026 the chi-square quantiles were Wilson-Hilferty's: 1 lead's lower end read 0.0131 where the
 * exact one is −ln(0.975) = 0.0253 (48% low), 2 leads' 0.2335 where it is 0.2422.
 */
const poissonCdf = (x: number, mean: number) => {
  let term = Math.exp(-mean);
  let sum = 0;
  for (let j = 0; j <= x; j++) {
    sum += term;
    term *= mean / (j + 1);
  }
  return sum;
};
/** The mean at which f(mean) = 0.025, f falling as the mean rises, by 200 halvings. */
const solve = (f: (mean: number) => number) => {
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0.025) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
};

describe('poissonLevel: the Garwood interval from few counts, exact', () => {
  it('1 lead over a month: lower end −ln(0.975), upper end where P(X <= 1) = 0.025', () => {
    const g = poissonLevel(1, 1);
    expect(g.lo).toBeCloseTo(-Math.log(0.975), 10);
    expect(g.hi).toBeCloseTo(5.5716, 4);
  });

  it('every total from 0 to 30 agrees with the Poisson sum solved directly, to 1e-9 relative', () => {
    for (let x = 0; x <= 30; x++) {
      const g = poissonLevel(x, 12);
      const hi = solve((m) => poissonCdf(x, m)) / 12;
      expect(Math.abs(g.hi / hi - 1), `total ${x}, upper end`).toBeLessThan(1e-9);
      if (x === 0) expect(g.lo).toBe(0);
      else {
        // P(X >= x | λ) rises with λ: the lower end is the λ where it reaches 0.025.
        let a = 0;
        let b = 1000;
        for (let i = 0; i < 200; i++) {
          const mid = (a + b) / 2;
          if (1 - poissonCdf(x - 1, mid) < 0.025) a = mid;
          else b = mid;
        }
        expect(Math.abs(g.lo / ((a + b) / 2 / 12) - 1), `total ${x}, lower end`).toBeLessThan(1e-9);
      }
    }
  });
});

describe('chiSquareQuantileExact', () => {
  it('2 df (an exponential of mean 2): −2 ln(1 − p), in both tails', () => {
    for (const p of [1e-6, 0.025, 0.1, 0.5, 0.9, 0.975, 1 - 1e-9]) expect(chiSquareQuantileExact(p, 2) / (-2 * Math.log1p(-p))).toBeCloseTo(1, 12);
  });

  it('1 df: the square of the normal quantile', () => {
    // P(χ²₁ <= z²) = 2Φ(z) − 1; at z = 1.959964 that is 0.95.
    expect(chiSquareQuantileExact(0.95, 1)).toBeCloseTo(1.959963984540054 ** 2, 10);
  });

  it('tables (Abramowitz & Stegun 26.8): 20 df and 100 df', () => {
    expect(chiSquareQuantileExact(0.975, 20)).toBeCloseTo(34.1696, 4);
    expect(chiSquareQuantileExact(0.025, 20)).toBeCloseTo(9.59078, 4);
    expect(chiSquareQuantileExact(0.99, 100)).toBeCloseTo(135.807, 3);
  });
});
