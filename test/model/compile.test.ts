import { describe, expect, it } from 'vitest';
import { betaParams, compileDistribution, lognormalParams } from '../../src/model/distribution-sampler.js';
import { compileCount } from '../../src/model/count-sampler.js';
import { lagPmf } from '../../src/model/lag-pmf.js';
import { LagSplitter } from '../../src/model/lag-splitter.js';
import { customersDue } from '../../src/model/renewal-schedule.js';
import { shiftRate, trialRate, volumeMultiplier } from '../../src/model/market.js';
import { createStream } from '../../src/random/source.js';
import { normalCdf } from '../../src/math/normal-cdf.js';
import { expectChiSquareFit, expectKs, expectMeanWithin, expectVarianceWithin, sample } from '../helpers/stats.js';

const N = 50_000;
/** Φ⁻¹(0.9), written out (Abramowitz and Stegun table 26.5). */
const Z90 = 1.2815515655446004;

describe('distribution parameterisations a planner writes', () => {
  it('lognormal from median and P90 puts those quantiles where stated', () => {
    const { mu, sigma } = lognormalParams({ dist: 'lognormal', median: 11_000, p90: 24_000 });
    expect(Math.exp(mu)).toBeCloseTo(11_000, 6);
    expect(Math.exp(mu + Z90 * sigma)).toBeCloseTo(24_000, 6);
  });

  it('lognormal from P10 and P90', () => {
    const { mu, sigma } = lognormalParams({ dist: 'lognormal', p10: 5_000, p90: 45_000 });
    expect(Math.exp(mu - Z90 * sigma)).toBeCloseTo(5_000, 6);
    expect(Math.exp(mu + Z90 * sigma)).toBeCloseTo(45_000, 6);
  });

  it('lognormal from mean and sd has that mean and sd', () => {
    const { mu, sigma } = lognormalParams({ dist: 'lognormal', mean: 45_000, sd: 25_000 });
    const mean = Math.exp(mu + sigma ** 2 / 2);
    expect(mean).toBeCloseTo(45_000, 6);
    expect(Math.sqrt(Math.exp(sigma ** 2) - 1) * mean).toBeCloseTo(25_000, 6);
  });

  it('beta from mean and sd has that mean and sd', () => {
    const { alpha, beta } = betaParams({ dist: 'beta', mean: 0.86, sd: 0.03 });
    const s = alpha + beta;
    expect(alpha / s).toBeCloseTo(0.86, 12);
    expect(Math.sqrt((alpha * beta) / (s * s * (s + 1)))).toBeCloseTo(0.03, 12);
  });

  it('a compiled lognormal (median/P90) samples its distribution (KS)', () => {
    const draw = compileDistribution({ dist: 'lognormal', median: 11_000, p90: 24_000 }).bind(createStream('test/compile/logn'));
    const sigma = Math.log(24_000 / 11_000) / Z90;
    expectKs(sample(N, draw), (x) => (x <= 0 ? 0 : normalCdf(Math.log(x / 11_000) / sigma)));
  });
});

describe('sums of n draws (a month of deals)', () => {
  const sums = (spec: Parameters<typeof compileDistribution>[0], n: number, seed: string) => {
    const sum = compileDistribution(spec).bindSum(createStream(seed));
    return sample(N / 5, () => sum(n));
  };

  it('lognormal: mean n E[X], variance n Var[X]', () => {
    const mu = 9;
    const s = 0.5;
    const m = Math.exp(mu + s * s / 2);
    const v = (Math.exp(s * s) - 1) * m * m;
    const xs = sums({ dist: 'lognormal', mu, sigma: s }, 17, 'test/compile/sum-logn');
    expectMeanWithin(xs, 17 * m, Math.sqrt(17 * v));
  });

  it('normal, exact in O(1): N(n mu, sqrt(n) sigma) by KS', () => {
    const xs = sums({ dist: 'normal', mean: 3, sd: 2 }, 25, 'test/compile/sum-normal');
    expectKs(xs, (x) => normalCdf((x - 75) / 10));
  });

  it('Poisson and negative binomial, exact in O(1): mean and variance of the sum', () => {
    const p = sums({ dist: 'poisson', mean: 2.5 }, 40, 'test/compile/sum-poisson');
    expectMeanWithin(p, 100, 10);
    expectVarianceWithin(p, 100, 3 * 100 * 100 + 100);
    // NB(mean m, k) summed n times: mean n m, variance n (m + m^2 / k).
    const nb = sums({ dist: 'negativeBinomial', mean: 4, dispersion: 2 }, 10, 'test/compile/sum-nb');
    expectMeanWithin(nb, 40, Math.sqrt(10 * (4 + 8)));
  });

  it('zero draws sum to zero', () => {
    for (const spec of [{ dist: 'lognormal', mu: 1, sigma: 1 }, { dist: 'normal', mean: 5, sd: 1 }, { dist: 'poisson', mean: 3 }, 7] as const)
      expect(compileDistribution(spec).bindSum(createStream('z'))(0)).toBe(0);
  });
});

