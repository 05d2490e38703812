import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { metricColumn } from '../../src/analysis/columns.js';
import { run } from '../helpers/fixtures.js';

// Conversion drawn from {3%, 5%, 7%} (equal weights) once a year, 400 leads a month, fixed ACV.
// Revenue's median among the trials at each value (read from the trials, by value) says which
// value is the least that makes a target the median: what must be true must name that value, one
// the driver can take, and as its percentile the share of draws below it ('at least').
const DISC = 'name: discrete\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: 400\n      conversion: { dist: discrete, values: [0.03, 0.05, 0.07], weights: [1, 1, 1] }\n      acv: 10000\n';

describe('what must be true for a discrete driver', () => {
  it('names a value the driver can take, the least whose years have the target as their median', async () => {
    const sim = await run(DISC, 3_000, 2);
    const revenue = metricColumn(sim, 'revenue');
    const own = sim.store.column('own.T.conversion')!;
    const values = [0.03, 0.05, 0.07];
    const medianAt = values.map((v) => {
      const a = Array.from(revenue).filter((_, i) => Math.abs(own[i]! - v) < 1e-6).sort((x, y) => x - y);
      return a[(a.length - 1) >> 1]!;
    });
    const p = summarize(sim).metrics.revenue.percentiles;
    const targets = [p.p50 * 1.001, p.p75];
    const summary = summarize(sim, { targets: { metrics: targets.map((value) => ({ metric: 'revenue' as const, value })) } });
    targets.forEach((t, i) => {
      // Away from the values' medians, so the answer does not hang on one trial.
      expect(medianAt.every((m) => Math.abs(m - t) > 0.005 * t)).toBe(true);
      const least = values[medianAt.findIndex((m) => m >= t)]!;
      const c = summary.whatMustBeTrue[i]!.drivers[0]!;
      expect([c.reach, c.direction]).toEqual(['crosses', 'atLeast']);
      expect(c.value).toBeCloseTo(least, 6);
      const below = Array.from(own).filter((v) => v < least - 1e-6).length / own.length;
      expect(c.percentile).toBe(below);
    });
  });
});
