import type { TopLevelSpec } from 'vega-lite';
import type { Comparison } from '../../analysis/compare.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, moneyAxis } from './chart-context.js';
import { comparisonContext, scenarioLegend } from './comparison.js';
import { histogram, nonEmptySpan, quantileSorted } from './downsample.js';

const COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, OKABE_ITO.black, OKABE_ITO.yellow];

/**
 * Each compared scenario's recognized revenue as a histogram outline, overlaid on one axis with the
 * same bins (P0.5 to P99.5 of all scenarios together), share of simulated years on y; a dashed rule
 * at each scenario's P50. `sortedRevenue[i]` is scenario i's per-trial revenue, sorted ascending.
 *
 * @example comparisonDistributionSpec(comparison, sims.map((s) => sortedFinite(s.store.column('revenue')!)))
 * Complexity: O(scenarios x (trials + bins)).
 */
export function comparisonDistributionSpec(comparison: Comparison, sortedRevenue: ReadonlyArray<ArrayLike<number>>): TopLevelSpec {
  const ctx = comparisonContext(comparison);
  const names = comparison.scenarios.map((s) => `${s.label}: ${s.name}`);
  const [lo, hi] = nonEmptySpan(
    Math.min(...sortedRevenue.map((s) => quantileSorted(s, 0.005))),
    Math.max(...sortedRevenue.map((s) => quantileSorted(s, 0.995))),
  );
  const bins = sortedRevenue.flatMap((sorted, i) =>
    histogram(sorted, 40, [lo, hi]).flatMap((b) => [{ scenario: names[i]!, value: (b.start + b.end) / 2, share: b.share }]),
  );
  const medians = comparison.metrics.revenue.scenarios.map((s, i) => ({ scenario: names[i]!, value: s.percentiles.p50 }));
  const color = {
    field: 'scenario',
    type: 'nominal' as const,
    scale: { domain: names, range: names.map((_, i) => COLOURS[i % COLOURS.length]!) },
    legend: scenarioLegend(names, 620),
  };
  const x = { field: 'value', type: 'quantitative' as const, scale: { domain: [lo, hi], nice: false, zero: false }, axis: moneyAxis(ctx, 'Recognized revenue') };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(ctx, 'Scenarios compared: distribution of recognized revenue', 'Share of simulated years in each band of revenue, the same bands for every scenario; dashed: each scenario’s P50.'),
    config: CHART_CONFIG,
    width: 620,
    height: 240,
    datasets: { bins, medians },
    layer: [
      {
        data: { name: 'bins' },
        mark: { type: 'line', interpolate: 'step', strokeWidth: 2 },
        encoding: { x, y: { field: 'share', type: 'quantitative', axis: { title: 'Share of simulated years', format: '.0%' } }, color },
      },
      { data: { name: 'medians' }, mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { x: { field: 'value', type: 'quantitative' }, color } },
    ],
  } as TopLevelSpec;
}
