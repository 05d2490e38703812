import { describe, expect, it } from 'vitest';
import { fitConversion } from '../../src/fit/conversion.js';
import { fitAcvFromTotals } from '../../src/fit/acv.js';

/**
 * A month without leads (or without deals) tells nothing month to month, but what it books still
 * belongs to the year's totals: deals closing from earlier leads, new ARR of earlier deals going
 * live. The documented rates are Σ deals / Σ leads and Σ new_arr / Σ deals of the last 12 months.
 */
describe('months the month-to-month scatter skips still count in the 12-month totals', () => {
  it('conversion: deals of a month with no leads are in Σk', () => {
    // 11 months of 100 leads and 3 deals, then a month of no leads that closes 3 deals.
    const leads = Float64Array.from([...Array(11).fill(100), 0]);
    const deals = Float64Array.from([...Array(11).fill(3), 3]);
    const fit = fitConversion(leads, deals);
    expect(fit.deals).toBe(36);
    expect(fit.leads).toBe(1100);
    expect(fit.rate.value).toBeCloseTo(36 / 1100, 12);
    // The other months are binomially identical (3 of 100 each): no extra scatter.
    expect(fit.rho).toBe(0);
  });

  it('conversion: the year-on-year change counts them too', () => {
    const leads = Float64Array.from([...Array(12).fill(100), ...Array(11).fill(100), 0]);
    const deals = Float64Array.from([...Array(12).fill(3), ...Array(11).fill(3), 6]);
    // Last year 39 / 1100, the year before 36 / 1200: a drift of their difference pooled with 15% of the rate.
    const last = 39 / 1100;
    const change = last - 36 / 1200;
    const fit = fitConversion(leads, deals);
    expect(fit.rate.value).toBeCloseTo(last, 12);
    expect(fit.year.drift).toBeCloseTo(Math.sqrt((change ** 2 + (0.15 * last) ** 2) / 2), 12);
  });

  it('ACV from totals: new_arr of a month with no deals is in Σ new_arr', () => {
    // 11 months of 2 deals worth 20,000 going live, then 10,000 going live in a month with no deal signed.
    const newArr = Float64Array.from([...Array(11).fill(20_000), 10_000]);
    const deals = Float64Array.from([...Array(11).fill(2), 0]);
    const fit = fitAcvFromTotals(newArr, deals);
    expect(fit.mean).toBeCloseTo(230_000 / 22, 6);
  });
});
