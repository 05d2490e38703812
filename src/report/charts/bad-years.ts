import type { CurrencyMark } from '../money.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../analysis/summarize.js';
import { COMPONENT_LABELS } from '../../model/components.js';
import { formatCurrency } from '../money.js';
import { wholePercentDigits } from '../format.js';
import { formatMoneyBeside, metricRowMoney } from '../interval-format.js';
import { BY_ROW_ORDER, distinctLabels } from './row-order.js';
import { farthestFromOrdinary } from '../../analysis/bad-year-drivers.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, LABEL_PX_PER_CHAR, chartTitle, type ChartContext } from './chart-context.js';
import { badYearsShare } from '../bad-years-share.js';

/** How many drivers the bad-years chart shows: those farthest from an ordinary year, either way, lowest average percentile first. */
export const BAD_YEAR_DRIVERS = 10;

/** The report's column, which a chart must fit. */
const PAGE_PX = 900;

export interface BadYearComponentRow {
  /** Its row, top to bottom (the axis sorts by it: see row-order.ts). */
  readonly order: number;
  readonly label: string;
  /** Share of the bad years' revenue shortfall this component carries. */
  readonly share: number;
  readonly text: string;
}

export interface BadYearDriverRow {
  /** Its row, top to bottom (the axis sorts by it: see row-order.ts). */
  readonly order: number;
  readonly label: string;
  /** Average own percentile of the driver in the bad years (0.5: an ordinary year). */
  readonly percentile: number;
  /** -/+ 2 standard errors. */
  readonly low: number;
  readonly high: number;
  readonly text: string;
}

/**
 * The bad-years chart's rows: components with a shortfall, in the ARR bridge's order, and the drivers
 * (and the market) farthest from an ordinary year's 50%, either way, in the worst 10% of years.
 * Complexity: O(drivers log drivers + components).
 */
export function badYearRows(summary: Summary, symbol: CurrencyMark): { components: BadYearComponentRow[]; drivers: BadYearDriverRow[] } {
  const b = summary.badYears.metrics.revenue;
  const components = b.components
    .filter((c) => c.shortfall !== 0)
    // The share as report.html's bad-years table and the terminal's write it (badYearsShare): whole
    // percents read 100% for 99.99% of the shortfall and 0% for a component that carries some of it.
    .map((c, order) => ({ order, label: COMPONENT_LABELS[c.component], share: c.share, text: `${badYearsShare(c.share)} (${formatCurrency(c.shortfall, symbol)})` }));
  // Each driver's row on the axis, distinct even when two drivers' labels read alike.
  // Those farthest from 50% either way: a contraction probability sitting high is a cause too.
  const shown = farthestFromOrdinary(b.drivers, BAD_YEAR_DRIVERS);
  const labels = distinctLabels(shown.map((d) => d.label));
  const drivers = shown.map((d, order) => ({
    order,
    label: labels[order]!,
    percentile: d.meanPercentile,
    // No whisker for a standard error not estimable (a single bad year): NaN draws none.
    low: d.meanPercentile - 2 * (d.standardError ?? NaN),
    high: d.meanPercentile + 2 * (d.standardError ?? NaN),
    text: `P${wholePercentDigits(d.meanPercentile)}`,
  }));
  return { components, drivers };
}

/**
 * Chart 7: where the bad years come from. In the worst 10% of simulated years of recognized revenue:
 * the share of the shortfall from the average year each component carries, and each driver's
 * average own percentile (a rule at 50%, an ordinary year; whiskers -/+ 2 standard errors).
 *
 * @example badYearsSpec(summary, ctx).vconcat.length // => 2 (1 when no driver varies)
 * Complexity: O(drivers + components).
 */
