import { describe, expect, it } from 'vitest';
import { answerOf } from '../../src/studio/answer.js';
import { summarize } from '../../src/analysis/summarize.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { moneyFormat } from '../../src/report/xlsx/cell-text.js';
import { targetLabelShown } from '../../src/studio/target-label-shown.js';
import { run } from '../helpers/fixtures.js';

// A negative amount reads one way wherever it is written with a currency: the sign, then the symbol
// ('-$5M', '-CHF 5M'). The studio's target label read 'bookings >= $-5M' (targetLabelShown put the
// symbol before the label's own text; the schema asks targets to be at least 0, but the function
// names any target it is given). Negative amounts a run does write: P10 minus a target above
// every year, the ARR bridge's churn and contraction.
const yaml = (currency: string) => `
name: negative
currency: ${currency}
targets: { metrics: [{ metric: revenue, value: 9000000 }] }
tiers:
  - name: SMB
    existing: { openingArr: 1200000, customers: 120, renewalRate: { dist: beta, mean: 0.9, sd: 0.02 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: { dist: lognormal, mean: 12000, sd: 4000 } }
`;

/** A symbol written right before a minus sign (or before a space and one): '$-5M', 'CHF -5M', '€-0.7M'. */
const symbolBeforeSign = /(\$|€|CHF)\s?[-−]/;

describe('a negative amount is written sign first, then the currency symbol, in every output', () => {
  it.each([
    ['$', 'bookings >= -$5M', 'SMB ending ARR >= -$1.5k'],
    ['€', 'bookings >= -€5M', 'SMB ending ARR >= -€1.5k'],
    ['CHF', 'bookings >= -CHF 5M', 'SMB ending ARR >= -CHF 1.5k'],
  ])("the studio's default target labels in %s", (symbol, bookings, arr) => {
    expect(targetLabelShown({ label: 'bookings >= -5M', metric: 'bookings', value: -5e6 }, [], symbol)).toBe(bookings);
    expect(targetLabelShown({ label: 'SMB ending ARR >= -1.5k', metric: 'endingArr', tier: 'SMB', value: -1500 }, [], symbol)).toBe(arr);
  });

  it('a label the planner gave is shown as written, even one that reads as a default', () => {
    const given = [{ label: 'bookings >= -5M' }];
    expect(targetLabelShown({ label: 'bookings >= -5M', metric: 'bookings', value: -5e6 }, given, '$')).toBe('bookings >= -5M');
  });

  it('the xlsx money format puts the minus before the quoted symbol', () => {
    expect(moneyFormat('$')).toBe('"$"#,##0;-"$"#,##0');
    expect(moneyFormat('CHF')).toBe('"CHF "#,##0;-"CHF "#,##0');
  });

  it.each(['USD', 'CHF'])('the studio page, report.html, its charts and workbook in %s', async (currency) => {
    const sim = await run(yaml(currency), 100);
    const summary = summarize(sim);
    const a = answerOf(sim, 0.8, sim);
    const sym = currency === 'USD' ? '$' : 'CHF ';
    expect(a.targets[0]!.label).toBe(`revenue >= ${sym}9M`);
    const page = JSON.stringify(a);
    expect(page).not.toMatch(symbolBeforeSign);
    const charts = buildCharts(summary, sim.store);
    const html = reportHtml({ summary, scenario: sim.loaded.scenario, charts: [] });
    // The revenue target of 9M is above every year: P10 minus target is negative, written '-$…'.
    expect(summary.decisions.targets[0]!.p10MinusTarget).toBeLessThan(0);
    expect(html).toMatch(new RegExp(`-${sym.replace('$', '\\$')}\\d`));
    expect(html).not.toMatch(symbolBeforeSign);
    // The ARR bridge's churn step is a decrease, written '-$…'.
    expect(JSON.stringify(charts)).toMatch(new RegExp(`"-${sym.replace('$', '\\$')}\\d`));
    expect(JSON.stringify(charts)).not.toMatch(symbolBeforeSign);
    expect(JSON.stringify(reportSheets(summary, sim.loaded.scenario))).not.toMatch(symbolBeforeSign);
  });
});
