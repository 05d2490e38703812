import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { betaMoment } from '../helpers/beta-moments.js';

/**
 * A flat history on monthly terms: every month 1,200,000 due, 90% of it renewed and 0.5% of the
 * renewed contracted, the same every month. The sample variance is 0, so fit falls back to the
 * Jeffreys interval on the 12 months as units (zero-variance.ts): an sd of 9.01% on the monthly
 * rate, a bound, not a spread the history showed. Compounded to a year, that spread must not move
 * the mean the history states: the year's rate is 0.9^12 = 28.2% (before: E[r^12] of the fallback
 * beta, 42.8%) and the year's contraction 1 - 0.995^12.
 *
 * By hand: Jeffreys Beta(10.8 + 1/2, 1.2 + 1/2), sd sqrt(m (1 - m) / 14), m = 11.3 / 13; the sd
 * written is that of r^12 for the beta of that sd whose E[r^12] is 0.9^12 (its centre found here by
 * bisection on the product formula), with the drift judgement 3% / sqrt(2) (one year-on-year change
 * of 0).
 */
const head = 'month,tier,contraction_arr,renewed_arr,due_arr,ending_arr';
const history = `${head}\n${Array.from({ length: 24 }, (_, i) => `${i + 1},M,5400,1080000,1200000,1200000`).join('\n')}\n`;


describe("fit: a zero-variance fallback's spread does not move the year's mean", () => {
  const fit = fitHistory({ history: parseMonthlyFile(history, 'h.csv', { kind: 'history' }) });
  const yaml = fittedScenarioText(fit);
  const existing = parseScenario(yaml, 'f.yaml').scenario.tiers[0]!.existing!;

  it("writes the year's renewal rate as the history's compounded 0.9^12, its sd from the beta centred so", () => {
    const rate = existing.dollarRenewalRate as { mean: number; sd: number };
    expect(fit.tiers[0]!.existing!.renewal.zeroVariance).toBeDefined();
    expect(rate.mean).toBeCloseTo(0.9 ** 12, 4);
    const m = 11.3 / 13;
    const s = Math.sqrt((m * (1 - m)) / 14);
    let lo = 0.5;
    let hi = 0.99;
    for (let i = 0; i < 100; i++) {
      const c = (lo + hi) / 2;
      if (betaMoment(c, s, 12) < 0.9 ** 12) lo = c;
      else hi = c;
    }
    const drawSd = Math.sqrt(betaMoment(lo, s, 24) - 0.9 ** 24);
    expect(rate.sd).toBeCloseTo(Math.sqrt(drawSd ** 2 + 0.03 ** 2 / 2), 3);
    expect(yaml).toContain("the history's compounded 90.0%^12 = 28.2%");
  });

  it("writes the year's contraction as 1 - 0.995^12", () => {
    const c = existing.contraction!;
    const probability = c.probability as { mean: number };
    expect(fit.tiers[0]!.existing!.contraction?.zeroVariance).toBeDefined();
    expect(probability.mean * (c.size as number)).toBeCloseTo(1 - 0.995 ** 12, 4);
  });
});
