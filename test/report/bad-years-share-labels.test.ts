import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { summarize } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { COMPONENT_LABELS, type Component } from '../../src/model/components.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { badYearRows } from '../../src/report/charts/bad-years.js';
import { downsideSection } from '../../src/report/html/downside-section.js';

/**
 * The bad-years chart labels each component's share of the shortfall as report.html's table beside
 * it writes that share. A book far larger than the new business makes churn carry 99.9% of
 * the bad years' shortfall and new business less than 0.1%: whole percents labelled them '100%' and
 * '0%' while the table read 99.9% and 0.093%.
 */
const LOPSIDED = `
name: Lopsided Co
seed: 4
market:
  loadings: { renewal: 0.3, leads: 0.1 }
tiers:
  - name: Book
    existing: { openingArr: 2.0e9, customers: 2000, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 } }
  - name: Small
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 200 }, conversion: { dist: beta, mean: 0.05, sd: 0.01 }, acv: { dist: lognormal, median: 10000, p90: 20000 } }
`;

let summary: Summary;
beforeAll(async () => {
  summary = summarize(await simulate(parseScenario(LOPSIDED, 'lopsided.yaml'), { trials: 2000, workers: 0 }));
});

/** A percentage as written, with half a unit of its last digit: '0.0096%' -> [0.000096, 0.0000005]. */
const parsed = (text: string): [number, number] => {
  const m = /^(-?\d+(?:\.(\d+))?)%/.exec(text)!;
  return [Number(m[1]) / 100, 0.5 * 10 ** -(m[2]?.length ?? 0) / 100];
};

describe("the bad-years chart's share labels", () => {
  it('write each share as the bad-years table does, never 100% for less than all of it nor 0% for some of it', () => {
    const rows = badYearRows(summary, '$').components;
    const comps = summary.badYears.metrics.revenue.components.filter((c) => c.shortfall !== 0);
    // The case this needs: one share above 0.999 (whole percents: 100%), one below 0.001 (0%).
    expect(comps.some((c) => c.share > 0.999 && c.share < 1)).toBe(true);
    expect(comps.some((c) => c.share > 0 && c.share < 0.001)).toBe(true);
    const table = downsideSection(summary).match(/<table class="bad-years">([\s\S]*?)<\/table>/)![1]!;
    for (const [i, c] of comps.entries()) {
      const label = rows[i]!.text;
      const [value, half] = parsed(label);
      expect(Math.abs(value - c.share), label).toBeLessThanOrEqual(half * (1 + 1e-9));
      if (c.share > 0 && c.share < 1) expect(value > 0 && value < 1, `${label} for a share of ${c.share}`).toBe(true);
      // The table's row for this component of revenue ends with the same share.
      const row = table.match(new RegExp(`Recognized revenue: ${COMPONENT_LABELS[c.component as Component]}</th>(?:<td[^>]*>[^<]*</td>){3}<td[^>]*>([^<]*)</td>`))!;
      expect(label.startsWith(`${row[1]} (`), `${label} beside the table's ${row[1]}`).toBe(true);
    }
  });
});
