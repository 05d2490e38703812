import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { compareSimulations, type Comparison, type DifferenceStat } from '../../src/analysis/compare.js';
import { differenceRowMoney } from '../../src/report/difference-row-money.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { comparisonTable } from '../../src/cli/compare-table.js';
import { compareDecisionsTable } from '../../src/cli/compare-decisions-table.js';
import { comparisonHtml } from '../../src/report/html/comparison-html.js';
import { comparisonSpec } from '../../src/report/charts/comparison.js';

// A steady company (a 50M book renewing 90% +/- 1%): at 1,000 trials its rows' P10s lie close to their
// neighbours against their 95% intervals, so `arrcast run` writes them with four digits (48.37M), where
// compare's three wrote "48.4M" for the same scenario, seed and trials. Compare's A and B rows must read
// as run's rows of A and of B (mean, P10, P50, P90), in the terminal and in the HTML pages.
const yaml = (name: string, leads: number) => `
name: ${name}
seed: 1
tiers:
  - name: SMB
    existing: { openingArr: 50000000, customers: 2000, renewalRate: { dist: beta, mean: 0.9, sd: 0.01 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: ${leads} }, conversion: 0.05, acv: { dist: lognormal, median: 10000, p90: 20000 } }
`;
const ROWS = ['Recognized revenue', 'Bookings', 'Ending ARR'] as const;

let sims: Simulation[];
let summaries: Summary[];
let c: Comparison;
beforeAll(async () => {
  sims = [];
  for (const [name, leads] of [['Steady plan', 400], ['Steady downside', 300]] as const) sims.push(await simulate(parseScenario(yaml(name, leads), `${leads}.yaml`), { trials: 1000, workers: 0, seed: 1 }));
  summaries = sims.map((s) => summarize(s));
  c = compareSimulations(sims);
});

/** The cells after `label` of the first line that starts with it, after the line starting `after`. */
function lineCells(text: string, label: string, after: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith(after));
  const line = lines.slice(from).find((l) => l.startsWith(`${label} `))!;
  return line.slice(label.length).trim().split(/ {2,}/);
}

/** The cells after the row header of the HTML row headed `label`. */
function htmlCells(html: string, label: string): string[] {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((x) => x[1]!.trim()));
  return rows.find((r) => r[0] === label)!.slice(1);
}

describe("compare writes each scenario's row as run writes that scenario's", () => {
  it('the terminal: mean, P10, P50, P90 of A and B as run prints them (four digits where run takes four)', () => {
    const table = comparisonTable(c);
    ROWS.forEach((metric, m) => {
      for (const [i, label] of (['A', 'B'] as const).entries()) {
        // run's row: mean P5 P10 P25 P50 P75 P90 P95.
        const run = summaryTable(summaries[i]!).split('\n').find((l) => l.startsWith(`${metric}  `))!.slice(metric.length).trim().split(/ {2,}/);
        // compare's rows under the metric's head: mean, ± s.e., P10, P50, P90.
        const row = lineCells(table, label, `${metric} (USD)`);
        expect([row[0], row[2], row[3], row[4]], `${metric} ${label}`).toEqual([run[0], run[2], run[4], run[6]]);
      }
    });
    // The case this needs: a P10 run writes at four digits (three wrote it 48.4M).
    expect(lineCells(table, 'A', 'Recognized revenue (USD)')[2]).toMatch(/^\d+\.\d\dM$/);
  });

  it("comparison.html's bands and paragraph as report.html's headline row", () => {
    const html = comparisonHtml({ comparison: c, decisions: compareDecisions(sims), charts: [], files: [] });
    const reports = summaries.map((summary, i) => reportHtml({ summary, scenario: sims[i]!.loaded.scenario, charts: [] }));
    ROWS.forEach((metric) => {
      for (const [i, label] of (['A', 'B'] as const).entries()) {
        const run = htmlCells(reports[i]!, metric);
        // report.html's headline: Mean, P10, P50, P90 (then more columns, if any).
        expect(htmlCells(html, `${metric}: ${label}`), `${metric} ${label}`).toEqual(run.slice(0, 4));
      }
    });
    const p50 = htmlCells(html, 'Recognized revenue: A')[2]!;
    expect(html).toContain(`has a median recognized revenue of ${p50}.`);
  });

  it("the targets and budgets table: each scenario's budget, P10 and worst-10% mean as run writes them", () => {
    const table = compareDecisionsTable(c, compareDecisions(sims));
    const cells = (label: string) => table.split('\n').find((l) => l.startsWith(label))!.slice(label.length).trim().split(/ {2,}/);
    let differs = false;
    ROWS.forEach((metric) => {
      const budget = cells(`${metric}: budget at 80% confidence`);
      const p10 = cells(`${metric}: 1-in-10 year (P10)`);
      const worst = cells(`${metric}: mean of the worst 10%`);
      summaries.forEach((summary, i) => {
        const run = summaryTable(summary);
        const budgetRun = lineCells(run, metric, 'Budget at ');
        const downRun = lineCells(run, metric, 'Downside ');
        expect([budget[i], p10[i], worst[i]], `${metric} ${i}`).toEqual([budgetRun[0], downRun[0], downRun[1]]);
        // And the P10 as compare's own bands row writes it.
        expect(p10[i]).toBe(lineCells(comparisonTable(c), i === 0 ? 'A' : 'B', `${metric} (USD)`)[2]);
      });
      differs ||= worst[0]!.replace(/\D/g, '').length !== worst[1]!.replace(/\D/g, '').length || p10[0]!.replace(/\D/g, '').length !== p10[1]!.replace(/\D/g, '').length;
    });
    // The case this needs: figures side by side at other digits (shared digits wrote them alike).
    expect(differs).toBe(true);
  });
});

