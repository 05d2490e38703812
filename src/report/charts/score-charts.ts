import type { TopLevelSpec } from 'vega-lite';
import { METRIC_LABELS, type Metric } from '../../model/components.js';
import type { ScoreResult } from '../../scoring/score-forecasts.js';
import { pitRangeHistogram } from '../../scoring/calibration.js';
import { OKABE_ITO } from './chart-context.js';

const METRIC_COLOURS: Record<Metric, string> = { revenue: OKABE_ITO.blue, bookings: OKABE_ITO.orange, endingArr: OKABE_ITO.bluishGreen };
const metricScale = (metrics: readonly Metric[]) => ({
  domain: metrics.map((m) => METRIC_LABELS[m]),
  range: metrics.map((m) => METRIC_COLOURS[m]),
});

/**
 * The PIT histogram across reports and tiers: how many outcomes fell in each tenth of their
 * forecast, stacked by metric, against the count a calibrated forecast expects (n / 10). A U shape
 * means bands too narrow, a hump too wide, a slope a biased centre.
 *
 * Complexity: O(outcomes).
 */
export function pitHistogramSpec(result: ScoreResult): TopLevelSpec {
  // Each outcome's weight in each tenth: 1 in its bin, or spread over its PIT's range where trials tie with it (calibration.ts).
  const rows = result.outcomes.flatMap((o) =>
    pitRangeHistogram([o.pitRange], 10).flatMap((weight, b) => (weight > 0 ? [{ bin: b / 10, weight, metric: METRIC_LABELS[o.metric] }] : [])),
  );
  const metrics = Object.keys(result.byMetric) as Metric[];
  const n = result.outcomes.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Where the outcomes fell in their forecasts (PIT histogram)', subtitle: `${n} outcome${n === 1 ? '' : 's'}; flat = calibrated (dashed: n / 10 per bin). PIT = the forecast's percentile of the outcome; Px = x% chance of coming in below.` },
    width: 480,
    height: 220,
    datasets: { outcomes: rows },
    layer: [
      {
        data: { name: 'outcomes' },
        mark: { type: 'bar', binSpacing: 1 },
        encoding: {
          x: { field: 'bin', type: 'quantitative', bin: { extent: [0, 1], step: 0.1 }, title: 'PIT (percentile of the outcome in its forecast)', axis: { format: '.0%' } },
          y: { aggregate: 'sum', field: 'weight', type: 'quantitative', title: 'outcomes', axis: { tickMinStep: 1, format: '~g' } },
          color: { field: 'metric', type: 'nominal', scale: metricScale(metrics), title: 'metric' },
        },
      },
      {
        data: { values: [{ expected: n / 10 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: OKABE_ITO.black },
        encoding: { y: { field: 'expected', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

/**
 * The calibration chart across reports and tiers: for each nominal percentile Pτ, the share of
 * outcomes that fell below their forecast's Pτ, against the diagonal a calibrated forecast follows,
 * with its ±2 standard-error band (binomial, √(τ(1 − τ)/n)).
 *
 * Complexity: O(levels).
 */
export function calibrationSpec(result: ScoreResult): TopLevelSpec {
  const points = result.all.calibration.map((p) => ({
    level: p.level,
    observed: p.observed,
    lo: Math.max(0, p.level - 2 * p.standardError),
    hi: Math.min(1, p.level + 2 * p.standardError),
  }));
  const n = result.outcomes.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Calibration: share of outcomes below each forecast percentile', subtitle: `${n} outcome${n === 1 ? '' : 's'}; calibrated forecasts follow the diagonal, within the shaded ±2 standard errors. Px = x% chance of coming in below.` },
    width: 320,
    height: 320,
    datasets: { points },
    layer: [
      {
        data: { name: 'points' },
        mark: { type: 'area', opacity: 0.25, color: OKABE_ITO.skyBlue },
        encoding: {
          x: { field: 'level', type: 'quantitative', scale: { domain: [0, 1] }, title: 'forecast percentile (nominal)', axis: { format: '.0%' } },
          y: { field: 'lo', type: 'quantitative', scale: { domain: [0, 1] }, title: 'share of outcomes below it', axis: { format: '.0%' } },
          y2: { field: 'hi' },
        },
      },
      {
        data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: OKABE_ITO.black },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      {
        data: { name: 'points' },
        mark: { type: 'line', point: true, color: OKABE_ITO.vermillion },
        encoding: {
          x: { field: 'level', type: 'quantitative' },
          y: { field: 'observed', type: 'quantitative' },
          tooltip: [{ field: 'level', format: '.0%' }, { field: 'observed', format: '.1%' }],
        },
      },
    ],
  } as TopLevelSpec;
}
