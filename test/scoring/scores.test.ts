import { describe, expect, it } from 'vitest';
import { normalCrps, sampleCrps } from '../../src/scoring/crps.js';
import { midRankPit } from '../../src/scoring/pit.js';
import { pinballLoss, sortedQuantile } from '../../src/scoring/pinball.js';
import { calibrationCurve, coverage, pitHistogram } from '../../src/scoring/calibration.js';
import { scoreSample } from '../../src/scoring/score-sample.js';
import { createStream, normal } from '../../src/random/index.js';
import { expectKs, ksCritical, ksStatistic } from '../helpers/stats.js';
import { meanAndSe } from '../helpers/fixtures.js';

describe('sample CRPS, by hand', () => {
  it('is 7/18 for the sample {1, 2, 3} at 2.5', () => {
    // mean |x − y| = (1.5 + 0.5 + 0.5) / 3 = 5/6; Σ_i Σ_j |x_i − x_j| = 2 (1 + 2 + 1) = 8, / (2·9) = 4/9;
    // 5/6 − 4/9 = 7/18. The same by the integral ∫ (F_n − 1{y ≤ x})²: 1·(1/3)² + ½·(2/3)² + ½·(1/3)² = 7/18.
    expect(sampleCrps(Float64Array.of(1, 2, 3), 2.5)).toBeCloseTo(7 / 18, 14);
  });
  it('is 14/9 for {1, 2, 3} at 0, below every value', () => {
    // mean |x − 0| = 2; minus 4/9 = 14/9. Integral: 1·1² + 1·(2/3)² + 1·(1/3)² = 14/9.
    expect(sampleCrps(Float64Array.of(1, 2, 3), 0)).toBeCloseTo(14 / 9, 14);
  });
  it('is the absolute error for a single value', () => {
    expect(sampleCrps(Float64Array.of(5), 2)).toBe(3);
  });
  it('is 0 for a sample of one value equal to the outcome, and refuses an empty sample', () => {
    expect(sampleCrps(Float64Array.of(4, 4), 4)).toBe(0);
    expect(() => sampleCrps(new Float64Array(0), 1)).toThrow(RangeError);
  });
});

describe('normal CRPS in closed form', () => {
  it('is 2φ(0) − 1/√π at the mean of N(0, 1)', () => {
    // 2 / √(2π) − 1 / √π = 0.7978846 − 0.5641896 = 0.2336950.
    expect(normalCrps(0, 1, 0)).toBeCloseTo(0.233695, 6);
  });
  it('scales with sigma and shifts with mu', () => {
    expect(normalCrps(10, 3, 10)).toBeCloseTo(3 * 0.233695, 5);
    expect(normalCrps(5, 2, 7)).toBeCloseTo(2 * normalCrps(0, 1, 1), 12);
  });
  it('is z (2 Φ(z) − 1) + 2 φ(z) − 1/√π away from the mean: 0.6024414 at z = 1', () => {
    // At z = 0 the first term vanishes; at z = 1: 2 Φ(1) − 1 = 0.6826895 (the one-sd mass), 2 φ(1) = 0.4839414,
    // 1/√π = 0.5641896, so 0.6826895 + 0.4839414 − 0.5641896 = 0.6024414 (and 2 x that for N(5, 2) at 7).
    expect(normalCrps(0, 1, 1)).toBeCloseTo(0.6024414, 6);
    expect(normalCrps(5, 2, 7)).toBeCloseTo(2 * 0.6024414, 6);
  });
  it('is what a large sample of the normal scores, within the standard error of the sample CRPS', () => {
    // E[sample CRPS] = CRPS(N) + σ / (n √π): the n² form's spread term is (n − 1)/n of E|X − X'|/2, E|X − X'| = 2σ/√π.
    const mu = 10;
    const sigma = 2;
    const y = 11.5;
    const n = 2000;
    const reps = 200;
    const draw = normal(createStream('score/normal-crps'));
    const scores = new Float64Array(reps);
    for (let r = 0; r < reps; r++) {
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) xs[i] = draw(mu, sigma);
      scores[r] = sampleCrps(xs.sort(), y);
    }
    const { mean, se } = meanAndSe(scores);
    const expected = normalCrps(mu, sigma, y) + sigma / (n * Math.sqrt(Math.PI));
    expect(Math.abs(mean - expected), `mean ${mean} vs ${expected}, SE ${se}`).toBeLessThanOrEqual(4 * se);
  });
});