export function badYearsSpec(summary: Summary, ctx: ChartContext): TopLevelSpec | undefined {
  const { components, drivers } = badYearRows(summary, ctx.symbol);
  if (components.length === 0) return undefined;
  const b = summary.badYears.metrics.revenue;
  const pct = wholePercentDigits(summary.badYears.share);
  const width = (labels: readonly string[]) => Math.ceil(Math.max(...labels.map((l) => l.length)) * LABEL_PX_PER_CHAR) + 8;
  const y = (rows: ReadonlyArray<{ label: string }>) => ({ field: 'label', type: 'nominal' as const, sort: BY_ROW_ORDER, axis: { title: null, labelLimit: width(rows.map((r) => r.label)) } });
  // The panels give up width to long labels, so the chart stays within the page: its 900 px less the
  // padding either side, the axis labels on the left and, on the right, the value written past the
  // longest bar or whisker, which can end at the panel's edge ("74.4% ($8.71M)" took 99 px past it,
  // and a 39-character driver label drew the chart 903 px wide when 110 px were left for both).
  const labels = Math.max(width(components.map((r) => r.label)), drivers.length > 0 ? width(drivers.map((r) => r.label)) : 0);
  const pastEdge = width([...components, ...drivers].map((r) => r.text));
  const panelWidth = Math.max(300, Math.min(440, PAGE_PX - 2 * CHART_CONFIG.padding - labels - pastEdge));
  const componentPanel = {
    title: { text: `Share of the shortfall (${formatCurrency(b.mean - b.worstMean, ctx.symbol)} below the average year) by component`, fontSize: 12, anchor: 'start' as const },
    width: panelWidth,
    height: { step: 26 },
    data: { name: 'components' },
    layer: [
      {
        mark: { type: 'bar' as const, height: { band: 0.65 }, color: OKABE_ITO.vermillion },
        encoding: { y: y(components), x: { field: 'share', type: 'quantitative' as const, axis: { title: 'Share of the shortfall', format: '.0%' } } },
      },
      {
        mark: { type: 'text' as const, align: 'left' as const, dx: 6, fontSize: 11, color: '#222' },
        encoding: { y: y(components), x: { field: 'share', type: 'quantitative' as const }, text: { field: 'text' } },
      },
    ],
  };
  const x = { type: 'quantitative' as const, scale: { domain: [0, 1] } };
  const driverPanel = {
    title: { text: 'Each driver’s average own percentile (50% = an ordinary year)', fontSize: 12, anchor: 'start' as const },
    width: panelWidth,
    height: { step: 26 },
    data: { name: 'drivers' },
    layer: [
      {
        mark: { type: 'rule' as const, color: '#222', strokeWidth: 1.5 },
        encoding: { y: y(drivers), x: { field: 'low', ...x, axis: { title: 'Average percentile in the bad years, -/+ 2 se', format: '.0%' } }, x2: { field: 'high' } },
      },
      { mark: { type: 'point' as const, filled: true, size: 60, color: OKABE_ITO.blue }, encoding: { y: y(drivers), x: { field: 'percentile', ...x } } },
      { mark: { type: 'text' as const, align: 'left' as const, dx: 8, fontSize: 11, color: '#222' }, encoding: { y: y(drivers), x: { field: 'high', ...x }, text: { field: 'text' } } },
      { data: { values: [{ mid: 0.5 }] }, mark: { type: 'rule' as const, color: '#888', strokeDash: [4, 3] }, encoding: { x: { field: 'mid', ...x } } },
    ],
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      'Where the bad years come from',
      // The bad years' mean as the downside table writes the worst 10%'s, the mean as the headline
      // row: a re-forecast's read 'mean $111M against $112M' above a shortfall of $1.42M.
      `The worst ${pct}% of simulated years of recognized revenue (mean ${badYearsMean(summary, ctx.symbol)} against ${metricRowMoney(summary.metrics.revenue, ctx.symbol)(b.mean)}).`,
      // Short lines: the headless renderer sizes the chart by an estimate of each line's width.
      'What each component loses against the average year,',
      'and where each driver’s own draw and the market sat.',
    ),
    config: CHART_CONFIG,
    datasets: { components, ...(drivers.length > 0 ? { drivers } : {}) },
    vconcat: [componentPanel, ...(drivers.length > 0 ? [driverPanel] : [])],
  } as TopLevelSpec;
}

/**
 * The bad years' mean revenue as the caption writes it: where they are the downside table's worst
 * 10% (the same trials), its mean beside the interval centred on it; where the attribution read
 * only the leading trials, their own mean, whose interval that of the whole run is not.
 */
export function badYearsMean(summary: Summary, symbol: CurrencyMark): string {
  const down = summary.decisions.downside.revenue;
  const same = summary.badYears.trialsUsed === summary.trials && summary.badYears.share === 0.1;
  return same ? formatMoneyBeside(down.worst10Mean, down.worst10Interval, symbol) : formatMoneyBeside(summary.badYears.metrics.revenue.worstMean, null, symbol);
}
