import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { whatMustBeTrueLine } from '../../src/report/summary-table.js';
import { run } from '../helpers/fixtures.js';
import { betaCdf } from '../helpers/stats.js';

/**
 * A target no single driver brings to the median when the scenario has one driver that moves the
 * metric at all: the line said "it takes several together", naming drivers the scenario does not
 * have. The years that reach it are the lucky ones (a few large deals a year).
 *
 * One tier: 5 leads a month (Poisson), this year's conversion p ~ Beta(mean 0.2, sd 0.04), each deal's
 * ACV lognormal (median 100k, P90 400k, so E[A] = 100k e^(σ²/2), σ = ln 4 / 1.28155), no sales cycle:
 * E[revenue | p] = 5 x 6.5 x E[A] x p. Revenue given p is right-skewed (a few lognormal deals), so its
 * median lies below that mean: a target above the mean at conversion's P99 is beyond the median any
 * conversion year up to its P99 gives.
 */
const YAML = `name: Few large deals
tiers:
  - name: Ent
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 5 }
      conversion: { dist: beta, mean: 0.2, sd: 0.04 }
      acv: { dist: lognormal, median: 100000, p90: 400000 }
`;

/** The Beta(mean 0.2, sd 0.04)'s u-quantile, by bisection of the test helpers' incomplete beta. */
function conversionQuantile(u: number): number {
  const nu = (0.2 * 0.8) / 0.04 ** 2 - 1;
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (betaCdf(mid, 0.2 * nu, 0.8 * nu) < u) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('what must be true when one driver alone moves the metric and cannot get there', () => {
  it('names that driver as the only one, and the luck the years that reach it take, not "several together"', async () => {
    const sim = await run(YAML, 2_000, 2);
    const meanAtP99 = 5 * 6.5 * 1e5 * Math.exp((Math.log(4) / 1.2815515655446004) ** 2 / 2) * conversionQuantile(0.99);
    const target = 1.1 * meanAtP99;
    const w = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: target, label: 'stretch' }] } }).whatMustBeTrue[0]!;
    // The premise: some years reach it (by luck), and the one driver cannot bring the median there.
    expect(w.trialsReaching).toBeGreaterThan(0);
    expect(w.drivers.map((d) => [d.label, d.reach])).toEqual([['Ent conversion', 'never']]);
    expect(w.notShown).toBeUndefined();
    expect(w.noSingleDriver).toBe(true);
    const line = whatMustBeTrueLine(w);
    expect(line).toMatch(/^For stretch to be the median outcome \(P50 now [\d.]+[kM]\): Ent conversion, the only driver that moves it, does not get there within the range the scenario allows \(its P1 to P99 years\); the years that reach it take a rarer year for it or deal-by-deal and customer-by-customer luck\.$/);
    expect(line).not.toContain('several together');
  });
});
