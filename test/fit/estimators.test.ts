import { describe, expect, it } from 'vitest';
import { fitLeadVolume } from '../../src/fit/lead-volume.js';
import { fitConversion } from '../../src/fit/conversion.js';
import { fitAcvFromDeals, fitAcvFromTotals } from '../../src/fit/acv.js';
import { fitRenewal, fitRenewalFromOutcomes } from '../../src/fit/renewal.js';
import { yearLevel } from '../../src/fit/estimate.js';
import { blockOf, fiscalMonthOf } from '../../src/fit/timeline.js';
import { chiSquareQuantile, chiSquareUpperTail, tQuantile } from '../../src/fit/reference-distributions.js';

const repeat = (values: number[], times: number) => Array.from({ length: times }, () => values).flat();

describe('the history timeline', () => {
  it('ends the month before the fitted year: the last 12 months are fiscal months 1..12', () => {
    expect(fiscalMonthOf(24, 24)).toBe(12);
    expect(fiscalMonthOf(13, 24)).toBe(1);
    expect(fiscalMonthOf(19, 30)).toBe(1);
    expect(fiscalMonthOf(1, 30)).toBe(7); // 30 − 1 = 29 months before the end: 7 months into its year
    expect([blockOf(30, 30), blockOf(19, 30), blockOf(18, 30), blockOf(6, 30), blockOf(1, 30)]).toEqual([0, 0, 1, 2, 2]);
  });
});

describe('reference distributions, against tables', () => {
  it('t and chi-square quantiles and the chi-square tail', () => {
    expect(tQuantile(0.975, 11)).toBeCloseTo(2.201, 3);
    expect(tQuantile(0.975, 23)).toBeCloseTo(2.0687, 3);
    expect(chiSquareQuantile(0.975, 20)).toBeCloseTo(34.17, 1);
    expect(chiSquareQuantile(0.025, 20)).toBeCloseTo(9.591, 1);
    expect(chiSquareUpperTail(31.41, 20)).toBeCloseTo(0.05, 3);
  });
});

describe('lead volume, by hand', () => {
  it('Poisson-like months: level 100, X² = 12 on 11 df, Poisson kept', () => {
    // 90, 110, ... : each month (±10)² / 100 = 1, so X² = 12 on 12 − 1 df, φ = 12/11, p = 0.36.
    const fit = fitLeadVolume(repeat([90, 110], 6));
    expect(fit.level.value).toBe(100);
    expect(fit.dispersion.chiSquare).toBeCloseTo(12, 12);
    expect(fit.dispersion.df).toBe(11);
    expect(fit.dispersion.pValue).toBeGreaterThan(0.3);
    expect(fit.k).toBeUndefined();
    expect(fit.seasonality).toBeUndefined();
    // Var(L̂) = φ · 12 · 100 / 144: se = √(1309.09) / 12 = 3.0151, 0.030151 of the level.
    expect(fit.year.standardError).toBeCloseTo(0.030151, 5);
    // No full year-on-year change: the drift is the judgement, 0.15; sd = √(0.030151² + 0.15²).
    expect(fit.year.drift).toBeCloseTo(0.15, 12);
    expect(fit.year.sd).toBeCloseTo(0.153, 3);
  });
  it('over-dispersed months: negative binomial with k = mean / (φ − 1)', () => {
    // 50, 150, ...: X² = 12 · 2500 / 100 = 300, φ = 300/11 = 27.27, k = 100 / 26.27 = 3.806.
    const fit = fitLeadVolume(repeat([50, 150], 6));
    expect(fit.dispersion.phi).toBeCloseTo(300 / 11, 10);
    expect(fit.k!.value).toBeCloseTo(100 / (300 / 11 - 1), 10);
    expect(fit.k!.lo).toBeLessThan(fit.k!.value);
    expect(fit.k!.hi).toBeGreaterThan(fit.k!.value);
  });
  it('seasonality from 24 months: each fiscal month\'s count over its year\'s level', () => {
    // Year 1 at level 100, year 2 at 200, both with weights 0.5 / 1.5 alternating.
    const fit = fitLeadVolume([...repeat([50, 150], 6), ...repeat([100, 300], 6)]);
    expect(fit.seasonality!.map((s) => s.value)).toEqual(repeat([0.5, 1.5], 6).map((x) => expect.closeTo(x, 10)));
    expect(fit.blockLevels.map((l) => Number(l.toFixed(9)))).toEqual([200, 100]);
    expect(fit.level.value).toBeCloseTo(200, 10);
    // A perfect fit: X² = 0, Poisson. One year-on-year change, log 2: drift √((log² 2 + 0.15²) / 2).
    expect(fit.dispersion.chiSquare).toBeCloseTo(0, 10);
    expect(fit.year.drift).toBeCloseTo(Math.sqrt((Math.log(2) ** 2 + 0.0225) / 2), 12);
  });
});

describe('conversion, by hand', () => {
  it("Kleinman's moments: rho and the beta-binomial standard error", () => {
    // n = 100, 100; k = 10, 20: p̂ = 0.15, S = 100 · 0.05² · 2 = 0.5, X² = 0.5 / 0.1275 = 3.9216 on 1 df;
    // C = 200 − 20000/200 − 1 = 99, rho = (3.9216 − 1) / 99 = 0.029512;
    // Var(p̂) = 0.1275/200 · (1 + rho · 99) = 0.0025: se 0.05.
    const fit = fitConversion([100, 100], [10, 20]);
    expect(fit.rate.value).toBeCloseTo(0.15, 12);
    expect(fit.test.chiSquare).toBeCloseTo(0.5 / 0.1275, 12);
    expect(fit.rho).toBeCloseTo((0.5 / 0.1275 - 1) / 99, 12);
    expect(fit.year.standardError).toBeCloseTo(0.05, 12);
  });
  it('binomial months give rho 0', () => {
    expect(fitConversion([100, 100], [15, 15]).rho).toBe(0);
  });
});

