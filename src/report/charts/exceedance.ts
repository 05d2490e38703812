import type { TopLevelSpec } from 'vega-lite';
import { yearsWords } from '../forecast-kind-words.js';
import type { Summary } from '../../analysis/summarize.js';
import { METRIC_LABELS } from '../../model/components.js';
import { chanceShort } from '../chance-words.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, exceedanceY, moneyAxis, type ChartContext } from './chart-context.js';
import { exceedanceCurveOf, exceedanceProbabilities, nonEmptySpan, type Quantiles } from './downsample.js';

/** The metrics drawn, with their colours (Okabe-Ito blue and orange). */
const CURVES = [
  { metric: 'revenue', color: OKABE_ITO.blue },
  { metric: 'endingArr', color: OKABE_ITO.orange },
] as const;

/** The per-trial values of the metrics the curves are drawn from, as far as a curve reads them: their count and quantiles (column-order.ts). */
export interface ExceedanceInput {
  readonly revenue: Quantiles;
  readonly endingArr: Quantiles;
}

/** The points of each curve (101: every whole percentage); EXCEEDANCE_PROBABILITIES are their quantiles' probabilities. */
const STEPS = 100;
export const EXCEEDANCE_PROBABILITIES: readonly number[] = exceedanceProbabilities(STEPS);

/** A target drawn on the curves: a rule at its value, and a point at P(metric >= target). */
export interface ExceedanceTarget {
  readonly metric: string;
  readonly label: string;
  readonly value: number;
  readonly probability: number;
  readonly text: string;
}

/**
 * The company-wide targets on revenue or ending ARR, each with its probability from the summary
 * (`summary.decisions.targets[i].probability.value`), in the summary's order.
 *
 * @example exceedanceTargets(summary)[0].probability === summary.decisions.targets[0].probability.value
 * Complexity: O(targets).
 */
export function exceedanceTargets(summary: Summary): ExceedanceTarget[] {
  return summary.decisions.targets
    .filter((t) => t.tier === undefined && (t.metric === 'revenue' || t.metric === 'endingArr'))
    .map((t) => ({
      metric: METRIC_LABELS[t.metric],
      label: t.label,
      value: t.value,
      probability: t.probability.value,
      // As the targets table writes it: the decimals its 95% interval takes (99.88%, not 99.9%); a
      // target no trial reaches 'under 0.4%', not a certain 0.0% (chanceShort).
      text: `${t.label}: ${chanceShort(t.probability, t.certain)}`,
    }));
}

/**
 * Chart 2: exceedance curves, P(metric >= x) against x, for recognized revenue and ending ARR:
 * the curve a board reads "how likely is at least x" from. Each curve is 101 points at evenly
 * spaced probabilities; it crosses 90% at P10, 50% at P50 and 10% at P90 (marked with dots).
 * Each company-wide target on revenue or ending ARR is a dashed rule at its value, with a labelled
 * diamond at the chance of reaching it.
 *
 * @example exceedanceSpec(summary, { revenue: selectedOrder(revenue, EXCEEDANCE_PROBABILITIES), endingArr: selectedOrder(arr, EXCEEDANCE_PROBABILITIES) }, ctx)
 * Complexity: O(points).
 */
export function exceedanceSpec(summary: Summary, columns: ExceedanceInput, ctx: ChartContext): TopLevelSpec {
  const curve = CURVES.flatMap(({ metric }) =>
    exceedanceCurveOf(columns[metric], STEPS).map((p) => ({ metric: METRIC_LABELS[metric], value: p.value, probability: p.probability })),
  );
  const marks = CURVES.flatMap(({ metric }) =>
    (['p10', 'p50', 'p90'] as const).map((p) => ({
      metric: METRIC_LABELS[metric],
      percentile: p.toUpperCase(),
      value: summary.metrics[metric].percentiles[p],
      probability: (100 - Number(p.slice(1))) / 100,
    })),
  );
  const targets = exceedanceTargets(summary);
  // The axis spans P1 to P99 of both metrics (and the targets): the extreme 1% tails would squeeze the rest.
  const p1 = Math.min(...CURVES.map(({ metric }) => summary.metrics[metric].percentiles.p1));
  const p99 = Math.max(...CURVES.map(({ metric }) => summary.metrics[metric].percentiles.p99));
  const [lo, hi] = nonEmptySpan(Math.min(p1, ...targets.map((t) => t.value)), Math.max(p99, ...targets.map((t) => t.value)));
  // A target beyond P1 or P99 widens the axis, and the subtitle says so rather than 'P1 to P99'.
  const widened = targets.some((t) => t.value < p1 || t.value > p99);
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
      `Chance that ${yearsWords(summary)} recognized revenue, or the ARR at its end, reaches at least x.`,
      'Each curve crosses 90% at its P10, 50% at its P50 and 10% at its P90 (dots).',
      ...(targets.length > 0 ? ['Dashed lines: the targets; diamonds: the chance of reaching each.'] : []),
      widened ? 'The axis spans P1 to P99, widened to reach the targets.' : 'The axis spans P1 to P99.',
    ),
    width: 620,
    height: 260,
    config: CHART_CONFIG,
    datasets: { curve, marks, ...(targets.length > 0 ? { targets } : {}) },
    encoding: {
      x: { field: 'value', type: 'quantitative', scale: { zero: false, domain: [lo, hi], nice: false }, axis: moneyAxis(ctx, `Recognized revenue or ending ARR (x), ${ctx.currency}`) },
      y: exceedanceY(),
      color,
    },
    layer: [
      { data: { name: 'curve' }, mark: { type: 'line', strokeWidth: 2, interpolate: 'linear', clip: true } },
      { data: { name: 'marks' }, mark: { type: 'point', filled: true, size: 45, opacity: 1 } },
      ...(targets.length > 0
        ? [
            {
              data: { name: 'targets' },
              mark: { type: 'rule' as const, strokeDash: [4, 3], strokeWidth: 1.5 },
              encoding: { y: { datum: 0 }, y2: { datum: 1 }, color: { value: OKABE_ITO.vermillion } },
            },
            {
              data: { name: 'targets' },
              mark: { type: 'point' as const, shape: 'diamond', filled: true, size: 110, opacity: 1, stroke: OKABE_ITO.black, strokeWidth: 1 },
            },
            {
              data: { name: 'targets' },
              mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 7, dy: -5, fontSize: 11, fontWeight: 'bold' as const },
              encoding: { text: { field: 'text' }, color: { value: OKABE_ITO.black } },
            },
          ]
        : []),
    ],
  };
}
