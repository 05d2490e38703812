import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';

/**
 * A history whose churn goes beyond what its ARR due did not renew (customers leaving outside a
 * renewal: monthly-billed, mid-term) was fitted as if that churn had not happened: a book of
 * aggregates loses ARR only at a renewal, and the fit read renewed_arr / due_arr alone, without a
 * word. 12 months of 10,000 churned a month beyond the 10,000 of 100,000 due not renewed fitted the
 * 90% renewal, 120,000 a year of churn gone from the forecast. The fitted scenario now says so.
 */
const history = (outside: number) => {
  const lines = ['month,tier,leads,deals,new_arr,churned_arr,renewed_arr,due_arr,ending_arr'];
  let ending = 5e6;
  for (let k = 1; k <= 12; k++) {
    ending += 300_000 - 10_000 - outside;
    lines.push(`${k},Core,1000,30,300000,${10_000 + outside},90000,100000,${ending}`);
  }
  return parseMonthlyFile(lines.join('\n') + '\n', 'h.csv', { kind: 'history' });
};

describe('fit, churn outside a renewal', () => {
  it('is stated in the fitted scenario, with its amount and its share of the ARR due', () => {
    const fit = fitHistory({ history: history(10_000) });
    expect(fit.tiers[0]!.existing!.lostOutsideRenewal).toBe(120_000);
    const text = fittedScenarioText(fit);
    expect(text).toContain('churned_arr lost 120,000 beyond what the ARR due did not renew');
    expect(text).toContain('10.0% of the ARR due');
  });

  it('is not mentioned when churn is what the ARR due did not renew', () => {
    const fit = fitHistory({ history: history(0) });
    expect(fit.tiers[0]!.existing!.lostOutsideRenewal).toBeUndefined();
    expect(fittedScenarioText(fit)).not.toContain('Not in this scenario');
  });
});
