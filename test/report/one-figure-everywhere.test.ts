import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { revenueMarkers } from '../../src/report/charts/revenue-distribution.js';
import { metricRowMoney, statFigureBeside } from '../../src/report/interval-format.js';
import { METRICS, METRIC_LABELS } from '../../src/model/components.js';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { statRowMoney } from '../../src/report/interval-format.js';
import { tierRows } from '../../src/report/charts/breakdown.js';

// The example at seed 1 and 4,000 trials: the run whose revenue P10 (106,056,435) needs four digits
// beside its interval [105,556,290, 106,435,924] where the row's own rule (mean, P10, P50, P90 told
// apart within their error) gives three. Budgets at 95% confidence: the budget is the row's P5.
const EXAMPLE_SEED_1 = readFileSync(new URL('../../scenarios/example.yaml', import.meta.url), 'utf8').replace(/^seed: .*$/m, 'seed: 1');

/** Every table row of the page as its cells' text. */
function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
}

const rowOf = (rows: string[][], label: string) => rows.find((r) => r[0] === label);

// Revenue as the example's 4,000-trial run (seed 1) puts it: a P10 of 106,056,435 whose 95% interval
// [105,556,290, 106,435,924] reads [$106M, $106M] at three digits and [$105.6M, $106.4M] at four.
const P10 = 106_056_435.46;
const P10_INTERVAL: [number, number] = [105_556_290.06, 106_435_923.88];