describe("compare's difference rows: one number of digits a row, bounded by the mean's error", () => {
  // By hand: P10, P50 and P90 of -1.2340M, -1.2380M, -1.2410M differ by 4k and 3k, so three digits
  // (-1.23M, -1.24M, -1.24M) write two that differ as one; four tell them apart and the mean's 95%
  // interval, -1.2345M -/+ 1.96 x 1k, allows four (its half-width's leading digit is the thousands).
  const d = { scenario: 1, mean: -1.2345e6, sd: 3.2e4, standardError: 1e3, percentiles: { p10: -1.241e6, p50: -1.238e6, p90: -1.234e6 }, probabilityBelow: { value: 1, interval: [0.99, 1] as [number, number], standardError: 0 }, identicalTrials: 0 };
  it('differenceRowMoney', () => {
    const row = differenceRowMoney(d as unknown as DifferenceStat, '$');
    expect([d.mean, d.percentiles.p10, d.percentiles.p50, d.percentiles.p90].map((v) => row(v))).toEqual(['-$1.235M', '-$1.241M', '-$1.238M', '-$1.234M']);
    // A mean known only to -/+ 20k claims no more than three digits, however close its neighbours.
    const rough = differenceRowMoney({ ...d, standardError: 1e4 } as unknown as DifferenceStat, '$');
    expect(rough(d.percentiles.p50)).toBe('-$1.24M');
  });

  it('the terminal, comparison.html (table and paragraph) and the comparison chart write a row three digits alone would blur', () => {
    // The run's revenue difference replaced by the hand-made row above: three digits alone (formatMoney,
    // formatCurrency) wrote its P50 and P90 -1.24M and -1.24M; its row writes them -1.238M and -1.234M.
    const revenue = { ...c.metrics.revenue, differences: [{ ...c.metrics.revenue.differences[0]!, mean: d.mean, standardError: d.standardError, percentiles: { ...c.metrics.revenue.differences[0]!.percentiles, ...d.percentiles } }] };
    const c2: Comparison = { ...c, metrics: { ...c.metrics, revenue } };
    const row = lineCells(comparisonTable(c2), 'B - A, per trial', 'Recognized revenue (USD)');
    expect([row[0], ...row.slice(2, 5)]).toEqual(['-1.235M', '-1.241M', '-1.238M', '-1.234M']);
    const html = comparisonHtml({ comparison: c2, decisions: compareDecisions(sims), charts: [], files: [] });
    expect(htmlCells(html, 'Recognized revenue: B − A').slice(0, 4)).toEqual(['-$1.235M', '-$1.241M', '-$1.238M', '-$1.234M']);
    expect(html).toContain('$1.238M below A at the median');
    const chart = JSON.stringify(comparisonSpec(c2, [[], []]));
    expect(chart).toContain('P10 -$1.241M, P50 -$1.238M, P90 -$1.234M;');
    expect(chart).toContain('"text":"P50 -$1.238M;');
  });

  it('the terminal and comparison.html write each difference row by it', () => {
    const table = comparisonTable(c);
    const html = comparisonHtml({ comparison: c, decisions: compareDecisions(sims), charts: [], files: [] });
    ROWS.forEach((metric, m) => {
      const x = c.metrics[(['revenue', 'bookings', 'endingArr'] as const)[m]!].differences[0]!;
      const write = differenceRowMoney(x, '$');
      const figures = [x.mean, x.percentiles.p10, x.percentiles.p50, x.percentiles.p90];
      const row = lineCells(table, 'B - A, per trial', `${metric} (USD)`);
      expect([row[0], ...row.slice(2, 5)]).toEqual(figures.map((v) => write(v).replace('$', '')));
      expect(htmlCells(html, `${metric}: B − A`).slice(0, 4)).toEqual(figures.map((v) => write(v)));
    });
  });
});