describe('mid-rank PIT', () => {
  const xs = Float64Array.of(1, 2, 2, 3);
  it('splits ties in the middle', () => {
    expect(midRankPit(xs, 2)).toBe(0.5); // (1 below + ½ · 2 equal) / 4
    expect(midRankPit(xs, 2.5)).toBe(0.75);
    expect(midRankPit(xs, 3)).toBe(0.875);
  });
  it('is 0 below every value and 1 above', () => {
    expect(midRankPit(xs, 0)).toBe(0);
    expect(midRankPit(xs, 9)).toBe(1);
  });
  it('is uniform for outcomes drawn from the forecast distribution (KS), and not for outcomes twice as spread', () => {
    const draw = normal(createStream('score/pit-forecast'));
    const truth = normal(createStream('score/pit-outcome'));
    const forecasts = 400;
    const n = 1000;
    const honest = new Float64Array(forecasts);
    const wide = new Float64Array(forecasts);
    for (let f = 0; f < forecasts; f++) {
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) xs[i] = draw(0, 1);
      xs.sort();
      honest[f] = midRankPit(xs, truth(0, 1));
      wide[f] = midRankPit(xs, truth(0, 2));
    }
    // False alarm: the KS test at ALPHA = 0.001 (critical D 0.0968 at 400 PITs); the mid-rank PIT of
    // 1,000 trials is uniform on {0, 1/1000, ..., 1}, which moves D by at most 0.001.
    expectKs(honest, (u) => Math.min(1, Math.max(0, u)));
    // Outcomes twice as spread as the forecast: a U-shaped PIT, which the same test rejects. Its power,
    // by hand: the PIT's CDF is Φ(Φ⁻¹(u) / 2), farthest from u at z = √(8 ln 2 / 3) = 1.3596, u = 0.9130,
    // where it is Φ(0.6798) = 0.7517 (D = 0.161); the test misses only if the share of PITs below 0.913
    // exceeds 0.913 − 0.0968 = 0.816, 2.99 binomial SEs (√(0.7517 × 0.2483 / 400) = 0.0216) above its
    // mean: power at least Φ(2.99) = 99.86%.
    expect(ksStatistic(wide, (u) => Math.min(1, Math.max(0, u)))).toBeGreaterThan(ksCritical(forecasts));
  });
});

describe('pinball loss and quantiles', () => {
  it('weights a miss below P10 nine times a miss above it', () => {
    expect(pinballLoss(100, 90, 0.1)).toBeCloseTo(9, 12); // 0.9 × 10
    expect(pinballLoss(100, 110, 0.1)).toBeCloseTo(1, 12); // 0.1 × 10
    expect(pinballLoss(100, 104, 0.5)).toBe(2);
  });
  it('interpolates type 7', () => {
    const xs = Float64Array.of(1, 2, 3, 4);
    expect(sortedQuantile(xs, 0.5)).toBe(2.5);
    expect(sortedQuantile(xs, 0.1)).toBeCloseTo(1.3, 12); // h = 0.3
    expect(sortedQuantile(xs, 1)).toBe(4);
  });
});

describe('one forecast scored', () => {
  it('gives PIT, CRPS, band edges and their pinball losses', () => {
    const s = scoreSample(Float64Array.of(1, 2, 3), 2.5);
    expect(s.pit).toBeCloseTo(2 / 3, 12);
    expect(s.crps).toBeCloseTo(7 / 18, 12);
    expect(s.p10).toBeCloseTo(1.2, 12); // h = 0.2
    expect(s.p50).toBe(2);
    expect(s.p90).toBeCloseTo(2.8, 12);
    expect(s.pinball10).toBeCloseTo(0.1 * 1.3, 12);
    expect(s.pinball50).toBeCloseTo(0.25, 12);
    expect(s.pinball90).toBeCloseTo(0.1 * 0.3, 12); // below P90: (1 − 0.9) × 0.3
    expect(s.inside80).toBe(true);
  });
});

describe('calibration across forecasts', () => {
  it('bins PITs in tenths, a PIT of 1 in the last', () => {
    expect(pitHistogram([0, 0.05, 0.1, 0.55, 1])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
  it('counts outcomes below each level, a PIT on the level as half', () => {
    const [p] = calibrationCurve([0.05, 0.5, 0.95], [0.5]);
    expect(p!.observed).toBeCloseTo(0.5, 12);
    expect(p!.standardError).toBeCloseTo(Math.sqrt(0.25 / 3), 12);
  });
  it('gives the share inside P10-P90 with its binomial standard error', () => {
    const c = coverage([true, false, true, true]);
    expect(c.share).toBe(0.75);
    expect(c.standardError).toBeCloseTo(0.2, 12); // sqrt(0.8 · 0.2 / 4)
  });
});
