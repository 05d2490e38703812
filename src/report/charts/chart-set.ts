import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../analysis/summarize.js';
import type { TrialStore } from '../../engine/trial-store.js';
import { arrBridgeSpec } from './arr-bridge.js';
import { breakdownSpec } from './breakdown.js';
import { chartContext } from './chart-context.js';
import { sortedFinite } from './downsample.js';
import { exceedanceSpec } from './exceedance.js';
import { monthlyFanSpec } from './monthly-fan.js';
import { revenueDistributionSpec, type RevenueMarks } from './revenue-distribution.js';

/** A chart of the report: its file name (charts/NAME.vl.json, charts/NAME.svg), what it shows, its spec. */
export interface ChartDefinition {
  readonly name: string;
  /** One line saying what the chart shows, for the HTML report (its caption and the SVG's label). */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** The per-trial columns the charts read. */
export type ChartColumns = Pick<TrialStore, 'column'>;

/**
 * Every chart of a run, in the order the report shows them. The distribution and exceedance
 * charts read the per-trial revenue and ending ARR (sorted once); the others read the summary.
 * `marks` adds the target and budget lines to the revenue distribution.
 *
 * @example buildCharts(summary, sim.store).map((c) => c.name)
 * Complexity: O(trials log trials), the two sorts.
 */
export function buildCharts(summary: Summary, columns: ChartColumns, marks: RevenueMarks = {}): ChartDefinition[] {
  const ctx = chartContext(summary);
  const column = (key: 'revenue' | 'endingArr') => {
    const c = columns.column(key);
    if (!c) throw new Error(`no per-trial values for ${key}`);
    return sortedFinite(c);
  };
  const revenue = column('revenue');
  const endingArr = column('endingArr');
  return [
    {
      name: 'revenue-distribution',
      caption: 'Distribution of next year’s recognized revenue, with P10, P50, P90 and the mean.',
      spec: revenueDistributionSpec(summary, revenue, ctx, marks),
    },
    {
      name: 'exceedance',
      caption: 'Chance that recognized revenue and ending ARR reach at least a given amount.',
      spec: exceedanceSpec(summary, { revenue, endingArr }, ctx),
    },
    {
      name: 'monthly-fan',
      caption: 'MRR and cumulative recognized revenue by fiscal month: median and percentile bands.',
      spec: monthlyFanSpec(summary, ctx),
    },
    {
      name: 'breakdown',
      caption: 'Recognized revenue by tier and by component: means with P10–P90 whiskers.',
      spec: breakdownSpec(summary, ctx),
    },
    {
      name: 'arr-bridge',
      caption: 'ARR bridge from opening to ending ARR at the mean of every component.',
      spec: arrBridgeSpec(summary, ctx),
    },
  ];
}
