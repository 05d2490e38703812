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
// one decimal -0.0036% reads -0.0 and 100.0036% reads 100.0, ends neither is: each reads as the bound
// it lies within, ">-0.1%" and "<100.1%", and no other share of the column gains a decimal.
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
  it('the terminal, report.html, the chart and the paragraph: >-0.1% and <100.1%', () => {
    const lines = summaryTable(summary).split('\n');
    expect(lines.find((l) => /^\s+New business\s/.test(l) && l.trim().endsWith('%'))).toMatch(/ >-0\.1%$/);
    expect(lines.find((l) => /^\s+Churn\s/.test(l) && l.trim().endsWith('%'))).toMatch(/ <100\.1%$/);
    const table = downsideSection(summary).match(/<table class="bad-years">([\s\S]*?)<\/table>/)![1]!;
    expect(table).toMatch(/Recognized revenue: New business<\/th>(?:<td[^>]*>[^<]*<\/td>){3}<td[^>]*>&gt;-0\.1%<\/td>/);
    expect(table).toMatch(/Recognized revenue: Churn<\/th>(?:<td[^>]*>[^<]*<\/td>){3}<td[^>]*>&lt;100\.1%<\/td>/);
    expect(badYearRows(summary, '$').components.map((c) => c.text.split(' ')[0])).toEqual(['>-0.1%', '<100.1%']);
    expect(summaryParagraph(summary)).toContain('<100.1% of their shortfall from an average year coming from churn');
  });

  it('one tiny share lends its column no decimals: 0.6, 0.4, 1e-7 read 60.0%, 40.0%, <0.1% (were 60.00000%, 40.00000%, 0.00001%)', () => {
    const clone = structuredClone(summary);
    const revenue = clone.badYears.metrics.revenue as unknown as { components: Array<{ component: string; shortfall: number; share: number }> };
    const shares: Record<string, number> = { newBusiness: 0.6, churn: 0.4, contraction: 1e-7 };
    for (const c of revenue.components) Object.assign(c, { share: shares[c.component] ?? 0, shortfall: (shares[c.component] ?? 0) * 1e6 });
    const lines = summaryTable(clone).split('\n');
    const share = (label: string) => lines.find((l) => new RegExp(`^\\s+${label}\\s`).test(l) && l.trim().endsWith('%'))!.trim().split(/\s+/).at(-1);
    expect([share('New business'), share('Churn'), share('Contraction')]).toEqual(['60.0%', '40.0%', '<0.1%']);
    expect(badYearRows(clone, '$').components.map((c) => c.text.split(' ')[0]).sort()).toEqual(['40.0%', '60.0%', '<0.1%']);
  });
});
