import { describe, expect, it } from 'vitest';
import { kolmogorovCdf, kolmogorovSf, ksUniform } from '../../src/scoring/calibration.js';

/**
 * The KS p-value of few PITs against the exact distribution of D_n. Reference: scipy.stats.kstwo.sf
 * (SciPy 1.17, Simard & L'Ecuyer's algorithm: an implementation apart from arrcast's), P(D_n >= d).
 * One value u has D = max(u, 1 − u), so P(D_1 >= d) = 2 (1 − d) for d >= 1/2 by hand.
 */
const REFERENCE: Array<[number, number, number]> = [
  [1, 0.5, 1.0],
  [1, 0.6, 0.8],
  [1, 0.75, 0.5],
  [1, 0.9, 0.19999999999999996],
  [2, 0.3, 0.98],
  [2, 0.5, 0.5],
  [2, 0.6, 0.32000000000000006],
  [2, 0.75, 0.125],
  [2, 0.9, 0.01999999999999999],
  [3, 0.3, 0.8862222222222222],
  [3, 0.5, 0.3333333333333333],
  [3, 0.6, 0.14400000000000004],
  [3, 0.75, 0.03125],
  [3, 0.9, 0.0019999999999999987],
  [4, 0.15, 0.99985],
  [4, 0.3, 0.7708],
  [4, 0.5, 0.1875],
  [4, 0.6, 0.06740000000000002],
  [4, 0.75, 0.0078125],
  [4, 0.9, 0.00019999999999999982],
  [5, 0.15, 0.9988],
  [5, 0.3, 0.664],
  [5, 0.5, 0.112],
  [5, 0.6, 0.03008000000000001],
  [5, 0.75, 0.002],
  [5, 0.9, 1.9999999999999978e-05],
  [7, 0.15, 0.9894053535559163],
  [7, 0.3, 0.46626387699002947],
  [7, 0.5, 0.03839174153626465],
  [7, 0.6, 0.006140397691438094],
  [7, 0.75, 0.00013795463292824419],
  [7, 0.9, 1.999999999999997e-07],
  [10, 0.05, 1.0],
  [10, 0.15, 0.95396527],
  [10, 0.3, 0.27053557479999946],
  [10, 0.5, 0.00777741],
  [10, 0.6, 0.0005681672000000003],
  [10, 0.75, 2.48650390625e-06],
  [10, 0.9, 1.9999999999999957e-10],
  [20, 0.05, 0.9999999767980384],
  [20, 0.15, 0.7044671549442872],
  [20, 0.3, 0.04306706665851623],
  [20, 0.5, 3.787595240539032e-05],
  [20, 0.6, 2.0483011649719853e-07],
  [20, 0.75, 3.763733219194412e-12],
  [20, 0.9, 2.0006866455078037e-20],
  [50, 0.05, 0.9990238098461883],
  [50, 0.15, 0.19026366518248072],
  [50, 0.3, 0.00017353260202718738],
  [50, 0.5, 4.392853499119748e-12],
  [50, 0.6, 9.634070456142374e-18],
  [50, 0.75, 1.3182072301371284e-29],
  [50, 0.9, 2.0160611902288146e-50],
  [99, 0.05, 0.955030756828997],
  [99, 0.15, 0.0207571487983919],
  [99, 0.3, 2.1295020110227236e-08],
  [99, 0.5, 2.065796492794568e-23],
  [99, 0.6, 1.3062718071854244e-34],
  [99, 0.75, 4.076156041883071e-58],
  [99, 0.9, 2.052595858615682e-99],
  [100, 0.05, 0.9532159710635725],
  [100, 0.15, 0.019839242125643017],
  [100, 0.3, 1.7719869892662917e-08],
  [100, 0.5, 1.2131434371817858e-23],
  [100, 0.6, 5.912822156396238e-35],
  [100, 0.75, 1.0676343025998959e-58],
  [100, 0.9, 2.0533839413065759e-100],
];

describe('the KS p-value of few PITs', () => {
  it('is P(D_n >= d) of the exact distribution to 1e-6 of itself, down to tails of 1e-100', () => {
    for (const [n, d, p] of REFERENCE) expect(Math.abs(kolmogorovSf(n, d) / p - 1), `n = ${n}, d = ${d}: ${p}`).toBeLessThanOrEqual(1e-6);
  });

  it('its cdf is exact to 1e-13 wherever the tail is not tiny (no closed approximation past n d² = 7.24)', () => {
    for (const [n, d, p] of REFERENCE) if (p >= 1e-7) expect(Math.abs(1 - kolmogorovCdf(n, d) - p), `n = ${n}, d = ${d}: ${p}`).toBeLessThanOrEqual(1e-13);
  });

  it('of one PIT is 2 (1 − D): 0.2 at 0.9, 0.0007 at 0.99967 (the asymptotic form read 0.17 and 0.097)', () => {
    expect(ksUniform([0.9]).pValue).toBeCloseTo(0.2, 12);
    expect(ksUniform([0.1]).pValue).toBeCloseTo(0.2, 12);
    expect(ksUniform([0.99967]).pValue).toBeCloseTo(2 * (1 - 0.99967), 12);
    expect(ksUniform([0.6]).pValue).toBeCloseTo(0.8, 12);
  });

  it('of a handful of PITs matches the exact distribution where the asymptotic form was off by a tenth or more', () => {
    // D of {0.96, 0.98} is 0.96 (P(D_2 >= 0.96) = 2 (1 − 0.96)² = 0.0032; the asymptotic form gave 0.0166).
    expect(ksUniform([0.96, 0.98]).pValue).toBeCloseTo(0.0032, 10);
    // D of {0.7, 0.8} is 0.7: 2 (1 − 0.7)² = 0.18 (asymptotic 0.157).
    expect(ksUniform([0.7, 0.8]).pValue).toBeCloseTo(0.18, 10);
  });
});
