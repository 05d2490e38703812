import type { TopLevelSpec } from 'vega-lite';
import type { Stat } from '../../analysis/describe.js';
import type { MonthSummary, Summary } from '../../analysis/summarize.js';
import type { Targets } from '../../scenario/targets-schema.js';
import { BAND_BLUES, CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, moneyAxis, type ChartContext } from './chart-context.js';

/** The nested bands, widest first (drawn first, so narrower ones sit on top). */
export const FAN_BANDS = [
  { name: 'P5–P95', lo: 'p5', hi: 'p95' },
  { name: 'P10–P90', lo: 'p10', hi: 'p90' },
  { name: 'P25–P75', lo: 'p25', hi: 'p75' },
] as const;

const MEDIAN = 'P50 (median)';
/** The legend entry of the plan line. */
export const PLAN = 'Plan';

/** The scenario's plan month by month (`targets.monthly`): MRR and/or cumulative revenue, 12 values each. */
export type MonthlyPlan = NonNullable<Targets['monthly']>;

/** The plan line of one series: one row per fiscal month, or none when the plan does not give it. */
export function planRows(monthly: readonly MonthSummary[], plan: MonthlyPlan | undefined, metric: FanMetric): Array<{ month: number; label: string; band: string; value: number }> {
  const values = plan?.[metric];
  if (!values) return [];
  return monthly.map((m) => ({ month: m.month, label: m.label, band: PLAN, value: values[m.month - 1]! }));
}

/** The monthly series a fan is drawn for. */
export const FAN_METRICS = [
  { key: 'mrr', title: 'MRR (live ARR / 12)' },
  { key: 'cumulativeRevenue', title: 'Cumulative recognized revenue' },
] as const;
export type FanMetric = (typeof FAN_METRICS)[number]['key'];

export interface FanBandRow {
  readonly month: number;
  readonly label: string;
  readonly band: string;
  readonly lo: number;
  readonly hi: number;
}

/** A fan's band rows (3 per month) and median rows (1 per month) for one series. */
export function fanData(monthly: readonly MonthSummary[], metric: FanMetric): { bands: FanBandRow[]; median: Array<{ month: number; label: string; band: string; value: number }> } {
  const stat = (m: MonthSummary): Stat => m[metric];
  return {
    bands: FAN_BANDS.flatMap((b) =>
      monthly.map((m) => ({ month: m.month, label: m.label, band: b.name, lo: stat(m).percentiles[b.lo], hi: stat(m).percentiles[b.hi] })),
    ),
    median: monthly.map((m) => ({ month: m.month, label: m.label, band: MEDIAN, value: stat(m).percentiles.p50 })),
  };
}

/**
 * Chart 3: monthly fan charts of MRR and of cumulative recognized revenue, side by side: nested
 * P5-P95, P10-P90 and P25-P75 bands and the median line, by fiscal month (labelled with the
 * calendar month's name), from `summary.monthly`. With a monthly plan (the scenario's
 * `targets.monthly`), its line is drawn dashed over the fan, labelled "Plan".
 *
 * @example monthlyFanSpec(summary, ctx).hconcat[0].datasets
 * Complexity: O(12 x bands).
 */
export function monthlyFanSpec(summary: Summary, ctx: ChartContext, plan?: MonthlyPlan): TopLevelSpec {
  const labels = summary.monthly.map((m) => m.label);
  const hasPlan = FAN_METRICS.some((m) => plan?.[m.key] !== undefined);
  const domain = [...FAN_BANDS.map((b) => b.name), MEDIAN, ...(hasPlan ? [PLAN] : [])];
  const range = [...BAND_BLUES, ...(hasPlan ? [OKABE_ITO.vermillion] : [])];
  const color = { field: 'band', type: 'nominal', scale: { domain, range }, legend: { title: null } } as const;
  const x = { field: 'label', type: 'ordinal', sort: labels, axis: { title: 'Fiscal month', labelAngle: 0 }, scale: { padding: 0.2 } } as const;
  const datasets: Record<string, unknown[]> = {};
  const panel = (metric: FanMetric, title: string) => {
    const { bands, median } = fanData(summary.monthly, metric);
    const planned = planRows(summary.monthly, plan, metric);
    datasets[`${metric}Bands`] = bands;
    datasets[`${metric}Median`] = median;
    if (planned.length > 0) datasets[`${metric}Plan`] = planned;
    return {
      title: { text: title, fontSize: 12, anchor: 'start' as const },
      width: 290,
      height: 220,
      layer: [
        // One layer per band, widest first, so the narrower bands are drawn over it.
        ...FAN_BANDS.map((b) => ({
          data: { name: `${metric}Bands` },
          transform: [{ filter: `datum.band === '${b.name}'` }],
          mark: { type: 'area' as const, opacity: 1 },
          encoding: {
            x,
            y: { field: 'lo', type: 'quantitative' as const, stack: null, scale: { zero: false }, axis: moneyAxis(ctx, null) },
            y2: { field: 'hi' },
            color,
          },
        })),
        {
          data: { name: `${metric}Median` },
          mark: { type: 'line' as const, strokeWidth: 2 },
          encoding: { x, y: { field: 'value', type: 'quantitative' as const }, color },
        },
        ...(planned.length > 0
          ? [
              {
                data: { name: `${metric}Plan` },
                mark: { type: 'line' as const, strokeWidth: 2, strokeDash: [6, 3], point: { filled: true, size: 22 } },
                encoding: { x, y: { field: 'value', type: 'quantitative' as const }, color },
              },
            ]
          : []),
      ],
    };
  };
  const hconcat = FAN_METRICS.map((m) => panel(m.key, m.title));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      'Month by month',
      'MRR of each fiscal month, and recognized revenue to date: the median and the nested bands.',
      ...(hasPlan ? ['The dashed line is the plan.'] : []),
    ),
    config: CHART_CONFIG,
    datasets: datasets as TopLevelSpec['datasets'],
    hconcat,
    resolve: { scale: { color: 'shared' } },
  } as TopLevelSpec;
}
