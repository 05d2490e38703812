import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';

/**
 * A book on terms shorter than a year (monthly-billed contracts renewing every month: the ARR due in
 * a year is 12 times the ARR live) renews each dollar 12 times a year at the rate renewed_arr /
 * due_arr measures. A book of aggregates renews each dollar once a year, so the scenario's rate must
 * be the year's, rate^12. Before, fit wrote the monthly 98% as the year's rate: a run of the fitted
 * file kept 98% of the book (GRR 98.1%, 2,000 trials) where the history keeps 0.98^12 = 78.5%.
 *
 * History worked by hand: 24 months of a book of 1,200,000, all of it due every month, renewing 97%
 * and 99% in turn (98% over each year; the rest replaced by new ARR, so ending_arr stays flat).
 */
const head = 'month,tier,renewed_arr,due_arr,ending_arr';
const history = (due: number) =>
  `${head}\n${Array.from({ length: 24 }, (_, i) => `${i + 1},M,${Math.round((i % 2 === 0 ? 0.97 : 0.99) * due)},${due},1200000`).join('\n')}\n`;
const written = (text: string) => {
  const fit = fitHistory({ history: parseMonthlyFile(text, 'h.csv', { kind: 'history' }) });
  const yaml = fittedScenarioText(fit);
  const rate = parseScenario(yaml, 'f.yaml').scenario.tiers[0]!.existing!.dollarRenewalRate as { mean: number; sd: number };
  return { fit, yaml, rate };
};

describe('fit: a book renewing more than once a year is written with the year\'s rate', () => {
  it('monthly terms: 98% a renewal is 0.98^12 = 78.47% a year, its sd by the delta method with the drift judgement a year\'s', () => {
    const { fit, yaml, rate } = written(history(1_200_000));
    expect(fit.tiers[0]!.existing!.subAnnualTerm).toMatchObject({ months: 1, turnover: 12 });
    expect(rate.mean).toBeCloseTo(0.98 ** 12, 4);
    // By hand: monthly residuals +-12,000 (renewed - 0.98 due), the sandwich se sqrt(12 x 12,000^2 x 12/11) / 14,400,000;
    // one year-on-year change of 0 with the 3-point judgement: drift sqrt(0.03^2 / 2); the se scaled by 12 x 0.98^11.
    const se = Math.sqrt(12 * 12_000 ** 2 * (12 / 11)) / 14_400_000;
    const g = 12 * 0.98 ** 11;
    expect(rate.sd).toBeCloseTo(Math.sqrt((g * se) ** 2 + 0.03 ** 2 / 2), 4);
    expect(yaml).toContain('so the rate written is a year\'s: 98.0%^12 = 78.5%.');
  });

  it('annual terms (1/12 of the book due a month): the rate is written as fitted, no conversion', () => {
    const { fit, yaml, rate } = written(history(100_000));
    expect(fit.tiers[0]!.existing!.subAnnualTerm).toBeUndefined();
    expect(rate.mean).toBeCloseTo(0.98, 4);
    expect(yaml).not.toContain('Terms of about');
  });
});
