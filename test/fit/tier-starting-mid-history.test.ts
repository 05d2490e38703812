import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';

/**
 * A tier that began selling within the history: every tier gives every month, so its months before
 * its first lead are 0s. Counted as a lead volume of 0, six such months of 24 fitted seasonal weights
 * near 0.5 for the fiscal months they fall in and 1.5 for the others, and a negative binomial
 * (phi far above 1), to a tier whose 18 selling months hold the same count each month but for a
 * Poisson-like scatter of +-10. Its lead volume is now fitted from its first month with a lead on: 18
 * months, no seasonality (that needs 24), the level the last 12 months' mean.
 */
describe('a tier that starts selling mid-history', () => {
  const scatter = [0, 10, -10, 5, -5, 0, 10, -10, 5, -5, 0, 0];
  const lines = ['month,tier,leads,deals,new_arr'];
  for (let m = 1; m <= 24; m++) {
    const leads = m <= 6 ? 0 : 100 + scatter[m % 12]!;
    const deals = m <= 6 ? 0 : 10;
    lines.push(`${m},T,${leads},${deals},${deals * 5000}`);
  }
  const file = parseMonthlyFile(`${lines.join('\n')}\n`, 'h.csv', { kind: 'history', tiers: ['T'] });
  const fit = fitHistory({ history: file });
  const leads = fit.tiers[0]!.newBusiness!.leads;

  it('fits its lead volume from its selling months: no seasonality, Poisson, the last 12 months\' level', () => {
    const last12 = Array.from({ length: 12 }, (_, i) => 100 + scatter[(i + 13) % 12]!);
    expect(leads.months).toBe(18);
    expect(leads.seasonality).toBeUndefined();
    expect(leads.k).toBeUndefined();
    expect(leads.level.value).toBeCloseTo(last12.reduce((a, b) => a + b, 0) / 12, 9);
    // X² of the 18 months about their two blocks' levels (6 months and 12), each on its own mean.
    expect(leads.dispersion.phi).toBeLessThan(1);
  });

  it('says so in the fitted scenario', () => {
    expect(fittedScenarioText(fit)).toContain('# lead volume fitted from its 18 months from month 7 on: its 6 months before had no lead, deal or new ARR (not selling yet)');
  });
});
