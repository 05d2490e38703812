import type { TopLevelSpec } from 'vega-lite';
import { yearsWords } from '../forecast-kind-words.js';
import type { Summary } from '../../analysis/summarize.js';
import { formatCurrency, targetAmount, type CurrencyMark } from '../money.js';
import { budgetMoney, metricRowMoney } from '../interval-format.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, moneyAxis, type ChartContext } from './chart-context.js';
import { nonEmptySpan, type HistogramBin } from './downsample.js';
import type { ColumnOrder } from './column-order.js';
import { placedMarkers } from './revenue-markers.js';
import { confidenceWords } from '../confidence-text.js';

const WIDTH = 620;
const HEIGHT = 240;

/** The values of the lines drawn, so the axis includes them. */
const markerValues = (summary: Summary, marks: RevenueMarks) => [
  summary.metrics.revenue.percentiles.p10,
  summary.metrics.revenue.percentiles.p90,
  summary.metrics.revenue.mean,
  ...(marks.target !== undefined ? [marks.target] : []),
  ...(marks.budget ? [marks.budget.value] : []),
];

/** Lines a later analysis can add to the revenue distribution (issue 5: targets, confidence budgets). */
export interface RevenueMarks {
  /** The revenue target: drawn and labelled "Target". */
  readonly target?: number;
  /**
   * The budget at a confidence level, e.g. { value: P20, confidence: 0.8 }: labelled "Budget at 80%
   * confidence (P20)", with the digits its 95% interval takes when given (as the budget table writes it).
   */
  readonly budget?: { readonly value: number; readonly confidence: number; readonly interval?: readonly [number, number] | null };
}

/**
 * How a budget is named: "Budget at 80% confidence (P20)", the confidence and the percentile it is.
 *
 * @example budgetLabel(0.8) // => 'Budget at 80% confidence (P20)'
 */
export function budgetLabel(confidence: number): string {
  const { share, percentile } = confidenceWords(confidence);
  return `Budget at ${share} confidence (${percentile})`;
}

/**
 * The marks a run's summary implies: its first company-wide revenue target (when it has one) and
 * the revenue budget at the summary's confidence (always: every summary has budgets).
 *
 * @example marksFromSummary(summary) // => { target: 120e6, budget: { value: P20, confidence: 0.8 } }
 * Complexity: O(targets).
 */
export function marksFromSummary(summary: Summary): RevenueMarks {
  const d = summary.decisions;
  const target = d.targets.find((t) => t.metric === 'revenue' && t.tier === undefined);
  const budget = d.budgets.metrics.revenue;
  return { ...(target ? { target: target.value } : {}), budget: { value: budget.value, confidence: d.confidence, interval: budget.interval } };
}

/** One labelled vertical line of the chart. */
export interface Marker {
  readonly key: 'p10' | 'p50' | 'p90' | 'mean' | 'target' | 'budget';
  readonly value: number;
  readonly text: string;
  /**
   * Where the label sits, in pixels from the top of the plot (negative: above it, where no bar
   * is), and on which side of its line: placed so labels of nearby lines do not overlap.
   */
  readonly labelY: number;
  readonly side: 'left' | 'right';
}

const MARKER_STYLE: Record<Marker['key'], { color: string; dash: number[] }> = {
  p10: { color: OKABE_ITO.blue, dash: [5, 3] },
  p50: { color: OKABE_ITO.blue, dash: [] },
  p90: { color: OKABE_ITO.blue, dash: [5, 3] },
  mean: { color: OKABE_ITO.orange, dash: [] },
  target: { color: OKABE_ITO.vermillion, dash: [2, 2] },
  budget: { color: OKABE_ITO.bluishGreen, dash: [8, 3, 2, 3] },
};

/**
 * A target as its label writes it, not rounded to three digits: 120.5M is '$120.5M', not '$121M'
 * (which reads as above a mean of $120.9M); every digit it has (targetAmount), as the label that
 * names it in the paragraph, the tables and summary.json: 120,000,000.5 is '$120.0000005M'.
 *
 * @example statedMoney(120.5e6, '$') // => '$120.5M'
 */
export const statedMoney = (value: number, symbol: CurrencyMark): string => targetAmount(value, symbol);

/**
 * The labelled lines: P10, P50, P90 and the mean, then the target and budget when given, with
 * their labels laid out above a plot of `width` pixels showing `domain`.
 */
