import { describe, expect, it } from 'vitest';
import { moneyCellsFormat, statMoneyCells, type MoneyCell } from '../../src/report/interval-format.js';
import type { Stat } from '../../src/analysis/describe.js';

/**
 * report.html's headline rows (and comparison.html's budgets side by side) wrote three significant
 * digits: a re-forecast's narrow band P10/P50/P90 of 111.4M/112.5M/113.6M read $111M/$112M/$114M.
 */
const cell = (value: number, halfWidth: number | null): MoneyCell => ({ value, interval: halfWidth === null ? null : [value - halfWidth, value + halfWidth] });
const row = (cells: MoneyCell[]) => cells.map((c) => moneyCellsFormat(cells, '$')(c.value));

describe('figures side by side: the digits that tell neighbours apart, within their Monte Carlo error', () => {
  it('a narrow band gets the digit it needs', () => {
    expect(row([cell(112.5e6, 0.012e6), cell(111.43e6, 0.04e6), cell(112.47e6, 0.03e6), cell(113.58e6, 0.04e6)])).toEqual(['$112.5M', '$111.4M', '$112.5M', '$113.6M']);
  });

  it('a wide band keeps three digits', () => {
    expect(row([cell(120.9e6, 0.1e6), cell(106.1e6, 0.3e6), cell(118.2e6, 0.3e6), cell(139.4e6, 0.5e6)])).toEqual(['$121M', '$106M', '$118M', '$139M']);
  });

  it('never claims a digit finer than the widest Monte Carlo error of the row', () => {
    // Half-widths of 1.5M: the 0.1M digit is noise; three digits even though they read alike.
    expect(row([cell(111.43e6, 1.5e6), cell(111.46e6, 0.01e6)])).toEqual(['$111M', '$111M']);
    // Half-width 0.05M allows 0.01M: two budgets 0.03M apart are told apart.
    expect(row([cell(111.43e6, 0.05e6), cell(111.46e6, 0.05e6)])).toEqual(['$111.43M', '$111.46M']);
    // No interval (not estimable): no bound from that figure.
    expect(row([cell(111.43e6, null), cell(112.51e6, null)])).toEqual(['$111M', '$113M']);
  });

  it('equal neighbours need nothing; only neighbours count', () => {
    expect(row([cell(129.4e6, 0.01e6), cell(129.4e6, 0.01e6)])).toEqual(['$129M', '$129M']);
  });

  it("statMoneyCells: a Stat's Mean, P10, P50, P90, the mean's interval from its standard error", () => {
    const stat = { mean: 112.5e6, standardError: 0.006e6, percentiles: { p10: 111.4e6, p50: 112.5e6, p90: 113.6e6 }, percentileIntervals: { p10: [111.3e6, 111.5e6], p50: null, p90: [113.5e6, 113.7e6] } } as unknown as Stat;
    const cells = statMoneyCells(stat);
    expect(cells.map((c) => c.value)).toEqual([112.5e6, 111.4e6, 112.5e6, 113.6e6]);
    expect(cells[0]!.interval![1] - cells[0]!.interval![0]).toBeCloseTo(2 * 1.96 * 0.006e6, 3);
    expect(cells[2]!.interval).toBeNull();
  });
});

