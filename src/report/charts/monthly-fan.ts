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
/** A re-forecast's legend entries: the closed months as reported, and the plan run's P10-P90 band (--plan). */
export const ACTUAL = 'Actual';
export const PLAN_BAND = 'P10–P90 at plan';

/** The actual line of a re-forecast: the closed months' MRR, and revenue to date (the sum of their MRR). */
export function actualRows(summary: Summary, metric: FanMetric): Array<{ month: number; label: string; band: string; value: number }> {
  const r = summary.reforecast;
  if (!r) return [];
  let cumulative = 0;
  return r.actuals.mrr.map((mrr, i) => {
    cumulative += mrr;
    return { month: i + 1, label: summary.monthly[i]!.label, band: ACTUAL, value: metric === 'mrr' ? mrr : cumulative };
  });
}

/** The plan run's P10-P90 band of a re-forecast given --plan (its summary's monthly stats). */
export function planBandRows(summary: Summary, metric: FanMetric): FanBandRow[] {
  const planned = summary.reforecast?.planMonthly;
  if (!planned) return [];
  return planned.map((m, i) => ({ month: m.month, label: summary.monthly[i]?.label ?? m.label, band: PLAN_BAND, lo: m[metric].percentiles.p10, hi: m[metric].percentiles.p90 }));
}

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
  const hasActual = summary.reforecast !== undefined;
  const hasPlanBand = summary.reforecast?.planMonthly !== undefined;
  const domain = [...FAN_BANDS.map((b) => b.name), MEDIAN, ...(hasPlan ? [PLAN] : []), ...(hasActual ? [ACTUAL] : []), ...(hasPlanBand ? [PLAN_BAND] : [])];
  const range = [...BAND_BLUES, ...(hasPlan ? [OKABE_ITO.vermillion] : []), ...(hasActual ? [OKABE_ITO.black] : []), ...(hasPlanBand ? [OKABE_ITO.orange] : [])];
  const color = { field: 'band', type: 'nominal', scale: { domain, range }, legend: { title: null } } as const;
  const x = { field: 'label', type: 'ordinal', sort: labels, axis: { title: 'Fiscal month', labelAngle: 0 }, scale: { padding: 0.2 } } as const;
  const datasets: Record<string, unknown[]> = {};
  const panel = (metric: FanMetric, title: string) => {
    const { bands, median } = fanData(summary.monthly, metric);
    const planned = planRows(summary.monthly, plan, metric);
    datasets[`${metric}Bands`] = bands;
    datasets[`${metric}Median`] = median;
    if (planned.length > 0) datasets[`${metric}Plan`] = planned;
    const actual = actualRows(summary, metric);
    const planBand = planBandRows(summary, metric);
    if (actual.length > 0) datasets[`${metric}Actual`] = actual;
    if (planBand.length > 0) datasets[`${metric}PlanBand`] = planBand;
    return {
      title: { text: title, fontSize: 12, anchor: 'start' as const },
      width: 290,
      height: 220,
      layer: [
        // A re-forecast with --plan: the plan's P10-P90 band, outlined behind the re-forecast's.
        ...(planBand.length > 0
          ? [
              {
                data: { name: `${metric}PlanBand` },
                mark: { type: 'area' as const, opacity: 0.25 },
                encoding: {
                  x,
                  y: { field: 'lo', type: 'quantitative' as const, stack: null, scale: { zero: false }, axis: moneyAxis(ctx, null) },
                  y2: { field: 'hi' },
                  color,
                },
              },
            ]
          : []),
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
        ...(actual.length > 0
          ? [
              {
                data: { name: `${metric}Actual` },
                mark: { type: 'line' as const, strokeWidth: 2.5, point: { filled: true, size: 30 } },
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
      ...(hasActual ? [`Re-forecast after ${summary.reforecast!.asOfMonth} closed months: the black line is the actuals; the bands are the months after them.`] : []),
      ...(hasPlanBand ? ['The orange band is the P10–P90 of the plan run.'] : []),
    ),
    config: CHART_CONFIG,
    datasets: datasets as TopLevelSpec['datasets'],
    hconcat,
    resolve: { scale: { color: 'shared' } },
  } as TopLevelSpec;
}
