import { describe, expect, it } from 'vitest';
import { ksUniform, ksUniformRanges, kolmogorovSf, pitRangeHistogram, rangeCalibrationCurve } from '../../src/scoring/calibration.js';
import { pitRange, type PitRange } from '../../src/scoring/pit.js';
import { scoreForecasts } from '../../src/scoring/score-forecasts.js';
import type { Outcome } from '../../src/scoring/outcomes-file.js';
import { createStream, poisson, uniform } from '../../src/random/index.js';
import { ALPHA } from '../helpers/stats.js';

/**
 * Calibration across forecasts whose trials tie with their outcomes: each outcome counts as spread
 * evenly over its PIT's range [F_n(y−), F_n(y)] (the non-randomised PIT, Czado, Gneiting & Held
 * 2009). With the mid-rank point instead, a re-forecast of all 12 closed months (every trial the
 * actuals) scored against that year gave 12 PITs of exactly 50%: all in one bin, KS p = 0.003,
 * "not uniform", for forecasts that were exactly right; and honest forecasts of counts (many ties)
 * failed the KS test in the same way.
 */
describe('PIT ranges', () => {
  it('are [share below, share at or below] the outcome', () => {
    const xs = Float64Array.of(1, 2, 2, 3);
    expect(pitRange(xs, 2)).toEqual([0.25, 0.75]);
    expect(pitRange(xs, 2.5)).toEqual([0.75, 0.75]);
    expect(pitRange(Float64Array.of(7, 7, 7), 7)).toEqual([0, 1]);
    expect(pitRange(Float64Array.of(7), 9)).toEqual([1, 1]);
  });

  it('spread over the histogram, the calibration curve and the KS statistic, by hand', () => {
    // One outcome uniform over [0, 1] and one at 0.25, in quarters: 1/4 each, plus 1 in the second.
    expect(pitRangeHistogram([[0, 1], [0.25, 0.25]], 4)).toEqual([0.25, 1.25, 0.25, 0.25]);
    // [0.2, 0.6]: 0.5 of it below 0.4; the point 0.4 at 0.4 counts half; (0.5 + 0.5) / 2.
    expect(rangeCalibrationCurve([[0.2, 0.6], [0.4, 0.4]], [0.4])[0]!.observed).toBeCloseTo(0.5, 15);
    // F̄(u) = (u + 1{u >= 0.2}) / 2: at 0.2 it is 0.6, 0.4 above u; the p-value of D = 0.4 for 2 outcomes.
    const ks = ksUniformRanges([[0, 1], [0.2, 0.2]]);
    expect(ks.d).toBeCloseTo(0.4, 15);
    expect(ks.pValue).toBeCloseTo(kolmogorovSf(2, 0.4), 15);
    // Every outcome spread over all of [0, 1]: F̄(u) = u, nothing to reject.
    expect(ksUniformRanges([[0, 1], [0, 1], [0, 1]])).toEqual({ d: 0, pValue: 1, n: 3 });
    // Points only: the points' own test.
    expect(ksUniformRanges([[0.1, 0.1], [0.5, 0.5], [0.9, 0.9]])).toEqual(ksUniform([0.1, 0.5, 0.9]));
  });

  it("KS statistic equals a brute-force sup |F̄(u) − u| over a fine grid and the ranges' ends (seeded random ranges)", () => {
    const u = uniform(createStream('score/pit-ranges-ks'));
    for (let k = 0; k < 60; k++) {
      const ranges: PitRange[] = Array.from({ length: 1 + Math.floor(u(0, 1) * 25) }, () => {
        const lo = Math.floor(u(0, 1) * 11) / 10;
        return [lo, u(0, 1) < 0.5 ? lo : Math.min(1, lo + Math.floor(u(0, 1) * 5) / 10)] as const;
      });
      // F̄ from the left (a point counts above u only) and at u (at or above), at every grid point and end.
      const cdf = ([lo, hi]: PitRange, t: number, left: boolean) => (hi > lo ? Math.min(1, Math.max(0, (t - lo) / (hi - lo))) : left ? (lo < t ? 1 : 0) : lo <= t ? 1 : 0);
      const at = new Set([...ranges.flat(), ...Array.from({ length: 201 }, (_, i) => i / 200)]);
      let d = 0;
      for (const t of at) for (const left of [true, false]) d = Math.max(d, Math.abs(ranges.reduce((s, r) => s + cdf(r, t, left), 0) / ranges.length - t));
      expect(ksUniformRanges(ranges).d, JSON.stringify(ranges)).toBeCloseTo(d, 12);
    }
  });
});

describe('calibration by construction with ties', () => {
  it('passes the KS test for honest forecasts of counts (Poisson, many ties), which mid-rank points fail', () => {
    // 400 forecasts of 200 trials each from Poisson(2), each outcome from Poisson(2) too: calibrated. As
    // mid-rank points, the PITs sit mid-way up each count's step of the CDF, so their CDF is off the
    // diagonal by about half the largest step, P(1) / 2 = P(2) / 2 = e^-2 = 0.135: past the KS test's
    // critical 0.097 at 400 outcomes and ALPHA = 0.001.
    const forecasts = 400;
    const draw = poisson(createStream('score/pit-ranges-forecast'));
    const truth = poisson(createStream('score/pit-ranges-outcome'));
    const samples = new Map<number, Float64Array>();
    const outcomes: Outcome[] = [];
    for (let f = 0; f < forecasts; f++) {
      samples.set(f, Float64Array.from({ length: 200 }, () => draw(2)).sort());
      outcomes.push({ report: f, tier: undefined, metric: 'revenue', value: truth(2), line: f + 2 });
    }
    const result = scoreForecasts(outcomes, (o) => samples.get(o.report)!);
    // With the ranges, calibrated: p above ALPHA (the suite's KS level, 0.001).
    expect(result.all.ks.pValue, `KS D ${result.all.ks.d}, p ${result.all.ks.pValue}`).toBeGreaterThan(ALPHA);
    // The same outcomes as mid-rank points: PITs on a few values, which the test rejects.
    expect(ksUniform(result.outcomes.map((o) => o.pit)).pValue).toBeLessThan(ALPHA);
  });

  it('weighs a forecast every trial of which equals its outcome as uniform: a flat histogram, the diagonal, p = 1', () => {
    const outcomes: Outcome[] = Array.from({ length: 12 }, (_, i) => ({ report: i, tier: undefined, metric: 'revenue' as const, value: 100 + i, line: i + 2 }));
    const result = scoreForecasts(outcomes, (o) => new Float64Array(50).fill(100 + o.report));
    expect(result.outcomes.every((o) => o.pit === 0.5 && o.crps === 0 && o.inside80)).toBe(true);
    expect(result.all.ks).toEqual({ d: 0, pValue: 1, n: 12 });
    for (const c of result.all.pitHistogram) expect(c).toBeCloseTo(1.2, 12);
    for (const p of result.all.calibration) expect(p.observed).toBeCloseTo(p.level, 12);
  });
});
