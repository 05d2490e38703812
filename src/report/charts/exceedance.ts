import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../analysis/summarize.js';
import { METRIC_LABELS } from '../../model/components.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, moneyAxis, type ChartContext } from './chart-context.js';
import { exceedanceCurve, nonEmptySpan } from './downsample.js';

/** The metrics drawn, with their colours (Okabe-Ito blue and orange). */
const CURVES = [
  { metric: 'revenue', color: OKABE_ITO.blue },
  { metric: 'endingArr', color: OKABE_ITO.orange },
] as const;

/** Sorted per-trial values of the metrics the curves are drawn from. */
export interface ExceedanceInput {
  readonly revenue: ArrayLike<number>;
  readonly endingArr: ArrayLike<number>;
}

/**
 * Chart 2: exceedance curves, P(metric >= x) against x, for recognized revenue and ending ARR:
 * the curve a board reads "how likely is at least x" from. Each curve is 101 points at evenly
 * spaced probabilities; it crosses 90% at P10, 50% at P50 and 10% at P90 (marked with dots).
 *
 * @example exceedanceSpec(summary, { revenue: sortedRevenue, endingArr: sortedArr }, ctx)
 * Complexity: O(points).
 */
export function exceedanceSpec(summary: Summary, sorted: ExceedanceInput, ctx: ChartContext): TopLevelSpec {
  const curve = CURVES.flatMap(({ metric }) =>
    exceedanceCurve(sorted[metric], 100).map((p) => ({ metric: METRIC_LABELS[metric], value: p.value, probability: p.probability })),
  );
  const marks = CURVES.flatMap(({ metric }) =>
    (['p10', 'p50', 'p90'] as const).map((p) => ({
      metric: METRIC_LABELS[metric],
      percentile: p.toUpperCase(),
      value: summary.metrics[metric].percentiles[p],
      probability: 1 - Number(p.slice(1)) / 100,
    })),
  );
  // The axis spans P1 to P99 of both metrics: the extreme 1% tails would squeeze the rest.
  const [lo, hi] = nonEmptySpan(
    Math.min(...CURVES.map(({ metric }) => summary.metrics[metric].percentiles.p1)),
    Math.max(...CURVES.map(({ metric }) => summary.metrics[metric].percentiles.p99)),
  );
  const color = {
    field: 'metric',
    type: 'nominal',
    scale: { domain: CURVES.map((c) => METRIC_LABELS[c.metric]), range: CURVES.map((c) => c.color) },
    legend: { title: null },
  } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      'How likely is at least x?',
      'Chance that next year’s recognized revenue, or the ARR at its end, reaches at least x.',
      'Each curve crosses 90% at its P10, 50% at its P50 and 10% at its P90 (dots).',
      'The axis spans P1 to P99.',
    ),
    width: 620,
    height: 260,
    config: CHART_CONFIG,
    datasets: { curve, marks },
    encoding: {
      x: { field: 'value', type: 'quantitative', scale: { zero: false, domain: [lo, hi], nice: false }, axis: moneyAxis(ctx, null) },
      y: {
        field: 'probability',
        type: 'quantitative',
        scale: { domain: [0, 1] },
        axis: { title: 'Chance of at least x', format: '.0%', values: [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] },
      },
      color,
    },
    layer: [
      { data: { name: 'curve' }, mark: { type: 'line', strokeWidth: 2, interpolate: 'linear', clip: true } },
      { data: { name: 'marks' }, mark: { type: 'point', filled: true, size: 45, opacity: 1 } },
    ],
  };
}