describe('counts scaled by seasonality and the market', () => {
  it('a non-count distribution is drawn, scaled and rounded stochastically, keeping its mean', () => {
    const draw = compileCount({ dist: 'uniform', min: 10, max: 20 })(createStream('test/compile/count'));
    const xs = sample(N, () => draw(1.3));
    expect(xs.every(Number.isInteger)).toBe(true);
    // Mean 15 x 1.3; the rounding adds at most 1/4 to the variance of the uniform(13, 26).
    expectMeanWithin(xs, 19.5, Math.sqrt(13 ** 2 / 12 + 0.25));
  });

  it('Poisson leads stay Poisson with the scaled mean', () => {
    const draw = compileCount({ dist: 'poisson', mean: 40 })(createStream('test/compile/poisson-count'));
    const xs = sample(N, () => draw(0.5));
    expectMeanWithin(xs, 20, Math.sqrt(20));
    expectVarianceWithin(xs, 20, 3 * 20 * 20 + 20);
  });
});

describe('sales-cycle lags', () => {
  it('lagPmf turns a discrete distribution into probabilities and conditional split probabilities', () => {
    const lag = lagPmf({ dist: 'discrete', values: [0, 2], weights: [1, 3] });
    expect(Array.from(lag.pmf)).toEqual([0.25, 0, 0.75]);
    expect(Array.from(lag.conditional)).toEqual([0.25, 0, 1]);
  });

  it.each([5, 24, 25, 400])('splitting %d units is multinomial: each lag count is Binomial(n, p_j)', (n) => {
    const pmf = [0.1, 0.3, 0.25, 0.2, 0.15];
    const splitter = new LagSplitter(lagPmf({ dist: 'discrete', values: [0, 1, 2, 3, 4], weights: pmf }), createStream(`test/compile/split/${n}`));
    const counts = pmf.map(() => new Float64Array(20_000));
    // The splits whose counts do not add to n, none (one assertion, not an expect() a split).
    const wrongTotals: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const c = splitter.split(n);
      if (c.reduce((a, b) => a + b, 0) !== n) wrongTotals.push(`split ${i}: ${c.join(' + ')}`);
      c.forEach((v, j) => (counts[j]![i] = v));
    }
    expect(wrongTotals).toEqual([]);
    pmf.forEach((p, j) => {
      const binom = (k: number) => {
        let logC = 0;
        for (let i = 1; i <= k; i++) logC += Math.log((n - k + i) / i);
        return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
      };
      expectChiSquareFit(counts[j]!, binom);
    });
  });
});

describe('renewal calendar', () => {
  it('spreads whole customers evenly and keeps the total', () => {
    expect(Array.from(customersDue({ customers: 120, renewalCalendar: 'uniform' }))).toEqual(new Array(12).fill(10));
    const ten = customersDue({ customers: 10, renewalCalendar: 'uniform' });
    expect(ten.reduce((a, b) => a + b, 0)).toBe(10);
    // No clustering: each half of the year gets 5.
    expect(ten.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(5);
    const cal = [0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.25];
    expect(Array.from(customersDue({ customers: 8, renewalCalendar: cal }))).toEqual([0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });
});

describe('market shifts', () => {
  it('rates move on the log-odds scale and stay in (0, 1); 0 and 1 stay put', () => {
    expect(shiftRate(0.5, 0.4, -1)).toBeCloseTo(1 / (1 + Math.exp(0.4)), 12);
    expect(shiftRate(0.9, 0, 2)).toBe(0.9);
    expect(shiftRate(1, 0.5, -3)).toBe(1);
    expect(shiftRate(0, 0.5, 3)).toBe(0);
  });

  it('a stress adds its points after the market and clamps; a rate drawn as exactly 0 or 1 stays put under both', () => {
    // 0.5 in an average year (z = 0) 20 points lower: 0.3; 0.1 - 0.2 clamps to 0 and 0.9 + 0.2 to 1.
    expect(trialRate(0.5, 0.5, 0, -0.2)).toBeCloseTo(0.3, 15);
    expect(trialRate(0.1, 0, 0, -0.2)).toBe(0);
    expect(trialRate(0.9, 0, 0, 0.2)).toBe(1);
    // Certain rates: a bad year and 20 points lower leave 1 at 1; a good year and 20 points higher leave 0 at 0.
    expect(trialRate(1, 0.5, -1.28, -0.2)).toBe(1);
    expect(trialRate(0, 0.5, 1.28, 0.2)).toBe(0);
    expect(trialRate(1, 0, 0, -1)).toBe(1);
    expect(trialRate(0, 0, 0, 1)).toBe(0);
  });

  it('volume multipliers have mean 1 over Z ~ N(0,1)', () => {
    const z = createStream('test/compile/market');
    const b = 0.4;
    // exp(bZ - b^2/2) is lognormal with mean 1 and variance exp(b^2) - 1.
    const xs = sample(N, () => {
      // A standard normal from two uniforms (Box-Muller), independent of the code under test.
      const u = 1 - z();
      return volumeMultiplier(b, Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * z()));
    });
    expectMeanWithin(xs, 1, Math.sqrt(Math.exp(b * b) - 1));
  });
});
