import { beforeAll, describe, expect, it } from 'vitest';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { badYearRows } from '../../src/report/charts/bad-years.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';

// A company of a 10T book and a small new business (the adversarial pass's CHF 9.99995T company):
// churn carries 100.0036% of the bad years' shortfall and new business -0.0036% (it brings in
// 20.4M more in the bad years). The terminal's column wrote them "100.0%" and "0.0%" (one decimal),
// report.html and the chart "100.0%" and "-0.0036%" (formatShare, cell by cell). Worked by hand: at
// one and two decimals -0.0036% reads 0 (-0.0, -0.00), at three -0.004; the column takes three, so
// 1.0000357 reads 100.004% (not 100.000%: told from its end too).
const YAML = `
name: Two part Co
seed: 2
tiers:
  - name: SMB
    existing: { openingArr: 1200000, customers: 120, renewalRate: { dist: beta, mean: 0.9, sd: 0.02 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 50 }, conversion: 0.05, acv: { dist: lognormal, median: 10000, p90: 20000 } }
`;

let summary: Summary;
beforeAll(async () => {
  const s = summarize(await simulate(parseScenario(YAML, 'two.yaml'), { trials: 300, workers: 0, seed: 2 }));
  const clone = structuredClone(s) as { -readonly [K in keyof Summary]: Summary[K] } & Summary;
  const revenue = clone.badYears.metrics.revenue as unknown as { components: Array<{ component: string; shortfall: number; share: number }> };
  for (const c of revenue.components) {
    if (c.component === 'newBusiness') Object.assign(c, { shortfall: -20.4e6, share: -20.4e6 / 571e9 });
    else if (c.component === 'churn') Object.assign(c, { shortfall: 571.0204e9, share: 571.0204e9 / 571e9 });
    else Object.assign(c, { shortfall: 0, share: 0 });
  }
  summary = clone;
});

describe("a component's share of the bad years' shortfall reads alike in every output, told from 0% and 100%", () => {
  it('the terminal, report.html, the chart and the paragraph: -0.004% and 100.004%', () => {
    const lines = summaryTable(summary).split('\n');
    expect(lines.find((l) => /^\s+New business\s/.test(l) && l.trim().endsWith('%'))).toMatch(/ -0\.004%$/);
    expect(lines.find((l) => /^\s+Churn\s/.test(l) && l.trim().endsWith('%'))).toMatch(/ 100\.004%$/);
    const table = downsideSection(summary).match(/<table class="bad-years">([\s\S]*?)<\/table>/)![1]!;
    expect(table).toMatch(/Recognized revenue: New business<\/th>(?:<td[^>]*>[^<]*<\/td>){3}<td[^>]*>-0\.004%<\/td>/);
    expect(table).toMatch(/Recognized revenue: Churn<\/th>(?:<td[^>]*>[^<]*<\/td>){3}<td[^>]*>100\.004%<\/td>/);
    expect(badYearRows(summary, '$').components.map((c) => c.text.split(' ')[0])).toEqual(['-0.004%', '100.004%']);
    expect(summaryParagraph(summary)).toContain('100.004% of their shortfall from an average year coming from churn');
  });
});
