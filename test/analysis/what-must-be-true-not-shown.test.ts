import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { whatMustBeTrueLine } from '../../src/report/summary-table.js';
import { run } from '../helpers/fixtures.js';

// One tier, 50 leads a month, conversion Beta(mean 0.05, sd 0.0012) drawn once a year, fixed ACV,
// no sales cycle. Given p, revenue's mean is A L Σ w p: linear in p. The conversion's P99 is about
// 0.05 + 2.33 x 0.0012 = 0.0528, 5.6% above its median, so its P99 year's median revenue is about 1.056 x
// the P50: a target at P50 x 1.01 is within the driver's reach. At 2,000 trials the driver's share
// (about 1%: the beta's variance against the binomial sums') has an interval that holds 0.
const WEAK = 'name: weak\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: 50\n      conversion: { dist: beta, mean: 0.05, sd: 0.0012 }\n      acv: 10000\n';

describe('what must be true when the 95% filter leaves no driver', () => {
  it('does not say no driver moves the metric: names the driver not shown, its share and interval, and asks for more trials', async () => {
    const sim = await run(WEAK, 2_000, 2);
    const p50 = summarize(sim).metrics.revenue.percentiles.p50;
    const summary = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: p50 * 1.01 }, { metric: 'revenue', value: p50 * 0.99 }] } });
    const conversion = summary.sensitivity.drivers.find((d) => d.label === 'T conversion')!;
    // The premise: the interval holds 0, so the filter drops the driver.
    expect(conversion.varianceShareInterval![0]).toBeLessThanOrEqual(0);
    const [above, below] = summary.whatMustBeTrue;
    for (const w of [above!, below!]) {
      expect(w.drivers).toEqual([]);
      expect(w.noSingleDriver).toBe(false);
      expect(w.notShown!.map((x) => [x.label, x.varianceShare, x.varianceShareInterval])).toEqual([['T conversion', conversion.varianceShare, conversion.varianceShareInterval]]);
      const line = whatMustBeTrueLine(w);
      expect(line).not.toMatch(/luck|no driver of the scenario|whatever any one driver/);
      expect(line).toMatch(/no driver is shown to move it at 2,000 trials \(share of variance T conversion -?\d\.\d% \[-\d\.\d%, \d\.\d%\]\); run more trials\.$/);
    }
    expect(whatMustBeTrueLine(above!)).toMatch(/^For revenue >= \S+ to be the median outcome/);
    expect(whatMustBeTrueLine(below!)).toMatch(/^revenue >= \S+ is the median outcome already/);
  });
});
