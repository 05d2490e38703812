import { describe, expect, it } from 'vitest';
import { answerOf } from '../../src/studio/answer.js';
import { summarize } from '../../src/analysis/summarize.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { run } from '../helpers/fixtures.js';

// A large book renewing at a nearly known rate: the revenue budget's 95% interval is narrow
// (about [11.680M, 11.694M] at 400 trials), so report.html writes the budget with the digits the
// interval takes ($11.69M) where the studio wrote formatCurrency's three ($11.7M).
const yaml = `
name: tight
currency: EUR
targets: { metrics: [{ metric: revenue, value: 11750000 }] }
tiers:
  - name: SMB
    existing: { openingArr: 12000000, customers: 12000, renewalRate: { dist: beta, mean: 0.9, sd: 0.002 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: { dist: beta, mean: 0.05, sd: 0.00002 }, acv: { dist: lognormal, mean: 12000, sd: 4000 } }
`;

/** The cells of the row `label` in the first table after `after`. */
function rowCells(html: string, after: string, label: string): string[] {
  const rest = html.slice(html.indexOf(after));
  const row = rest.slice(rest.indexOf(`<th scope="row">${label}</th>`));
  return [...row.slice(0, row.indexOf('</tr>')).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe("the studio writes report.html's figures with report.html's formatters", () => {
  it('the budget, each chance and each share of variance read as the report tables write them', async () => {
    const sim = await run(yaml, 400);
    const a = answerOf(sim, 0.8, sim);
    const html = reportHtml({ summary: summarize(sim, { confidence: 0.8 }), scenario: sim.loaded.scenario, charts: [] });
    // The budget table's Budget cell (formatMoneyBeside): four digits here, as the interval takes.
    expect(a.budget.revenue.text).toBe(rowCells(html, '>Budget</th>', 'Recognized revenue')[0]);
    expect(a.budget.revenue.text).toMatch(/^€11\.\d\dM$/);
    // The targets table's P(reach) cell (formatShareBeside).
    const labels = summarize(sim, { confidence: 0.8 }).decisions.targets.map((t) => t.label.replace(/>/g, '&gt;'));
    expect(a.targets.map((t) => t.probability.text)).toEqual(labels.map((label) => rowCells(html, '>P(reach)</th>', label)[0]));
    // The sources-of-risk table's shares (varianceShareFormat), and its caption's luck.
    if (a.attribution.notEstimable !== undefined) throw new Error(a.attribution.notEstimable);
    for (const d of a.attribution.drivers) expect(d.share.text, d.label).toBe(rowCells(html, 'Sources of risk', d.label)[1]);
    expect(html).toContain(`deal-by-deal luck and interactions (${a.attribution.unexplained!.text})`);
  });
});
