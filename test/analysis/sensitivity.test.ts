import { describe, expect, it } from 'vitest';
import { standardisedRegression } from '../../src/analysis/least-squares.js';
import { correlation, ranks } from '../../src/analysis/ranks.js';
import { sensitivity } from '../../src/analysis/sensitivity.js';
import { whatMustBeTrue } from '../../src/analysis/what-must-be-true.js';
import { describe as describeValues } from '../../src/analysis/describe.js';
import { column, meanAndSe, run } from '../helpers/fixtures.js';
import { whatMustBeTrueLine } from '../../src/report/summary-table.js';

describe('ranks, correlation and the rank regression', () => {
  it('ranks ties by their average', () => {
    expect(Array.from(ranks([10, 30, 20, 20]))).toEqual([1, 4, 2.5, 2.5]);
  });

  it('a regression recovers exact standardised coefficients, and R² = 1 without noise', () => {
    const n = 200;
    const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(3 * i));
    const y = x1.map((v, i) => 2 * v - 0.5 * x2[i]!);
    const { beta, rSquared } = standardisedRegression([x1, x2], y);
    // Standardised beta_j = b_j sd(x_j) / sd(y).
    const sd = (v: Float64Array) => meanAndSe(v).sd;
    expect(beta[0]).toBeCloseTo((2 * sd(x1)) / sd(y), 6);
    expect(beta[1]).toBeCloseTo((-0.5 * sd(x2)) / sd(y), 6);
    expect(rSquared).toBeCloseTo(1, 9);
    expect(correlation(x1, x1)).toBeCloseTo(1, 12);
  });
});

/** Two independent drivers with very different effects: conversion matters a lot, renewal little. */
const twoDrivers = `
name: sensitivity
tiers:
  - name: Mid-market
    existing:
      openingArr: 1000000
      customers: 100
      renewalRate: { dist: beta, mean: 0.9, sd: 0.01 }
    newBusiness:
      leadsPerMonth: 400
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 10000
`;

describe('sensitivity and what must be true', () => {
  it('ranks the driver that moves revenue most first, with shares that add up to R²', async () => {
    const sim = await run(twoDrivers, 5_000);
    const s = sensitivity(sim);
    expect(s.drivers.map((d) => d.label).slice(0, 2)).toEqual(['Mid-market conversion', 'Mid-market renewal rate']);
    const top = s.drivers[0]!;
    expect(top.rankCorrelation).toBeGreaterThan(0.9);
    expect(top.swing).toBeGreaterThan(0);
    expect(top.high.metricMedian).toBeGreaterThan(top.low.metricMedian);
    expect(s.drivers.reduce((a, d) => a + d.varianceShare, 0)).toBeCloseTo(s.rSquared, 9);
  });

  it('break-even: re-running with the driver fixed at it puts the P50 on the target', async () => {
    const n = 20_000;
    const sim = await run(twoDrivers, n, 11);
    const revenue = column(sim, 'revenue');
    const base = describeValues(revenue)!;
    // A target above plan: P50 of revenue + 1 sd.
    const target = base.percentiles.p50 + base.sd;
    const w = whatMustBeTrue(sim, { metric: 'revenue', value: target }, 'stretch');
    const conversion = w.drivers.find((d) => d.label === 'Mid-market conversion')!;
    expect(conversion.direction).toBe('atLeast');
    expect(conversion.breakEven).toBeGreaterThan(conversion.plan);
    expect(conversion.medianWhenReached).toBeGreaterThan(conversion.medianWhenMissed!);
    expect(w.trialsReaching).toBeGreaterThan(0);
    expect(w.trialsReaching).toBeLessThan(w.trialsUsed);
    // Re-run with conversion fixed at the break-even, the other driver as it is.
    const rerun = await run(twoDrivers.replace('conversion: { dist: beta, mean: 0.05, sd: 0.01 }', `conversion: ${conversion.breakEven}`), n, 12);
    const p50 = describeValues(column(rerun, 'revenue'))!;
    // Tolerance: the re-run's P50 interval, plus the noise of a bin median in the estimate
    // (1.2533 sd / sqrt(trials per bin), 20 bins), 4 standard errors of both combined.
    const [lo, hi] = p50.percentileIntervals.p50;
    const tolerance = 4 * Math.hypot((hi - lo) / (2 * 1.96), (1.2533 * base.sd) / Math.sqrt(n / 20));
    expect(Math.abs(p50.percentiles.p50 - target)).toBeLessThanOrEqual(tolerance);
  });
});

describe('what must be true when every trial (or none) reaches the target', () => {
  it('says so, with no medians of an empty group and no NaN', async () => {
    const sim = await run(
      'name: sure\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: { dist: beta, mean: 0.05, sd: 0.01 }\n      acv: 1000\n',
      500,
      3,
    );
    const easy = whatMustBeTrue(sim, { metric: 'revenue', value: 1 }, 'revenue >= 1');
    expect(easy.trialsReaching).toBe(500);
    for (const d of easy.drivers) {
      expect(d.medianWhenMissed).toBeUndefined();
      expect(Number.isFinite(d.medianWhenReached)).toBe(true);
    }
    expect(whatMustBeTrueLine(easy)).toBe('revenue >= 1 is reached in every one of the 500 trials looked at: nothing more has to be true.');
    const impossible = whatMustBeTrue(sim, { metric: 'revenue', value: 1e12 }, 'revenue >= 1T');
    expect(impossible.trialsReaching).toBe(0);
    expect(impossible.drivers.every((d) => d.medianWhenReached === undefined)).toBe(true);
    expect(whatMustBeTrueLine(impossible)).toMatch(/reached in none of the 500 trials/);
  });
});