describe("report.html's headline table and paragraph, from a re-forecast's narrow band", () => {
  it('writes revenue P10/P50/P90 with the digit that tells them apart, the paragraph as the table', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { arrcastInProcess } = await import('../helpers/cli.js');
    const { ROOT } = await import('../helpers/fixtures.js');
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-digits-')), 'r');
    const r = await arrcastInProcess(['run', join(ROOT, 'scenarios/example.yaml'), '--actuals', join(ROOT, 'scenarios/example-actuals.csv'), '--trials', '20000', '--quiet', '--no-progress', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const cells = /<th scope="row">Recognized revenue<\/th>((?:<td class="num">[^<]*<\/td>){4})/.exec(html)![1]!.match(/\$[\d.]+M/g)!;
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const p = summary.metrics.revenue.percentiles;
    // The band is narrow (about 1.1M between P10, P50 and P90): decimals of millions, as many as the
    // row's rule needs, worked out here from its statement (moneyCellsFormat's and statRowDigits' docs),
    // not pinned to one run's draws (the prior table's exact tails, act24b, moved them: 111.4/112.5/
    // 113.6M read with one decimal; on the new draws the P10's narrow interval raises the row to two).
    expect(p.p90 - p.p10).toBeLessThan(3e6);
    const revenue = summary.metrics.revenue;
    const values = [revenue.mean, p.p10, p.p50, p.p90] as number[];
    const decimals = /\.(\d+)M$/.exec(cells[0]!)?.[1]?.length ?? 0;
    const written = (d: number) => values.map((v) => `$${(v / 1e6).toFixed(d)}M`);
    expect(cells).toEqual(written(decimals));
    // Neighbours (Mean, P10, P50, P90) told apart: different texts, the last digit at most a tenth of their gap.
    const apart = (d: number) => values.every((v, i) => i === 0 || v === values[i - 1] || (written(d)[i] !== written(d)[i - 1] && 10 ** (6 - d) <= Math.abs(v - values[i - 1]!) / 10));
    const fewest = [0, 1, 2, 3, 4].find((d) => apart(d))!;
    // More than three digits here (the gaps are about 1M), and at most one more than telling them apart
    // needs (a P10 written beside its narrow interval raises the row by one, no more).
    expect(fewest).toBeGreaterThanOrEqual(1);
    // The P10 and P5 are also written beside their 95% intervals (the downside table, the budget at 90%
    // or 95%), with the decimals that tell the interval's ends apart; the row reads at those, raised by
    // one decimal at most (interval-format.ts's statement). Worked out here from the intervals.
    const endsApart = (k: 'p5' | 'p10') => {
      const [lo, hi] = revenue.percentileIntervals[k] as [number, number];
      return [0, 1, 2, 3, 4, 5, 6].find((d) => (lo / 1e6).toFixed(d) !== (hi / 1e6).toFixed(d)) ?? 0;
    };
    const beside = Math.max(endsApart('p10'), endsApart('p5'));
    expect(decimals, `fewest ${fewest}, beside an interval ${beside}`).toBe(Math.min(fewest + 1, Math.max(fewest, beside)));
    // This run's narrow P10 interval raises the row (so the rule is exercised, not only its cap).
    expect(beside).toBeGreaterThan(fewest);
    // And the row's P10 reads as the downside table writes it beside its interval.
    const downside = /Recognized revenue: 1-in-10 year \(P10\)<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td>/.exec(html)!;
    expect(downside[1]).toBe(cells[1]);
    expect(downside[2]).toMatch(new RegExp(`^\\[\\$[\\d.]+M, \\$[\\d.]+M\\]$`));
    // Never finer than the leading digit of the widest 95% Monte Carlo half-width of the row's figures.
    const halves = [1.96 * revenue.standardError, ...(['p10', 'p50', 'p90'] as const).map((k) => (revenue.percentileIntervals[k][1] - revenue.percentileIntervals[k][0]) / 2)];
    expect(10 ** (6 - decimals)).toBeGreaterThanOrEqual(10 ** Math.floor(Math.log10(Math.max(...halves))));
    const paragraph = /<p class="summary-paragraph">([^<]*)<\/p>/.exec(html)![1]!;
    expect(paragraph).toContain(`between ${cells[1]} (P10) and ${cells[3]} (P90)`);
    // The percentile convention's line above them names the same P10 and P90 (it read $111M and $114M).
    expect(html).toContain(`P10 revenue (${cells[1]}) is the figure the year falls short of one time in ten; P90 (${cells[3]})`);

    // The charts label the same figures as the tables write them: the revenue distribution's lines
    // read P10 $111M, P50 $112M, Mean $112M and a budget of $112M beside a budget table's $111.79M.
    const chart = (name: string) => JSON.parse(readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8')).datasets;
    const markers = Object.fromEntries((chart('revenue-distribution').markers as Array<{ key: string; text: string }>).map((m) => [m.key, m.text]));
    expect([markers.mean, markers.p10, markers.p50, markers.p90]).toEqual([`Mean ${cells[0]}`, `P10 ${cells[1]}`, `P50 ${cells[2]}`, `P90 ${cells[3]}`]);
    const budgetCell = /<th scope="row">Recognized revenue<\/th><td class="num">([^<]*)<\/td><td class="num">\[/.exec(html.slice(html.indexOf('<h3>Budget at')))![1]!;
    expect(budgetCell).toMatch(/^\$111\.\d\dM$/);
    expect(markers.budget).toBe(`Budget at 80% confidence (P20) ${budgetCell}`);
    // The tornado: its P50 line as the headline's, and every bar's two ends told apart (each read
    // $112M to $113M, swings of 0.8M and 0.3M alike).
    const tornado = chart('tornado');
    expect(tornado.centre[0].text).toBe(`P50 ${cells[2]}`);
    const bars = tornado.bars as Array<{ low: number; high: number; leftText: string; rightText: string }>;
    expect(bars.length).toBeGreaterThan(3);
    for (const b of bars) expect(b.leftText).not.toBe(b.rightText);
    expect(new Set(bars.map((b) => `${b.leftText}-${b.rightText}`)).size).toBe(bars.length);
    // The breakdown chart's tiers: each mean as the by-tier table's row writes it (SMB read $22M
    // beside the table's $21.96M).
    const tierMeans = (chart('breakdown').tiers as Array<{ label: string; text: string }>).map((t) => {
      const cell = new RegExp(`<th scope="row" class="indent">${t.label}</th><td class="num">([^<]*)</td>`).exec(html.slice(html.indexOf('Each metric by tier')))![1]!;
      return [t.text, cell];
    });
    expect(tierMeans.length).toBe(3);
    for (const [text, cell] of tierMeans) expect(text).toBe(cell);
    expect(tierMeans.some(([, cell]) => /\.\d\dM$/.test(cell!))).toBe(true);
    // The bad-years chart: the worst 10%'s mean as the downside table writes it, against the headline's
    // mean ('mean $111M against $112M' above a shortfall of $1.42M).
    const worst = /Recognized revenue: Mean of the worst 10% \(expected shortfall\)<\/th><td class="num">([^<]*)<\/td>/.exec(html)![1]!;
    expect(worst).toMatch(/^\$111\.\d+M$/);
    const badYears = JSON.parse(readFileSync(join(out, 'charts', 'bad-years.vl.json'), 'utf8'));
    expect(badYears.title.subtitle[0]).toContain(`(mean ${worst} against ${cells[0]})`);
  }, 120_000);
});
