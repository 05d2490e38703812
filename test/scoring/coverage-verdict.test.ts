import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/scoring/calibration.js';
import { scoreForecasts } from '../../src/scoring/score-forecasts.js';
import { scoreParagraph } from '../../src/report/score-output.js';

/** P(K = j) for K ~ Binomial(n, p), by the product of ratios (no incomplete beta). */
function binomialPmf(n: number, p: number): number[] {
  const pmf = [(1 - p) ** n];
  for (let j = 1; j <= n; j++) pmf.push((pmf[j - 1]! * (n - j + 1) * p) / (j * (1 - p)));
  return pmf;
}

describe('coverage of P10-P90 against what a calibrated forecast gives', () => {
  it('is too narrow only where P(K <= inside) <= 2.5%, too wide only where P(K >= inside) <= 2.5%, K ~ Binomial(n, 0.8)', () => {
    for (let n = 1; n <= 60; n++) {
      const pmf = binomialPmf(n, 0.8);
      for (let k = 0; k <= n; k++) {
        const below = pmf.slice(0, k + 1).reduce((a, x) => a + x, 0);
        const above = pmf.slice(k).reduce((a, x) => a + x, 0);
        const [lo, hi] = coverage(Array.from({ length: n }, (_, i) => i < k)).calibratedRange;
        // Within 1e-9 of the 2.5% boundary the sums' rounding could decide: no such (n, k) here.
        expect(Math.abs(below - 0.025) > 1e-9 && Math.abs(above - 0.025) > 1e-9).toBe(true);
        expect(k < lo, `${k} of ${n} inside: P(K <= ${k}) = ${below}`).toBe(below <= 0.025);
        expect(k > hi, `${k} of ${n} inside: P(K >= ${k}) = ${above}`).toBe(above <= 0.025);
      }
    }
  });

  it('one outcome outside P10-P90 (20% of the time when calibrated) is not called too narrow', () => {
    // The sample 1..10 has P10 1.9 and P90 9.1: an outcome of 20 is outside.
    const result = scoreForecasts([{ report: 0, tier: undefined, metric: 'revenue', value: 20, line: 2 }], () => Float64Array.from({ length: 10 }, (_, i) => i + 1));
    const text = scoreParagraph(result);
    expect(text).not.toMatch(/too narrow|too wide/);
    expect(text).toContain('0 of them (0.0%) fell inside their forecast\'s P10-P90, as a calibrated forecast gives (0 to 1 of 1 95% of the time, nominal 80%)');
  });

  it('few enough inside is still too narrow: 2 of 10 (P(K <= 2) = 0.0001)', () => {
    const outcomes = Array.from({ length: 10 }, (_, i) => ({ report: 0, tier: undefined, metric: 'revenue' as const, value: i < 2 ? 5 : 20, line: i + 2 }));
    const text = scoreParagraph(scoreForecasts(outcomes, () => Float64Array.from({ length: 10 }, (_, i) => i + 1)));
    expect(text).toContain('2 of them (20.0%) fell inside their forecast\'s P10-P90, fewer than a calibrated forecast gives: the bands were too narrow (5 to 10 of 10 95% of the time, nominal 80%)');
  });
});
