import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { revenueMarkers } from '../../src/report/charts/revenue-distribution.js';
import { statFigureBeside, statRowMoney } from '../../src/report/interval-format.js';
import { METRICS, METRIC_LABELS } from '../../src/model/components.js';
import { runReportScenario, WITH_TARGETS } from './fixture.js';

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
    const loaded = parseScenario(WITH_TARGETS, 'report-test.yaml');
    real = (await runReportScenario(WITH_TARGETS, 600)).summary;
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
    const row = statRowMoney(summary.metrics.revenue, '$');
    expect([120_700_000, P10, 118_700_000, 137_800_000].map(row)).toEqual(['$120.7M', '$106.1M', '$118.7M', '$137.8M']);
  });

  it('report.html: the headline row, the convention line, the paragraph and the downside table', () => {
    const rows = tableRows(html);
    expect(rowOf(rows, 'Recognized revenue')).toEqual(['Recognized revenue', '$120.7M', '$106.1M', '$118.7M', '$137.8M']);
    expect(rowOf(rows, 'Recognized revenue: 1-in-10 year (P10)')).toEqual(['Recognized revenue: 1-in-10 year (P10)', '$106.1M', '[$105.6M, $106.4M]']);
    expect(html).toContain('P10 revenue ($106.1M)');
    const paragraph = summaryParagraph(summary);
    expect(paragraph).toContain('between $106.1M (P10) and $137.8M (P90)');
    expect(paragraph).toContain('comes in at $106.1M or less');
    expect(html).not.toContain('$106M');
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

  it('a real run: each metric’s P10 and P5 read alike in its headline row and in the downside table', () => {
    const rows = tableRows(realHtml);
    for (const m of METRICS) {
      // The headline row is the first row of that label (the by-tier and by-component tables name tiers and components).
      const headline = rowOf(rows, METRIC_LABELS[m])!;
      expect(rowOf(rows, `${METRIC_LABELS[m]}: 1-in-10 year (P10)`)![1], m).toBe(headline[2]);
      const write = statRowMoney(real.metrics[m], '$');
      expect(headline[2], m).toBe(write(real.metrics[m].percentiles.p10));
      expect(rowOf(rows, `${METRIC_LABELS[m]}: 1-in-20 year (P5)`)![1], m).toBe(write(real.metrics[m].percentiles.p5));
    }
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
    expect(statRowMoney(stat, '$')(999_960)).toBe('$0.99996M');
  });
});
