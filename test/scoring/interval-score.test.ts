import { describe, expect, it } from 'vitest';
import { intervalScore } from '../../src/scoring/interval-score.js';
import { createStream } from '../../src/random/source.js';

// Gneiting & Raftery (2007), eq. 43: IS = (u - l) + (2 / alpha)(l - y) 1{y < l} + (2 / alpha)(y - u) 1{y > u}.
describe('intervalScore', () => {
  it('is the width when the outcome is inside, ends included', () => {
    expect(intervalScore(90, 110, 100, 0.2)).toBe(20);
    expect(intervalScore(90, 110, 90, 0.2)).toBe(20);
    expect(intervalScore(90, 110, 110, 0.2)).toBe(20);
    expect(intervalScore(5, 5, 5, 0.2)).toBe(0);
  });

  it('adds 2 / alpha per unit outside: 10 for an 80% band, 4 for a 50% band', () => {
    expect(intervalScore(90, 110, 120, 0.2)).toBe(20 + 10 * 10);
    expect(intervalScore(90, 110, 85, 0.2)).toBe(20 + 10 * 5);
    expect(intervalScore(2, 5, 8, 0.2)).toBe(33);
    expect(intervalScore(2, 5, 0, 0.5)).toBe(3 + 4 * 2);
  });

  it("is proper: an 80% band's expected score is lowest at the P10 and P90 of the outcome's law", () => {
    // Outcomes uniform on [0, 1]: E[IS(l, u)] = (u - l) + 10 (l^2 / 2) + 10 ((1 - u)^2 / 2) exactly,
    // minimised at l = 0.1, u = 0.9 (derivative 1 - 10 l = 0 and -1 + 10 (1 - u) = 0). Over 200,000
    // seeded outcomes, the mean score at the true quantiles is below the means at bands 0.05 narrower
    // or wider at either end, whose expected excess (0.0125 each) is about 45 standard errors of the mean
    // difference on the same outcomes (its sd 0.12 at l = 0.05: -0.45 below 0.05, 0.05 above 0.1).
    const stream = createStream('test/interval-score/proper');
    const n = 200_000;
    const ys = Float64Array.from({ length: n }, () => stream());
    const mean = (l: number, u: number) => ys.reduce((a, y) => a + intervalScore(l, u, y, 0.2), 0) / n;
    const expected = (l: number, u: number) => u - l + 5 * l * l + 5 * (1 - u) * (1 - u);
    const best = mean(0.1, 0.9);
    // The sample mean at the true band within 4 standard errors of its exact expectation 0.9
    // (the score's sd there is below 1: the width 0.8 plus at most 10 x 0.1).
    expect(Math.abs(best - expected(0.1, 0.9))).toBeLessThan(4 / Math.sqrt(n));
    for (const [l, u] of [[0.05, 0.9], [0.15, 0.9], [0.1, 0.85], [0.1, 0.95]] as const) {
      expect(expected(l, u) - expected(0.1, 0.9)).toBeCloseTo(0.0125, 12);
      expect(mean(l, u), `${l}-${u}`).toBeGreaterThan(best);
    }
  });

  it('refuses an alpha outside (0, 1) and a band whose upper end is below its lower', () => {
    for (const alpha of [0, 1, 1.5, -0.2, Number.NaN]) expect(() => intervalScore(1, 2, 1.5, alpha), String(alpha)).toThrow(/alpha must be a share between 0 and 1, not included/);
    expect(() => intervalScore(2, 1, 1.5, 0.2)).toThrow(/upper \(1\) must be at least lower \(2\)/);
    expect(() => intervalScore(Number.NaN, 1, 1.5, 0.2)).toThrow(/upper/);
  });
});
