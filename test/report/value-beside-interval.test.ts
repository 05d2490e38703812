import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { formatMoneyBeside, formatShareBeside } from '../../src/report/interval-format.js';
import { runReportScenario, WITH_TARGETS } from './fixture.js';

/** "$111.8M" or "-$3.54M" or "63.3%" back to a number, by the units the page writes. */
function parseShown(text: string): number {
  const pct = text.match(/^(-?[\d.]+)%$/);
  if (pct) return Number(pct[1]) / 100;
  const m = text.match(/^(-?)\$([\d.]+)([kMBT]?)$/);
  if (!m) throw new Error(`not a figure: ${text}`);
  const unit = { '': 1, k: 1e3, M: 1e6, B: 1e9, T: 1e12 }[m[3]!]!;
  return (m[1] === '-' ? -1 : 1) * Number(m[2]) * unit;
}

/** Every table row of the page whose last cell is an interval "[a, b]": [label, value shown beside it, low, high]. */
function rowsWithIntervals(html: string): Array<[string, string, string, string]> {
  const out: Array<[string, string, string, string]> = [];
  for (const row of html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
    const cells = [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim());
    const i = cells.findIndex((c) => /^\[.*, .*\]$/.test(c));
    if (i < 1) continue;
    const [lo, hi] = cells[i]!.slice(1, -1).split(', ');
    out.push([cells[0]!, cells[i - 1]!, lo!, hi!]);
  }
  return out;
}

describe('a figure beside its 95% interval is written with the interval’s digits', () => {
  it('money: $111.78M beside [$111.7M, $111.8M] reads $111.8M, not $112M', () => {
    // Three significant digits round 111,776,480 to $112M, above the interval's upper end as written.
    expect(formatMoneyBeside(111_776_480, [111_736_000, 111_790_000], '$')).toBe('$111.8M');
    expect(formatMoneyBeside(110_178_449, [109_638_369, 110_576_263], '$')).toBe('$110M');
    expect(formatMoneyBeside(110_178_449, null, '$')).toBe('$110M');
  });
  it('shares: 91.02% beside [91.01%, 91.04%] reads 91.02%, not 91.0%', () => {
    expect(formatShareBeside(0.9102, [0.9101, 0.9104])).toBe('91.02%');
    // One decimal tells these ends apart, and rounding keeps the value between them.
    expect(formatShareBeside(0.91045, [0.9103, 0.9106])).toBe('91.0%');
    expect(formatShareBeside(0.633, [0.615, 0.65])).toBe('63.3%');
  });

  let summary: Summary;
  let html: string;
  beforeAll(async () => {
    const loaded = parseScenario(WITH_TARGETS, 'report-test.yaml');
    const run = await runReportScenario(WITH_TARGETS, 1000);
    // Narrow the figures as a re-forecast's are (its budget at 80% was $111.78M in [$111.74M, $111.79M]):
    // each interval holds its value, but three digits would write the value outside it.
    // A writable copy: Summary's fields are readonly.
    const s = structuredClone(run.summary) as any;
    s.decisions.budgets.metrics.revenue = { value: 111_776_480.64, interval: [111_736_000, 111_790_000] };
    s.decisions.downside.revenue.p10 = { value: 111_549_000, interval: [111_520_000, 111_590_000] };
    // The downside's P10 is the headline row's (one figure): narrowed in both.
    s.metrics.revenue.percentiles.p10 = 111_549_000;
    s.metrics.revenue.percentileIntervals.p10 = [111_520_000, 111_590_000];
    s.decisions.downside.revenue.worst10Mean = 111_050_000;
    s.decisions.downside.revenue.worst10Interval = [111_010_000, 111_090_000];
    s.decisions.targets[0].probability = { value: 0.9102, interval: [0.9101, 0.9104], standardError: 0.0001 };
    summary = s as Summary;
    html = reportHtml({ summary, scenario: loaded.scenario, charts: [] });
  });

  it('in report.html every value shown beside an interval lies inside the interval as shown', () => {
    const rows = rowsWithIntervals(html);
    expect(rows.length).toBeGreaterThan(10);
    for (const [label, value, lo, hi] of rows) {
      const v = parseShown(value);
      expect(v, `${label}: ${value} beside [${lo}, ${hi}]`).toBeGreaterThanOrEqual(parseShown(lo));
      expect(v, `${label}: ${value} beside [${lo}, ${hi}]`).toBeLessThanOrEqual(parseShown(hi));
    }
    // The narrowed figures themselves, as an independent reading would round them.
    expect(rows).toContainEqual(['Recognized revenue', '$111.8M', '$111.7M', '$111.8M']);
    expect(rows).toContainEqual(['Recognized revenue: 1-in-10 year (P10)', '$111.5M', '$111.5M', '$111.6M']);
    // 111,050,000 lies half way between $111.0M and $111.1M: rounded away from zero, as a spreadsheet shows it
    // (toFixed's binary rounding wrote $111M: 111.05 is stored as 111.04999...).
    expect(rows).toContainEqual(['Recognized revenue: Mean of the worst 10% (expected shortfall)', '$111.1M', '$111.0M', '$111.1M']);
    expect(rows.some(([, v, lo, hi]) => v === '91.02%' && lo === '91.01%' && hi === '91.04%')).toBe(true);
  });
});
