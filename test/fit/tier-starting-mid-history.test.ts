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

/**
 * A low-volume tier whose first month is a genuine 0 (Poisson(3) gives one in 5% of first months): at
 * its later level of about 3 leads a month, a 0 month has probability e^-3 = 5%, above the 1% that
 * reads zero months as not selling yet, so all 24 months are fitted, as when that month had 1 lead.
 * It was read as not selling yet, and lost its seasonality and drift (23 months).
 */
describe('a low-volume tier whose first month is a genuine 0', () => {
  const counts = [0, 2, 0, 4, 3, 5, 3, 8, 3, 4, 3, 7, 7, 1, 4, 1, 2, 1, 6, 1, 0, 2, 1, 5];
  const history = (first: number) => {
    const lines = ['month,tier,leads,deals,new_arr'];
    counts.forEach((c, i) => {
      const deals = (i + 1) % 3 === 0 && i >= 5 && c > 0 ? 1 : 0;
      lines.push(`${i + 1},Ent,${i === 0 ? first : c},${deals},${deals * 80000}`);
    });
    return fitHistory({ history: parseMonthlyFile(`${lines.join('\n')}\n`, 'h.csv', { kind: 'history', tiers: ['Ent'] }) });
  };

  it('fits its lead volume from all 24 months, as with 1 lead in its first month', () => {
    const zero = history(0);
    const one = history(1);
    const leads = zero.tiers[0]!.newBusiness!.leads;
    expect(leads.months).toBe(24);
    expect(leads.level.value).toBeCloseTo(counts.slice(12).reduce((a, b) => a + b, 0) / 12, 9);
    expect(leads.seasonality === undefined).toBe(one.tiers[0]!.newBusiness!.leads.seasonality === undefined);
    expect(fittedScenarioText(zero)).not.toContain('not selling yet');
  });
});

/**
 * A tier launched within the history's last 12 months: 18 months of 0s, then 6 selling months. Its
 * 0s were counted as a lead volume of 0 (the rule above wanted 12 selling months): a tier selling
 * about 500 leads a month from month 19 of 24 was fitted 253 a month, a negative binomial and
 * seasonal weights of 0.5 and 1.5. Its lead volume is now fitted from its 6 months, its level's
 * interval from 6 months (Var = phi x L / 6, t on 5 df), as its conversion and ACV already were.
 */
describe('a tier launched within the last 12 months of the history', () => {
  const selling = [100, 110, 90, 105, 95, 100];
  const lines = ['month,tier,leads,deals,new_arr'];
  for (let m = 1; m <= 24; m++) {
    const leads = m <= 18 ? 0 : selling[m - 19]!;
    const deals = m <= 18 ? 0 : 10;
    lines.push(`${m},T,${leads},${deals},${deals * 5000}`);
  }
  const fit = fitHistory({ history: parseMonthlyFile(`${lines.join('\n')}\n`, 'h.csv', { kind: 'history', tiers: ['T'] }) });
  const nb = fit.tiers[0]!.newBusiness!;

  it('fits every driver from its 6 selling months', () => {
    expect(nb.leads.months).toBe(6);
    expect(nb.leads.seasonality).toBeUndefined();
    expect(nb.leads.k).toBeUndefined();
    expect(nb.leads.level.value).toBeCloseTo(100, 9);
    // X² = (0 + 100 + 100 + 25 + 25 + 0) / 100 = 2.5 on 5 df: phi 0.5; se sqrt(0.5 x 100 / 6); t(0.975, 5) = 2.570582.
    expect(nb.leads.dispersion.phi).toBeCloseTo(0.5, 9);
    const half = 2.570582 * Math.sqrt((0.5 * 100) / 6);
    // Within 0.005: tQuantile is an approximation (2.5704 here).
    expect(nb.leads.level.lo).toBeCloseTo(100 - half, 2);
    expect(nb.leads.level.hi).toBeCloseTo(100 + half, 2);
    expect(nb.conversion.rate.value).toBeCloseTo(60 / 600, 9);
    expect(fittedScenarioText(fit)).toContain('# lead volume fitted from its 6 months from month 19 on: its 18 months before had no lead, deal or new ARR (not selling yet)');
    expect(fittedScenarioText(fit)).toContain('# Leads: n = 6 months; the last 6 months average 100 a month');
  });
});
