import { describe, expect, it } from 'vitest';
import { scoreSample } from '../../src/scoring/score-sample.js';

/**
 * A forecast whose every trial is the same value c (a re-forecast of all 12 closed months, or a
 * scenario without uncertainty), worked by hand: the forecast is a point mass at c, so the CRPS is
 * |y - c| (the integral of (1{x >= c} - 1{x >= y})^2), every quantile is c, the pinball loss at tau
 * is tau (y - c) above and (1 - tau) (c - y) below, the P10-P90 interval score is 10 |y - c| (width
 * 0), and the PIT is 0 below c, 1 above, and the whole range [0, 1] at c (mid-rank 1/2, counted 80%
 * inside P10-P90 by its even spread).
 */
describe('scores of a forecast every trial of which is equal', () => {
  const c = 1_000_000.5;
  const sample = new Float64Array(1000).fill(c);
  for (const y of [c - 250, c, c + 250]) {
    it(`at an outcome ${y - c} from it`, () => {
      const s = scoreSample(sample, y);
      const d = y - c;
      expect(s.crps).toBe(Math.abs(d));
      expect([s.p10, s.p50, s.p90]).toEqual([c, c, c]);
      expect([s.pinball10, s.pinball50, s.pinball90]).toEqual([0.1, 0.5, 0.9].map((tau) => (d >= 0 ? tau * d : (1 - tau) * -d)));
      expect(s.intervalScore80).toBeCloseTo(10 * Math.abs(d), 9);
      expect(s.pitRange).toEqual(d < 0 ? [0, 0] : d > 0 ? [1, 1] : [0, 1]);
      expect(s.pit).toBe(d < 0 ? 0 : d > 0 ? 1 : 0.5);
      expect(s.inside80).toBe(d === 0);
      expect(s.insideShare80).toBeCloseTo(d === 0 ? 0.8 : 0, 12);
    });
  }
});