describe('one figure reads the same wherever it is shown (the row takes the digits its P10 needs beside its interval)', () => {
  let summary: Summary;
  let html: string;
  let terminal: string;
  let real: Summary;
  let realHtml: string;
  beforeAll(async () => {
    const loaded = parseScenario(EXAMPLE_SEED_1, 'example.yaml');
    real = summarize(await simulate(loaded, { trials: 4000, workers: 0 }), { confidence: 0.95 });
    realHtml = reportHtml({ summary: real, scenario: loaded.scenario, charts: [] });
    // A writable copy with the example's revenue figures (Summary's fields are readonly).
    const s = structuredClone(real) as any;
    const r = s.metrics.revenue;
    r.mean = 120_700_000;
    r.standardError = 300_000; // mean -/+ 0.59M
    r.percentiles = { ...r.percentiles, p5: 103_100_000, p10: P10, p50: 118_700_000, p90: 137_800_000 };
    r.percentileIntervals = { ...r.percentileIntervals, p5: [102_600_000, 103_600_000], p10: P10_INTERVAL, p50: [118_200_000, 119_300_000], p90: [136_900_000, 138_900_000] };
    s.decisions.downside.revenue.p10 = { value: P10, interval: P10_INTERVAL };
    summary = s as Summary;
    html = reportHtml({ summary, scenario: loaded.scenario, charts: [] });
    terminal = summaryTable(summary);
  });

  it('the row and the figure beside its interval, hand-worked', () => {
    // Four digits tell the interval's ends apart, so the row reads at four.
    expect(statFigureBeside(summary.metrics.revenue, { value: P10, interval: P10_INTERVAL }, '$')).toEqual({ value: '$106.1M', interval: '[$105.6M, $106.4M]' });
    const row = metricRowMoney(summary.metrics.revenue, '$');
    expect([row(120_700_000, 'mean'), row(P10, 'p10'), row(118_700_000, 'p50'), row(137_800_000, 'p90')]).toEqual(['$120.7M', '$106.1M', '$118.7M', '$137.8M']);
  });

  it('report.html: the headline row, the convention line, the paragraph and the downside table', () => {
    const rows = tableRows(html);
    expect(rowOf(rows, 'Recognized revenue')).toEqual(['Recognized revenue', '$120.7M', '$106.1M', '$118.7M', '$137.8M']);
    expect(rowOf(rows, 'Recognized revenue: 1-in-10 year (P10)')).toEqual(['Recognized revenue: 1-in-10 year (P10)', '$106.1M', '[$105.6M, $106.4M]']);
    expect(html).toContain('P10 revenue ($106.1M)');
    const paragraph = summaryParagraph(summary);
    expect(paragraph).toContain('between $106.1M (P10) and $137.8M (P90)');
    expect(paragraph).toContain('comes in at $106.1M or less');
    expect(html).not.toContain('($106M)');
  });

  it('the terminal: the headline row and the downside table, and the chart label', () => {
    const headline = terminal.split('\n').find((l) => l.startsWith('Recognized revenue '))!.trim().split(/\s+/);
    // Recognized revenue, mean, P5, P10, P25, P50, P75, P90, P95.
    expect([2, 3, 4, 6, 8].map((i) => headline[i])).toEqual(['120.7M', '103.1M', '106.1M', '118.7M', '137.8M']);
    const downside = terminal.split('\n');
    const at = downside.findIndex((l) => l.startsWith('Downside'));
    expect(downside[at + 1]!.trim().split(/\s{2,}/)[1]).toBe('106.1M');
    const markers = revenueMarkers(summary, '$', {}, [90e6, 150e6], 600);
    expect(markers.find((m) => m.key === 'p10')!.text).toBe('P10 $106.1M');
  });

  it('a real run: each metric’s P10 and P5 read alike in its headline row and in the downside table, at the digits their intervals take', () => {
    const rows = tableRows(realHtml);
    for (const m of METRICS) {
      // The headline row is the first row of that label (the by-tier and by-component tables name tiers and components).
      const headline = rowOf(rows, METRIC_LABELS[m])!;
      expect(rowOf(rows, `${METRIC_LABELS[m]}: 1-in-10 year (P10)`)![1], m).toBe(headline[2]);
      const write = metricRowMoney(real.metrics[m], '$');
      expect(headline[2], m).toBe(write(real.metrics[m].percentiles.p10, 'p10'));
      expect(rowOf(rows, `${METRIC_LABELS[m]}: 1-in-20 year (P5)`)![1], m).toBe(write(real.metrics[m].percentiles.p5, 'p5'));
    }
    // Revenue's figures at four significant digits, computed here from the run's numbers (in $M, one
    // decimal): three would write its P10's interval [$106M, $106M].
    const r = real.metrics.revenue;
    const m1 = (v: number) => `$${(v / 1e6).toFixed(1)}M`;
    expect(r.percentileIntervals!.p10!.map((v) => (v / 1e6).toFixed(0))).toEqual(['106', '106']);
    expect(rowOf(rows, 'Recognized revenue')).toEqual(['Recognized revenue', m1(r.mean), m1(r.percentiles.p10), m1(r.percentiles.p50), m1(r.percentiles.p90)]);
    expect(rowOf(rows, 'Recognized revenue: 1-in-10 year (P10)')).toEqual(['Recognized revenue: 1-in-10 year (P10)', m1(r.percentiles.p10), `[${r.percentileIntervals!.p10!.map(m1).join(', ')}]`]);
  });

  it('a budget at 95% confidence is the row’s P5, read as the row writes it (report.html, the paragraph, the terminal)', () => {
    const r = real.metrics.revenue;
    expect(real.decisions.budgets.metrics.revenue.value).toBe(r.percentiles.p5);
    const m1 = (v: number) => (v / 1e6).toFixed(1);
    const rows = tableRows(realHtml);
    // The budget table's revenue row: the first row labelled so after the headline table's.
    const budgetRow = rows.filter((x) => x[0] === 'Recognized revenue')[1]!;
    expect(budgetRow).toEqual(['Recognized revenue', `$${m1(r.percentiles.p5)}M`, `[${r.percentileIntervals!.p5!.map((v) => `$${m1(v)}M`).join(', ')}]`]);
    expect(summaryParagraph(real)).toContain(`is $${m1(r.percentiles.p5)}M of revenue`);
    const lines = summaryTable(real).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Budget at 95% confidence'));
    expect(lines[at + 1]!.trim().split(/\s{2,}/).slice(0, 2)).toEqual(['Recognized revenue', `${m1(r.percentiles.p5)}M`]);
    expect(summaryTable(real).split('\n').find((l) => l.startsWith('Recognized revenue '))!.trim().split(/\s+/)[3]).toBe(`${m1(r.percentiles.p5)}M`);
  });

  it('a tier’s and a component’s rows keep their own three digits (no interval stands beside their P10)', () => {
    // A tier with revenue's row of the hand-worked example: its P10 beside no interval, so $106M.
    const s = structuredClone(summary) as any;
    const tier = Object.keys(s.byTier)[0]!;
    s.byTier[tier].revenue = summary.metrics.revenue;
    const rows = tableRows(reportHtml({ summary: s as Summary, scenario: parseScenario(EXAMPLE_SEED_1, 'example.yaml').scenario, charts: [] }));
    expect(rowOf(rows, tier)).toEqual([tier, '$121M', '$106M', '$119M', '$138M']);
    expect(statRowMoney(summary.metrics.revenue, '$')(P10)).toBe('$106M');
    // The breakdown chart's label of that tier: its mean as the row writes it.
    expect(tierRows(s as Summary, '$')[0]!.text).toBe('$121M');
  });
});

