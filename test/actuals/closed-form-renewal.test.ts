import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { column, scenarioFrom } from '../helpers/fixtures.js';
import { batchMeans, betaBinomialPmf, pmfQuartiles } from '../helpers/stats.js';
import { monthlyFile } from './monthly-file.js';

/**
 * The renewal rate's exact posterior predictive, worked by hand (the conversion's is in
 * closed-form.test.ts). An aggregate book of 240 customers at 10,000, 20 due a month, no uplift,
 * contraction, expansion or new business; the rate ~ Beta(a, b) with mean 0.8 and sd 0.08:
 * a + b = 0.8 x 0.2 / 0.0064 - 1 = 24, a = 19.2, b = 4.8. Six closed months renew 18 of their 20 due
 * each (108 of 120), so the posterior is Beta(a + 108, b + 12), and the 120 customers due in the
 * other six months churn C ~ beta-binomial(120, b', a'): ending ARR = 2,280,000 - 10,000 C.
 * Power: at 4,000 trials the mean's SE is about 0.10 customer (of 14.0), so the 4-SE bound catches a
 * predictive mean off by 0.4: the prior's (24), or the likelihood counted twice (13.1), fails it.
 */
const YAML = `
name: renewal closed form
tiers:
  - name: E
    existing: { openingArr: 2400000, customers: 240, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.8, sd: 0.08 }, priceUplift: 0 }
`;
const A = 19.2 + 108;
const B = 4.8 + 12;
const N = 120;

describe('re-forecast of a renewal rate against its exact posterior predictive (beta-binomial)', () => {
  const file = monthlyFile({ E: Array.from({ length: 6 }, (_, i) => ({ renewed_arr: 180_000, churned_arr: 20_000, ending_arr: 2_400_000 - 20_000 * (i + 1) })) });

  it('gives the second half churn the beta-binomial mean, variance and quartiles', async () => {
    const sim = await simulate(scenarioFrom(YAML), { trials: 4000, seed: 5, workers: 0, actuals: { file, months: 6 } });
    const churned = column(sim, 'endingArr').map((x) => (2_280_000 - x) / 10_000);
    expect(churned.every((c) => Math.abs(c - Math.round(c)) < 1e-6)).toBe(true);
    const mean = (N * B) / (A + B);
    const variance = (N * A * B * (A + B + N)) / ((A + B) ** 2 * (A + B + 1));
    const m = batchMeans(churned);
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * m.se);
    const v = batchMeans(churned.map((c) => (c - mean) ** 2));
    expect(Math.abs(v.mean - variance)).toBeLessThan(4 * v.se);
    const quartiles = pmfQuartiles(betaBinomialPmf(N, B, A), N);
    for (const { k, p } of quartiles) {
      const share = batchMeans(churned.map((c) => (c <= k + 1e-9 ? 1 : 0)));
      expect(Math.abs(share.mean - p)).toBeLessThan(4 * Math.max(share.se, Math.sqrt((p * (1 - p)) / churned.length)));
    }
  });
});
