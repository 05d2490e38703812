import { describe, expect, it } from 'vitest';
import { coverage, ksUniform, ksUniformRanges, kolmogorovSf, pitRangeHistogram, rangeCalibrationCurve, shareInside } from '../../src/scoring/calibration.js';
import { scoreParagraph } from '../../src/report/score-output.js';
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
    // Coverage too counts each tied outcome's share of its range inside [0.1, 0.9]. As yes/no, 375 of the
    // 400 were inside (93.8%, "too wide", past 304 to 335): P10 is 0 and P90 4 in most of these forecasts,
    // so every outcome of 0 to 4 counted whole (P(Y <= 4) = 0.947), though an outcome of 0 spans PITs
    // [0, 0.135], a quarter of it inside. Calibrated, the count is 80% of 400 = 320, give or take
    // sqrt(400 × 0.8 × 0.2) = 8 (less with the spread); within 4 standard errors.
    expect(result.all.coverage.inside, scoreParagraph(result)).toBeGreaterThan(320 - 4 * 8);
    expect(result.all.coverage.inside).toBeLessThan(320 + 4 * 8);
    expect(result.all.coverage.verdict).toBe('calibrated');
    expect(scoreParagraph(result)).not.toMatch(/too wide|too narrow/);
  });

  it('weighs a forecast every trial of which equals its outcome as uniform: a flat histogram, the diagonal, p = 1, 80% inside P10-P90', () => {
    // 24 figures: two re-forecasts of all 12 closed months, each exactly right (the review's case).
    const outcomes: Outcome[] = Array.from({ length: 24 }, (_, i) => ({ report: i, tier: undefined, metric: 'revenue' as const, value: 100 + i, line: i + 2 }));
    const result = scoreForecasts(outcomes, (o) => new Float64Array(50).fill(100 + o.report));
    expect(result.outcomes.every((o) => o.pit === 0.5 && o.crps === 0 && o.inside80)).toBe(true);
    expect(result.all.ks).toEqual({ d: 0, pValue: 1, n: 24 });
    for (const c of result.all.pitHistogram) expect(c).toBeCloseTo(2.4, 12);
    for (const p of result.all.calibration) expect(p.observed).toBeCloseTo(p.level, 12);
    // Each uniform over [0, 1], so inside [0.1, 0.9] 0.8 of a time: 19.2 of 24, not 24 of 24 "too wide"
    // (a calibrated forecast puts 15 to 23 of 24 inside 95% of the time).
    expect(result.all.coverage.inside).toBeCloseTo(24 * 0.8, 12);
    expect(result.all.coverage.calibratedRange).toEqual([15, 23]);
    const text = scoreParagraph(result);
    expect(text).not.toMatch(/too wide|too narrow/);
    expect(text).toContain('19.2 of them (80.0%) fell inside');
  });
});

describe('coverage of P10-P90 with ties', () => {
  it("counts a tied outcome's share of its PIT range inside [0.1, 0.9], a point range 1 or 0 as before", () => {
    expect(shareInside([0, 1], false)).toBeCloseTo(0.8, 15);
    expect(shareInside([0.05, 0.15], true)).toBeCloseTo(0.5, 15); // 0.1 to 0.15 of 0.05 to 0.15
    expect(shareInside([0.85, 1], true)).toBeCloseTo(1 / 3, 15); // 0.85 to 0.9 of 0.15
    expect(shareInside([0.3, 0.6], false)).toBe(1);
    expect(shareInside([0.95, 1], true)).toBe(0);
    expect(shareInside([0.5, 0.5], true)).toBe(1);
    expect(shareInside([0.5, 0.5], false)).toBe(0);
  });

  it('flags a fraction only a whole outcome past the band a calibrated forecast gives', () => {
    // 24 outcomes: 15 to 23 inside 95% of the time (coverage-verdict.test.ts checks the band against the binomial).
    const of24 = (inside: number) => coverage([...Array<number>(23).fill(1).slice(0, Math.floor(inside)), inside - Math.floor(inside), ...Array<number>(24).fill(0)].slice(0, 24));
    expect(of24(23.2).verdict).toBe('calibrated');
    expect(of24(23.9).verdict).toBe('calibrated');
    expect(coverage(Array<boolean>(24).fill(true)).verdict).toBe('too wide');
    expect(of24(14.5).verdict).toBe('calibrated');
    expect(of24(14).verdict).toBe('too narrow');
    expect(of24(14.5).inside).toBeCloseTo(14.5, 15);
    // A share past 0..1 is refused, not summed.
    expect(() => coverage([0.5, 80])).toThrow('coverage: each outcome is inside (true), not (false) or a share between 0 and 1 (got 80)');
    expect(() => coverage([Number.NaN])).toThrow('(got NaN)');
    // Whole counts read as before: outside [lo, hi].
    expect(of24(15).verdict).toBe('calibrated');
    expect(of24(23).verdict).toBe('calibrated');
  });
});
