import type { TopLevelSpec } from 'vega-lite';
import { yearsWords } from '../forecast-kind-words.js';
import type { Summary } from '../../analysis/summarize.js';
import type { TrialStore } from '../../engine/trial-store.js';
import { arrBridgeSpec } from './arr-bridge.js';
import { breakdownSpec } from './breakdown.js';
import { capacitySpec } from './capacity.js';
import { chartContext } from './chart-context.js';
import { selectedOrder } from './column-order.js';
import { EXCEEDANCE_PROBABILITIES, exceedanceSpec, exceedanceTargets } from './exceedance.js';
import { monthlyFanSpec, type MonthlyPlan } from './monthly-fan.js';
import { budgetLabel, marksFromSummary, REVENUE_DISTRIBUTION_PROBABILITIES, revenueDistributionSpec, type RevenueMarks } from './revenue-distribution.js';
import { tornadoSpec } from './tornado.js';
import { badYearsSpec } from './bad-years.js';
import type { ChartName } from '../report-files.js';

/** A chart of the report: its file name (charts/NAME.vl.json, charts/NAME.svg), what it shows, its spec. */
export interface ChartDefinition {
  /** One of CHART_NAMES: a name not there would make the report's own files foreign to it (output-entries.ts). */
  readonly name: ChartName;
  /** One line saying what the chart shows, for the HTML report (its caption and the SVG's label). */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** The per-trial columns the charts read. */
export type ChartColumns = Pick<TrialStore, 'column'>;

/** The keys of the per-trial columns buildCharts reads (the distribution and exceedance charts'). */
export const CHART_COLUMNS = ['revenue', 'endingArr'] as const;

/** What the charts draw beyond the summary. */
export interface ChartOptions {
  /**
   * Target and budget lines of the revenue distribution. Default: from the summary (its first
   * company-wide revenue target, and the revenue budget at its confidence); given, it replaces
   * them whole ({} draws neither).
   */
  readonly marks?: RevenueMarks;
  /** The plan month by month (the scenario's `targets.monthly`). Default: the plan the summary tested (`decisions.monthlyPlan`). */
  readonly monthlyPlan?: MonthlyPlan;
}

/** The monthly plan a summary was tested against, as the scenario wrote it. */
export function monthlyPlanOf(summary: Summary): MonthlyPlan | undefined {
  const months = summary.decisions.monthlyPlan;
  if (!months || months.length !== 12) return undefined;
  const mrr = months.every((m) => m.mrr) ? months.map((m) => m.mrr!.plan) : undefined;
  const cumulativeRevenue = months.every((m) => m.cumulativeRevenue) ? months.map((m) => m.cumulativeRevenue!.plan) : undefined;
  if (!mrr && !cumulativeRevenue) return undefined;
  return { ...(mrr ? { mrr } : {}), ...(cumulativeRevenue ? { cumulativeRevenue } : {}) };
}

/**
 * Every chart of a run, in the order the report shows them. The distribution and exceedance
 * charts read the per-trial revenue and ending ARR (their values at the ranks read, selected once);
 * the others read the summary.
 * The revenue distribution carries the target and budget lines, the exceedance curves the targets'
 * probabilities, the fan chart the monthly plan; the tornado is left out when no driver varies, the
 * bad years when no component varies,
 * and the sales capacity chart when no tier has reps.
 *
 * @example buildCharts(summary, sim.store).map((c) => c.name)
 * Complexity: O(trials): of each column, the values at the ranks the charts read are selected (column-order.ts).
 */
export function buildCharts(summary: Summary, columns: ChartColumns, options: ChartOptions = {}): ChartDefinition[] {
  const ctx = chartContext(summary);
  const marks = options.marks ?? marksFromSummary(summary);
  const plan = options.monthlyPlan ?? monthlyPlanOf(summary);
  const tornado = tornadoSpec(summary, ctx);
  const capacity = capacitySpec(summary, ctx);
  const bad = badYearsSpec(summary, ctx);
  const lines = [...(marks.target !== undefined ? ['target'] : []), ...(marks.budget ? [budgetLabel(marks.budget.confidence).replace(/^Budget/, 'budget')] : [])];
  // The ranks the two charts read of each column, selected in one go (no column sorted whole).
  const column = (key: (typeof CHART_COLUMNS)[number], probabilities: readonly number[]) => {
    const c = columns.column(key);
    if (!c) throw new Error(`no per-trial values for ${key}`);
    return selectedOrder(c, probabilities);
  };
  const revenue = column('revenue', [...REVENUE_DISTRIBUTION_PROBABILITIES, ...EXCEEDANCE_PROBABILITIES]);
  const endingArr = column('endingArr', EXCEEDANCE_PROBABILITIES);
  return [
    {
      name: 'revenue-distribution',
      caption: `Distribution of ${yearsWords(summary)} recognized revenue, with P10, P50, P90 and the mean${lines.length > 0 ? `, and the ${lines.join(' and the ')}` : ''}.`,
      spec: revenueDistributionSpec(summary, revenue, ctx, marks),
    },
    {
      name: 'exceedance',
      caption: `Chance that recognized revenue and ending ARR reach at least a given amount${exceedanceTargets(summary).length > 0 ? ', with the chance of reaching each target' : ''}.`,
      spec: exceedanceSpec(summary, { revenue, endingArr }, ctx),
    },
    {
      name: 'monthly-fan',
      caption: `MRR and cumulative recognized revenue by fiscal month: median and percentile bands${plan ? ', and the plan' : ''}.`,
      spec: monthlyFanSpec(summary, ctx, plan),
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
    ...(tornado
      ? [
          {
            name: 'tornado' as const,
            caption: 'What moves recognized revenue most: its median with each driver’s own draw at its P10 and at its P90, the others as drawn, and each driver’s share of the variance.',
            spec: tornado,
          },
        ]
      : []),
    ...(bad
      ? [
          {
            name: 'bad-years' as const,
            caption: 'Where the worst 10% of years come from: each component’s share of the revenue shortfall, and each driver’s average own percentile.',
            spec: bad,
          },
        ]
      : []),
    ...(capacity
      ? [
          {
            name: 'capacity' as const,
            caption: `Ramped-rep equivalents by fiscal month for each tier with reps: P10–P90 band and P50 line (${ctx.convention}).`,
            spec: capacity,
          },
        ]
      : []),
  ];
}