describe('the digits a P10 adds to its row are capped', () => {
  it('a P10 interval of [106,000,000, 106,000,250] (seven digits to tell apart) adds one digit to a three-digit row, and its ends then read alike', () => {
    const stat = {
      mean: 120_700_000,
      sd: 1e7,
      standardError: 300_000,
      min: 9e7,
      max: 2e8,
      percentiles: { p1: 98e6, p5: 103.1e6, p10: 106_000_000, p25: 111.3e6, p50: 118.7e6, p75: 127.9e6, p90: 137.8e6, p95: 145.4e6, p99: 160e6 },
      percentileIntervals: { p1: null, p5: [102.6e6, 103.6e6], p10: [106_000_000, 106_000_250], p25: null, p50: [118.2e6, 119.3e6], p75: null, p90: [136.9e6, 138.9e6], p95: null, p99: null },
    } as never;
    const row = metricRowMoney(stat, '$');
    // Three digits by the row's own rule (its figures 12M and more apart, its mean -/+ 0.59M), four at most.
    expect([row(120_700_000, 'mean'), row(103.1e6, 'p5'), row(106_000_000, 'p10'), row(118.7e6, 'p50')]).toEqual(['$120.7M', '$103.1M', '$106.0M', '$118.7M']);
    expect(statFigureBeside(stat, { value: 106_000_000, interval: [106_000_000, 106_000_250] }, '$')).toEqual({ value: '$106.0M', interval: '[$106.0M, $106.0M]' });
  });
});

describe('a P10 whose interval crosses a unit reads in one unit in its row and beside its interval', () => {
  it('999,960 beside [999,900, 1,000,020]: $0.99996M in both', () => {
    const p = { p1: 990_000, p5: 995_000, p10: 999_960, p25: 1_004_000, p50: 1_010_000, p75: 1_020_000, p90: 1_030_000, p95: 1_040_000, p99: 1_060_000 };
    const stat = {
      mean: 1_012_000,
      sd: 12_000,
      standardError: 60,
      min: 980_000,
      max: 1_070_000,
      percentiles: p,
      percentileIntervals: { p1: null, p5: [994_000, 996_000], p10: [999_900, 1_000_020], p25: null, p50: [1_009_800, 1_010_200], p75: null, p90: [1_029_800, 1_030_300], p95: null, p99: null },
    } as never;
    const beside = statFigureBeside(stat, { value: 999_960, interval: [999_900, 1_000_020] }, '$');
    // Five digits tell the ends apart (four write both $1.000M); the group is in M, its largest member's unit.
    expect(beside).toEqual({ value: '$0.99996M', interval: '[$0.99990M, $1.00002M]' });
    expect(metricRowMoney(stat, '$')(999_960, 'p10')).toBe('$0.99996M');
    // Keyed by the figure, not its value: a P25 of the same amount is the row's, in its own unit.
    expect(metricRowMoney(stat, '$')(999_960, 'p25')).toBe('$999.96k');
  });
});