export function revenueMarkers(summary: Summary, symbol: CurrencyMark, marks: RevenueMarks, domain: readonly [number, number], width: number): Marker[] {
  const s = summary.metrics.revenue;
  // P10, P50, P90 and the mean as report.html's headline row writes them, the budget as its budget
  // table does (the digits that tell them apart, within their Monte Carlo error): a re-forecast's
  // narrow band read P10 $111M, P50 $112M, budget $112M beside a table's $111.4M, $112.5M, $111.79M.
  const money = metricRowMoney(s, symbol);
  const lines: Array<Pick<Marker, 'key' | 'value' | 'text'>> = [
    { key: 'p10', value: s.percentiles.p10, text: `P10 ${money(s.percentiles.p10, 'p10')}` },
    { key: 'p50', value: s.percentiles.p50, text: `P50 ${money(s.percentiles.p50)}` },
    { key: 'p90', value: s.percentiles.p90, text: `P90 ${money(s.percentiles.p90)}` },
    { key: 'mean', value: s.mean, text: `Mean ${money(s.mean)}` },
  ];
  if (marks.target !== undefined) lines.push({ key: 'target', value: marks.target, text: `Target ${statedMoney(marks.target, symbol)}` });
  if (marks.budget) lines.push({ key: 'budget', value: marks.budget.value, text: `${budgetLabel(marks.budget.confidence)} ${budgetMoney(s, { value: marks.budget.value, interval: marks.budget.interval ?? null }, marks.budget.confidence, symbol)(marks.budget.value)}` });
  return placedMarkers(lines, domain, width);
}


/** The revenue quantiles the bars span: P0.5 to P99.5. */
const SPAN = [0.005, 0.995] as const;
/** The probabilities revenueDistributionSpec reads the revenue's quantiles at (its ColumnOrder's). */
export const REVENUE_DISTRIBUTION_PROBABILITIES: readonly number[] = SPAN;

/**
 * Chart 1: the distribution of next year's recognized revenue, a histogram of the share of
 * simulated years per bin, with labelled P10, P50, P90 and mean lines (and the target and budget
 * lines when given). The bins come from the per-trial revenue's order: its quantiles at
 * REVENUE_DISTRIBUTION_PROBABILITIES (the bars' span) and its values counted into bins.
 *
 * @example revenueDistributionSpec(summary, selectedOrder(store.column('revenue')!, REVENUE_DISTRIBUTION_PROBABILITIES), chartContext(summary))
 * Complexity: O(trials) for the bins; the spec holds about 40 bins and up to 6 lines.
 */
export function revenueDistributionSpec(summary: Summary, revenue: ColumnOrder, ctx: ChartContext, marks: RevenueMarks = {}): TopLevelSpec {
  // The bars span P0.5 to P99.5: the extreme 1% of years would stretch the axis and flatten the rest.
  const bins: HistogramBin[] = revenue.histogram(40, nonEmptySpan(revenue.quantile(SPAN[0]), revenue.quantile(SPAN[1])));
  const lo = Math.min(bins[0]?.start ?? Infinity, ...markerValues(summary, marks));
  const hi = Math.max(bins.at(-1)?.end ?? -Infinity, ...markerValues(summary, marks));
  const domain = nonEmptySpan(lo, hi);
  const markers = revenueMarkers(summary, ctx.symbol, marks, domain, WIDTH);
  const keys = markers.map((m) => m.key);
  const color = { field: 'key', type: 'nominal', scale: { domain: keys, range: keys.map((k) => MARKER_STYLE[k].color) }, legend: null } as const;
  const strokeDash = { field: 'key', type: 'nominal', scale: { domain: keys, range: keys.map((k) => MARKER_STYLE[k].dash) }, legend: null } as const;
  const labelY = { field: 'labelY', type: 'quantitative', scale: null } as const;
  const also = [
    ...(marks.target !== undefined ? ['the target'] : []),
    ...(marks.budget ? [`the ${budgetLabel(marks.budget.confidence).replace(/^Budget/, 'budget')}`] : []),
  ];
  const label = (filter: string, align: 'left' | 'right', dx: number) => ({
    data: { name: 'markers' },
    transform: [{ filter }],
    mark: { type: 'text' as const, align, baseline: 'middle' as const, dx, fontSize: 11, fontWeight: 'bold' as const },
    encoding: { x: { field: 'value', type: 'quantitative' as const }, y: labelY, text: { field: 'text' }, color },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      `${capitalized(yearsWords(summary))} recognized revenue`,
      'Share of simulated years in each revenue band, with P10, P50, P90 and the mean.',
      ...(also.length > 0 ? [`Also ${also.join(' and ')}.`] : []),
      'The bars span P0.5 to P99.5.',
    ),
    width: WIDTH,
    height: HEIGHT,
    config: CHART_CONFIG,
    datasets: { bins, markers },
    layer: [
      {
        data: { name: 'bins' },
        mark: { type: 'rect', color: OKABE_ITO.skyBlue, opacity: 0.75, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'start', type: 'quantitative', scale: { domain, zero: false, nice: false }, axis: moneyAxis(ctx, 'Recognized revenue') },
          x2: { field: 'end' },
          y: { field: 'share', type: 'quantitative', axis: { title: 'Share of simulated years', format: '.0%' } },
          y2: { datum: 0 },
        },
      },
      {
        data: { name: 'markers' },
        mark: { type: 'rule', strokeWidth: 2 },
        // From its label above the plot down to the axis.
        encoding: { x: { field: 'value', type: 'quantitative' }, y: labelY, y2: { value: HEIGHT }, color, strokeDash },
      },
      label("datum.side === 'left'", 'right', -4),
      label("datum.side === 'right'", 'left', 4),
    ],
  };
}

/** A phrase with its first letter upper case. */
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
