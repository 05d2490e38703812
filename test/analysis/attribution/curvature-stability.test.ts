import { describe, expect, it } from 'vitest';
import { attributionInputs } from '../../../src/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../../../src/analysis/sensitivity.js';
import { column, run } from '../../helpers/fixtures.js';

/**
 * A driver acting nonlinearly: the reps' capacity binds only in the years it is drawn low (demand
 * about 40 deals a month against 10 reps of 3 to 8 deals each), so revenue is flat in it above
 * about 4.5 deals a rep and falls below: a hockey stick. Its share, and the lead level's beside it,
 * must be the same across seeds within the intervals the attribution states, and the standard
 * errors it states must match the spread of the shares over seeds.
 */
const yaml = `
name: capacity binding in bad years
market: { loadings: { leads: 0.08 } }
tiers:
  - name: C
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 700, p90: 900 } }
      conversion: 0.05
      acv: 12000
      reps:
        start: 10
        capacity: { dist: pert, min: 3, mode: 5, max: 8 }
`;

/**
 * 15 seeds of 1,000 trials (at 1,000 the stated SEs match the spread over 40 seeds within its own
 * noise: bench/attribution-curvature-spread.mjs). With an honest SE, (seeds - 1) x spread / stated
 * is chi-square(14): within its 1% and 99% points (4.6604 and 29.1412) but with chance 2% for each
 * driver. A SE stated twice too large divides the statistic by 4: below 4.6604 with chance
 * P(chi2(14) < 18.64) = 82% for each driver; one stated half as large multiplies it by 4: above
 * 29.1412 with chance P(chi2(14) > 7.29) = 92%. Three drivers, each checked: the chance to catch
 * either misstatement is higher still.
 */
const SEEDS = Array.from({ length: 15 }, (_, i) => i + 1);
const TRIALS = 1_000;
const CHI2_14 = { p01: 4.6604, p99: 29.1412 };

describe("a nonlinear driver's share is stable across seeds within its standard error", () => {
  it('capacity binding in bad years, beside the lead level and the market', async () => {
    const runs = await Promise.all(SEEDS.map((seed) => run(yaml, TRIALS, seed)));
    const byKey = new Map<string, { value: number; se: number }[]>();
    for (const sim of runs) {
      const s = sensitivity(attributionInputs(sim), column(sim, 'revenue'), 'revenue');
      for (const d of s.drivers) {
        const list = byKey.get(d.key) ?? [];
        list.push({ value: d.varianceShare!, se: d.varianceShareStandardError! });
        byKey.set(d.key, list);
      }
    }
    expect([...byKey.keys()].sort()).toEqual(['driver.C.leadsPerMonth', 'driver.C.reps.capacity', 'driver.market']);
    for (const [key, list] of byKey) {
      const n = list.length;
      const mean = list.reduce((t, x) => t + x.value, 0) / n;
      const stated = list.reduce((t, x) => t + x.se ** 2, 0) / n;
      // No seed far from the others: each share within 4 combined SEs of the other seeds' mean
      // (|Z| > 4 has chance 6e-5 a seed: under 0.1% over the 15).
      for (let i = 0; i < n; i++) {
        const others = (mean * n - list[i]!.value) / (n - 1);
        expect(Math.abs(list[i]!.value - others), `${key}: seed ${SEEDS[i]} against the others`).toBeLessThanOrEqual(4 * Math.sqrt(list[i]!.se ** 2 + stated / (n - 1)));
      }
      // Drawn from fixed seeds, so deterministic; the bounds are those a sound estimator meets with
      // probability 98% each (above).
      const statistic = list.reduce((t, x) => t + (x.value - mean) ** 2, 0) / stated;
      expect(statistic, `${key}: the spread over seeds against the stated standard errors, too small (SE overstated)`).toBeGreaterThan(CHI2_14.p01);
      expect(statistic, `${key}: the same, too large (SE understated)`).toBeLessThan(CHI2_14.p99);
    }
    // The hockey stick is a finding, not noise: the capacity's share is above 0 in every seed by its interval.
    for (const x of byKey.get('driver.C.reps.capacity')!) expect(x.value - 2.1 * x.se).toBeGreaterThan(0);
  });
});