describe('ACV, by hand', () => {
  it('from deals: exp(mean log) and the sd of the logs', () => {
    const fit = fitAcvFromDeals([Math.E, Math.E ** 3], [12, 12], 12);
    expect(fit.median.value).toBeCloseTo(Math.E ** 2, 10);
    expect(fit.sigma.value).toBeCloseTo(Math.SQRT2, 12); // ((1 − 2)² + (3 − 2)²) / (2 − 1)
    expect(fit.year.standardError).toBeCloseTo(1, 12); // √2 / √2
  });
  it('from totals: the mean ACV, and sigma from the scatter of monthly averages', () => {
    // Months of one deal each, 100 and 300: mean 200, V = (100² + 100²) / 1 = 20000,
    // sigma² = log(1 + 20000 / 200²) = log 1.5, median = 200 / √1.5.
    const fit = fitAcvFromTotals([100, 300], [1, 1]);
    expect(fit.mean).toBe(200);
    expect(fit.sigma.value).toBeCloseTo(Math.sqrt(Math.log(1.5)), 12);
    expect(fit.median.value).toBeCloseTo(200 / Math.sqrt(1.5), 10);
  });
  it('from totals, in any unit: amounts 1e-170 as large give the same sigma (their squares underflow)', () => {
    // V / mean^2 is the same ratio at any scale; taken as (sqrt(V) / mean)^2, never V / mean^2.
    const fit = fitAcvFromTotals([100e-170, 300e-170], [1, 1]);
    expect(fit.sigma.value).toBeCloseTo(Math.sqrt(Math.log(1.5)), 12);
    expect(fit.sigma.lo / fitAcvFromTotals([100, 300], [1, 1]).sigma.lo).toBeCloseTo(1, 12);
  });
  it('from totals, a scatter of 1e-9 of the mean: sigma 1e-9 (log(1 + 1e-18) is 0)', () => {
    // Months of one deal, 1 - 1e-9 and 1 + 1e-9: mean 1, V = 2 x 1e-18 / 1, sigma^2 = log(1 + 2e-18) = 2e-18.
    const fit = fitAcvFromTotals([1 - 1e-9, 1 + 1e-9], [1, 1]);
    expect(fit.sigma.value / (Math.SQRT2 * 1e-9)).toBeCloseTo(1, 6);
  });
});

describe('renewal, by hand', () => {
  it('ratio estimator with its sandwich standard error', () => {
    // 160 of 200: 0.8; residuals ±10, se = √(200 · 2/1) / 200 = 0.1.
    const fit = fitRenewal([100, 100], [90, 70]);
    expect(fit.rate.value).toBeCloseTo(0.8, 12);
    expect(fit.year.standardError).toBeCloseTo(0.1, 12);
  });
  it('from customer outcomes: dollar and logo rates, the logo rate with the chances\' interval (exact ends at 0 to 3 renewals or losses)', () => {
    const fit = fitRenewalFromOutcomes([100, 300, 100, 100], [true, true, false, true], []);
    expect(fit.rate.value).toBeCloseTo(500 / 600, 12);
    expect(fit.logo.value).toBe(0.75);
    // Wilson at z = 1.96, n = 4, p = 0.75 gives [0.3006, 0.9544]; 3 renewed and 1 lost are both few, so
    // each end is the wider exact (Clopper-Pearson) one. Lower: P(B >= 3 | p) = 4p³(1 - p) + p⁴ = 0.025 at
    // p = 0.194120 (bisection by hand); upper: 1 loss of 4, seen from the losses'
    // side, P(>= 1 loss | q) = 1 - (1 - q)⁴ = 0.025, so the renewal rate's end is 1 - q = 0.975^(1/4).
    expect(fit.logo.lo).toBeCloseTo(0.19412045, 7);
    expect(fit.logo.hi).toBeCloseTo(0.975 ** (1 / 4), 12);
  });
  it('a logo rate with one loss among many keeps the exact upper end (Wilson\'s fell short: 0.9982 for 99 of 100)', () => {
    // 99 of 100 renewed: the exact upper end is where one loss or more has probability 2.5%,
    // 1 - r^100 = 0.025, r = 0.975^(1/100) = 0.999747; Wilson's end 0.99823 covers the true rate only about
    // 84% of the time where about 0.2 losses are expected (analysis/probability-coverage.test.ts).
    const arr = Array.from({ length: 100 }, () => 1000);
    const renewed = arr.map((_, i) => i !== 0);
    const fit = fitRenewalFromOutcomes(arr, renewed, []);
    expect(fit.logo.value).toBe(0.99);
    expect(fit.logo.hi).toBeCloseTo(0.975 ** (1 / 100), 12);
    // and one renewal of 100: the exact lower end 1 - 0.975^(1/100), below Wilson's 0.00177.
    const one = fitRenewalFromOutcomes(arr, arr.map((_, i) => i === 0), []);
    expect(one.logo.lo).toBeCloseTo(1 - 0.975 ** (1 / 100), 12);
  });
});

describe('the year-level layer', () => {
  it('pools the year-on-year changes with one judgement and adds the estimate\'s error', () => {
    const y = yearLevel(0.02, [0.1], 0.15);
    expect(y.drift).toBeCloseTo(Math.sqrt((0.01 + 0.0225) / 2), 12);
    expect(y.sd).toBeCloseTo(Math.sqrt(0.0004 + (0.01 + 0.0225) / 2), 12);
  });
});
