import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { describe as describeValues } from '../../src/analysis/describe.js';
import { formatMoney } from '../../src/report/format.js';
import { whatMustBeTrueLine } from '../../src/report/summary-table.js';
import { column, run } from '../helpers/fixtures.js';

/** Two small tiers, each with a driver of its own, cheap enough for more trials than the attribution reads. */
const twoTiers = `
name: p50 now
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: 40
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: { dist: lognormal, median: 10000, p90: 20000 }
  - name: B
    newBusiness:
      leadsPerMonth: 20
      conversion: { dist: beta, mean: 0.1, sd: 0.02 }
      acv: { dist: lognormal, median: 5000, p90: 9000 }
`;

describe("what must be true's P50", () => {
  it("is the summary's P50 over every trial (the tier's for a tier's target), not the median of the 50,000 its conditions read", async () => {
    // 100,000 trials of the example read 'P50 now 118.9M' under a headline P50 of 118.8M.
    const trials = 60_000;
    const sim = await run(twoTiers, trials, 7);
    const all = describeValues(column(sim, 'revenue'))!.percentiles.p50;
    const tierB = describeValues(column(sim, 'tier.B.revenue'))!.percentiles.p50;
    const s = summarize(sim, {
      targets: {
        metrics: [
          { metric: 'revenue', value: all * 1.05, label: 'revenue stretch' },
          { metric: 'revenue', tier: 'B', value: tierB * 1.05, label: 'B revenue stretch' },
        ],
      },
    });
    const [company, b] = s.whatMustBeTrue;
    expect([company!.trialsUsed, b!.trialsUsed]).toEqual([50_000, 50_000]);
    // The first 50,000 trials' medians differ from all 60,000's (else this test could not fail).
    expect(describeValues(column(sim, 'revenue').subarray(0, 50_000))!.percentiles.p50).not.toBe(all);
    expect(describeValues(column(sim, 'tier.B.revenue').subarray(0, 50_000))!.percentiles.p50).not.toBe(tierB);
    expect(company!.median).toBe(all);
    expect(b!.median).toBe(tierB);
    expect(s.metrics.revenue.percentiles.p50).toBe(all);
    expect(s.byTier.B!.revenue.percentiles.p50).toBe(tierB);
    expect(whatMustBeTrueLine(company!)).toContain(`(P50 now ${formatMoney(all)})`);
  });
});
