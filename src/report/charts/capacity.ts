import type { TopLevelSpec } from 'vega-lite';
import { fiscalMonthNames, type Summary } from '../../analysis/summarize.js';
import { rampedReps } from '../tier-extras.js';
import { BAND_BLUES, CHART_CONFIG, VEGA_LITE_SCHEMA, chartTitle, type ChartContext } from './chart-context.js';
import { BY_ROW_ORDER } from './row-order.js';
import { lineSeparator, wrapLabel } from './tornado.js';
import { simulatedYears } from '../confidence-text.js';

/** Ramped-rep equivalents of one tier in one fiscal month. */
export interface CapacityRow {
  /** The tier's place in the scenario (the panels keep this order). */
  readonly order: number;
  readonly tier: string;
  /** Fiscal month, 1-12. */
  readonly month: number;
  /** Calendar month name of the fiscal month. */
  readonly label: string;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
}

const BAND = 'P10–P90';

/**
 * A chart title whose last subtitle line says what its figures count instead of "Amounts in USD":
 * for charts of reps or deals, not money.
 *
 * @example countTitle(chartTitle(ctx, 'Reps'), ctx, 'Counts in reps.').subtitle.at(-1) // => 'Px = ... 1,000 simulated years. Counts in reps.'
 */
export function countTitle<T extends { subtitle: string[] }>(title: T, ctx: ChartContext, units: string): T {
  const last = `${ctx.convention}. ${simulatedYears(ctx.trials)}. ${units}`;
  return { ...title, subtitle: [...title.subtitle.slice(0, -1), last] };
}
const MEDIAN = 'P50 (median)';

/**
 * One row per tier with reps and fiscal month: the summary's percentiles of the ramped-rep
 * equivalents (extras `reps.ramped.1` .. `reps.ramped.12`), tiers in the scenario's order.
 *
 * @example capacityRows(summary).filter((r) => r.tier === 'Enterprise').length // => 12
 * Complexity: O(tiers x 12).
 */
export function capacityRows(summary: Summary): CapacityRow[] {
  const labels = fiscalMonthNames(summary.scenario.fiscalYearStartMonth);
  return Object.entries(summary.byTier).flatMap(([tier, t], order) =>
    (rampedReps(t) ?? []).map((s, i) => ({
      order,
      tier,
      month: i + 1,
      label: labels[i]!,
      p10: s.percentiles.p10,
      p50: s.percentiles.p50,
      p90: s.percentiles.p90,
      mean: s.mean,
    })),
  );
}

/** The room a panel's header always had, and vega's estimate of a bold 12 px character. */
const HEADER_LIMIT = 280;
const HEADER_PX_PER_CHAR = 0.8 * 12;

/**
 * The rows with each tier's name as its panel's header draws it whole: a name vega would cut at
 * HEADER_LIMIT ("Enterprise North America and…") wrapped at spaces to the panel's width, its lines
 * joined for the header to split. Names that fit are unchanged, and so is the header.
 */
export function headerRows(rows: readonly CapacityRow[], panelWidth: number): { rows: CapacityRow[]; header: { labelLimit: number; labelExpr?: string } } {
  const names = [...new Set(rows.map((r) => r.tier))];
  if (names.every((n) => n.length * HEADER_PX_PER_CHAR <= HEADER_LIMIT)) return { rows: [...rows], header: { labelLimit: HEADER_LIMIT } };
  const separator = lineSeparator(names);
  const width = Math.max(1, Math.floor(panelWidth / HEADER_PX_PER_CHAR));
  const wrapped = new Map(names.map((n) => [n, wrapLabel(n, width).join(separator)]));
  const longest = Math.max(...names.flatMap((n) => wrapLabel(n, width).map((line) => line.length)));
  return {
    rows: rows.map((r) => ({ ...r, tier: wrapped.get(r.tier)! })),
    header: { labelLimit: Math.max(panelWidth, Math.ceil(longest * HEADER_PX_PER_CHAR) + 8), labelExpr: `split(datum.label, '${separator}')` },
  };
}

/**
 * Sales capacity: ramped-rep equivalents by fiscal month (labelled with the calendar month's
 * name), one panel per tier with reps: the P10-P90 band and the P50 line. Undefined when no tier
 * has reps (the report then has no capacity chart).
 *
 * @example capacitySpec(summary, ctx)?.datasets.ramped
 * Complexity: O(tiers x 12).
 */
export function capacitySpec(summary: Summary, ctx: ChartContext): TopLevelSpec | undefined {
  const all = capacityRows(summary);
  if (all.length === 0) return undefined;
  const tiers = [...new Set(all.map((r) => r.tier))];
  // One tier fills the width; two or more sit two to a row.
  const panelWidth = tiers.length === 1 ? 600 : 290;
  const { rows, header } = headerRows(all, panelWidth);
  const labels = fiscalMonthNames(summary.scenario.fiscalYearStartMonth);
  const color = { type: 'nominal', scale: { domain: [BAND, MEDIAN], range: [BAND_BLUES[1], BAND_BLUES[3]] }, legend: { title: null } } as const;
  const x = { field: 'label', type: 'ordinal', sort: labels, axis: { title: 'Fiscal month', labelAngle: 0 }, scale: { padding: 0.2 } } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: countTitle(
      chartTitle(
        ctx,
        'Sales capacity: ramped reps by month',
        // Short lines: the headless renderer sizes the chart by an estimate of each line's width.
        'Ramped-rep equivalents in each fiscal month, by tier with reps.',
        'A rep in ramp counts as the share of full productivity reached.',
        'Band: P10 to P90 (a flat band when the count does not vary); line: P50.',
      ),
      ctx,
      'Counts in reps (ramped-rep equivalents).',
    ),
    config: CHART_CONFIG,
    datasets: { ramped: rows as unknown as Array<Record<string, unknown>> },
    data: { name: 'ramped' },
    facet: {
      field: 'tier',
      type: 'nominal',
      sort: BY_ROW_ORDER,
      header: { title: null, labelFontSize: 12, labelFontWeight: 'bold', labelAnchor: 'start', ...header },
    },
    columns: 2,
    spec: {
      width: panelWidth,
      height: 200,
      layer: [
        {
          // The stroke keeps a band of equal ends (counts that do not vary) visible around the line.
          mark: { type: 'area', opacity: 1, stroke: BAND_BLUES[1], strokeWidth: 7, strokeJoin: 'round' },
          encoding: {
            x,
            y: { field: 'p10', type: 'quantitative', scale: { zero: true }, axis: { title: 'Ramped-rep equivalents', tickMinStep: 1 } },
            y2: { field: 'p90' },
            color: { ...color, datum: BAND },
          },
        },
        {
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 18 } },
          encoding: { x, y: { field: 'p50', type: 'quantitative' }, color: { ...color, datum: MEDIAN } },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
