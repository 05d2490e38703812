import { beforeAll, describe, expect, it } from 'vitest';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { compareSimulations, type Comparison } from '../../src/analysis/compare.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { comparisonParagraph } from '../../src/report/html/comparison-html.js';
import { comparisonTable } from '../../src/cli/compare-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { summaryTable, TERMINAL_PARAGRAPH_FORMAT } from '../../src/report/summary-table.js';
import { TWO_TIERS, runReportScenario } from './fixture.js';
import { exceedanceTargets } from '../../src/report/charts/exceedance.js';

/**
 * A figure written beside a narrow 95% interval takes the digits the interval takes, in the
 * terminal's tables as in report.html's, and the paragraph above a table writes it as the table
 * does. At 100,000 trials a target reached in 99.88% of years has the Wilson interval [99.86%,
 * 99.90%]: report.html's table wrote 99.88% and its paragraph 99.9%; the terminal wrote
 * "99.9% [99.9%, 99.9%]", and every run's budget as "19.7M [19.7M, 19.7M]".
 */

let sim: Simulation;
let narrow: Summary;

beforeAll(async () => {
  ({ sim } = await runReportScenario());
  narrow = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 9e6 }] } });
  // The figures and intervals of a 100,000-trial run (the example's default), set on a small run's summary.
  Object.assign(narrow.decisions.targets[0]!.probability, { value: 0.9988, interval: [0.99861, 0.99896] });
  Object.assign(narrow.decisions.budgets.metrics.revenue, { value: 19_705_224, interval: [19_675_215, 19_736_390] });
  Object.assign(narrow.decisions.downside.revenue, { worst10Mean: 18_339_376, worst10Interval: [18_331_675, 18_347_075] });
});

describe('figures beside a narrow 95% interval', () => {
  it('the terminal tables write the interval with the digits that tell its ends apart, and the figure with them', () => {
    const table = summaryTable(narrow);
    expect(table).toMatch(/\nRecognized revenue +19\.71M +\[19\.68M, 19\.74M\]\n/);
    expect(table).toMatch(/\nrevenue >= 9M +99\.88% +\[99\.86%, 99\.90%\]/);
  });

  it("the terminal's paragraph writes the budget and the chance as its tables do", () => {
    const p = summaryParagraph(narrow, TERMINAL_PARAGRAPH_FORMAT);
    expect(p).toContain('The chance of reaching revenue >= 9M is 99.88%.');
    expect(p).toContain('is 19.71M of revenue');
    // The downside table writes the worst 10%'s mean with its interval's digits (18,331,675 to 18,347,075:
    // 18.33M to 18.35M), as report.html's downside table and the paragraph do: one figure, one way.
    expect(summaryTable(narrow)).toMatch(/\nRecognized revenue +[\d.]+M +18\.34M +/);
    expect(p).toContain('the worst 10% of years average 18.34M,');
  });

  it("report.html's paragraph writes the chance as its targets table does", () => {
    const page = reportHtml({ summary: narrow, scenario: sim.loaded.scenario, charts: [] });
    expect(page).toMatch(/<th scope="row">revenue &gt;= 9M<\/th><td class="num">99\.88%<\/td><td class="num">\[99\.86%, 99\.90%\]<\/td>/);
    expect(summaryParagraph(narrow)).toContain('The chance of reaching revenue >= 9M is 99.88%.');
  });

  it("the exceedance chart's target label reads as the targets table beside it", () => {
    // It wrote formatShare's 99.9% on the chart above the table's 99.88%.
    expect(exceedanceTargets(narrow)[0]!.text).toBe('revenue >= 9M: 99.88%');
  });

  it("arrcast compare's P(X < A) in the terminal, and comparison.html's paragraph, as its table writes it", async () => {
    const downside = TWO_TIERS.replace('name: Report test Co', 'name: Report test downside').concat('stress: { renewal: -0.03, leads: -0.1 }\n');
    const sims = [];
    for (const [yaml, file] of [
      [TWO_TIERS, 'plan.yaml'],
      [downside, 'downside.yaml'],
    ] as const)
      sims.push(await simulate(parseScenario(yaml, file), { trials: 300, seed: '5', workers: 0 }));
    const c: Comparison = structuredClone(compareSimulations(sims));
    Object.assign(c.metrics.revenue.differences[0]!.probabilityBelow, { value: 0.9988, interval: [0.99861, 0.99896] });
    expect(comparisonTable(c)).toMatch(/B - A, per trial .* 99\.88% \[99\.86%, 99\.90%\]\n/);
    expect(comparisonParagraph(c, compareDecisions(sims))).toContain('below A in 99.88% of years');
  });
});
