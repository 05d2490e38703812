import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';

/**
 * A renewal rate just below 1 is not written as the certainty 100.0%: 12 months renewing 99,950
 * and 99,970 of 100,000 due in turn (99.96% in all) read "100.0% (95% interval 100.0% to 100.0%)"
 * in the fitted scenario's comment ("1,200,000 of 1,200,000, 100.0%": the sums to 4 digits), though
 * the rate it wrote was 0.9996 and 480 of ARR was lost.
 */
const history = () => {
  const lines = ['month,tier,leads,deals,new_arr,churned_arr,renewed_arr,due_arr,ending_arr'];
  let ending = 5e6;
  for (let k = 1; k <= 12; k++) {
    const renewed = k % 2 === 0 ? 99_950 : 99_970;
    ending += 300_000 - (100_000 - renewed);
    lines.push(`${k},Core,1000,30,300000,${100_000 - renewed},${renewed},100000,${ending}`);
  }
  return parseMonthlyFile(lines.join('\n') + '\n', 'h.csv', { kind: 'history' });
};

describe('fit, a dollar renewal just below 100%', () => {
  it('is written with the decimals that tell it from 100%', () => {
    const fit = fitHistory({ history: history() });
    const rate = fit.tiers[0]!.existing!.renewal.rate;
    // Σ renewed / Σ due by hand: 6 × 99,950 + 6 × 99,970 of 1,200,000.
    expect(rate.value).toBeCloseTo((6 * 99_950 + 6 * 99_970) / 1_200_000, 12);
    const text = fittedScenarioText(fit);
    // The sums as they are (a fact of the history), not to 4 digits (1,200,000 of 1,200,000 looked whole too).
    expect(text).toContain('#   1,199,520 of 1,200,000, 99.96% (95% interval 99.95% to 99.97%)');
    expect(text).not.toContain('100.0%');
  });
});
