import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { whatMustBeTrueLine } from '../../src/report/summary-table.js';
import { scenarioFrom, column } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

// Conversion planned at 5% (± 1%), then six closed months at 2.5%: the re-forecast's own draws of
// conversion sit far below the plan, and its percentiles count from there.
const YAML = `
name: what must be true after the actuals
trials: 2000
seed: 5
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1000
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: 0
      acv: 10000
`;

const closed = Array.from({ length: 6 }, (_, m) => ({ leads: 1000, deals: 25, new_arr: 250_000, churned_arr: 0, renewed_arr: 0, ending_arr: 250_000 * (m + 1) }));

/** The middle order statistics of the first n values: a median lies between them. */
function middle(values: Float64Array, n: number): [number, number] {
  const sorted = Float64Array.from(values.subarray(0, n)).sort();
  return [sorted[Math.floor((n - 1) / 2)]!, sorted[Math.ceil((n - 1) / 2)]!];
}

describe('what must be true in a re-forecast', () => {
  it('sets the value against the median of the driver\u2019s own draws after the actuals, not against the plan', async () => {
    const sim = await simulate(scenarioFrom(YAML), { trials: 2000, seed: 5, workers: 0, actuals: { file: monthlyFile({ T: closed }), months: 6 } });
    // A target above the re-forecast's median revenue, within conversion's reach.
    const revenue = column(sim, 'revenue');
    const p50 = middle(revenue, revenue.length)[0];
    const s = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: Math.round(p50 * 1.01) }] } });
    const w = s.whatMustBeTrue[0]!;
    const c = w.drivers.find((d) => d.key.endsWith('T.conversion'))!;
    expect(c.reach).toBe('crosses');
    const [lo, hi] = middle(column(sim, 'own.T.conversion'), w.trialsUsed);
    expect(c.learnedValue).toBeGreaterThanOrEqual(lo);
    expect(c.learnedValue).toBeLessThanOrEqual(hi);
    // The evidence (25 deals of 1,000 leads a month for six months) pulls it well below the plan's 5%.
    expect(c.learnedValue).toBeLessThan(0.04);
    expect(c.planValue).toBe(0.05);
    // The value a target needs is above the learned median (a top year), and said against it.
    expect(c.value).toBeGreaterThan(c.learnedValue!);
    expect(c.percentile).toBeGreaterThan(0.5);
    const line = whatMustBeTrueLine(w);
    expect(line).toMatch(/T conversion [0-9.]+% instead of [0-9.]+%, its median after the actuals, planned 5(\.0+)?% \(its P[0-9]+; true in [0-9]+% of years\)/);
    expect(line).not.toContain('instead of the planned');
  });

  it('a plan run has no learned value and says the plan', async () => {
    const sim = await simulate(scenarioFrom(YAML), { trials: 2000, seed: 5, workers: 0 });
    const revenue = column(sim, 'revenue');
    const s = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: Math.round(middle(revenue, revenue.length)[0] * 1.05) }] } });
    const c = s.whatMustBeTrue[0]!.drivers.find((d) => d.key.endsWith('T.conversion'))!;
    expect(c.reach).toBe('crosses');
    expect(c.learnedValue).toBeUndefined();
    expect(whatMustBeTrueLine(s.whatMustBeTrue[0]!)).toMatch(/T conversion [0-9.]+% instead of the planned 5(\.0+)?% \(its P[0-9]+; true in [0-9]+% of years\)/);
  });
});
