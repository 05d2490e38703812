import type { TopLevelSpec } from 'vega-lite';
import { yearsWords } from '../forecast-kind-words.js';
import type { Stat } from '../../analysis/describe.js';
import type { Summary } from '../../analysis/summarize.js';
import { COMPONENT_LABELS, METRIC_COMPONENTS } from '../../model/components.js';
import { formatCurrency, type CurrencyMark } from '../money.js';
import { statRowMoney } from '../interval-format.js';
import { CHART_CONFIG, LABEL_PX_PER_CHAR, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, moneyAxis, type ChartContext } from './chart-context.js';
import { BY_ROW_ORDER } from './row-order.js';
import { lineSeparator, wrapLabel } from './tornado.js';

/** One bar: the mean, with its P10-P90 whisker. */
export interface BreakdownRow {
  /** The row's place in its panel (the chart keeps this order). */
  readonly order: number;
  readonly label: string;
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** 'adds' or 'takes away', for the colour. */
  readonly direction: 'adds' | 'takes away';
  /** The mean as printed beside the bar. */
  readonly text: string;
  /** Where the printed mean sits: just right of the whisker, or of zero. */
  readonly textAt: number;
}

/** A bar's row; its mean printed by `money`, as report.html's table of the same figures prints it. */
const row = (order: number, label: string, s: Stat, money: (v: number) => string): BreakdownRow => ({
  order,
  label,
  mean: s.mean,
  p10: s.percentiles.p10,
  p50: s.percentiles.p50,
  p90: s.percentiles.p90,
  direction: s.mean < 0 ? 'takes away' : 'adds',
  text: money(s.mean),
  textAt: Math.max(s.percentiles.p90, 0),
});

/** Recognized revenue by tier: one row per tier, in the scenario's order. */
export function tierRows(summary: Summary, symbol: CurrencyMark): BreakdownRow[] {
  // As the by-tier table writes a tier's row (the digits that tell its figures apart): a re-forecast's
  // SMB read $22M beside the table's $21.96M.
  return Object.entries(summary.byTier).map(([name, t], i) => row(i, name, t.revenue, statRowMoney(t.revenue, symbol)));
}

/**
 * Recognized revenue by component, in the order of the ARR bridge, leaving out the opening book
 * (a constant, shown in the subtitle) and components that are zero in every trial.
 */
export function componentRows(summary: Summary, symbol: CurrencyMark): BreakdownRow[] {
  return METRIC_COMPONENTS.revenue
    .flatMap((c) => {
      const s = summary.byComponent.revenue[c];
      if (!s || c === 'openingBook' || (s.min === 0 && s.max === 0)) return [];
      return [{ label: COMPONENT_LABELS[c], s }];
    })
    .map(({ label, s }, i) => row(i, label, s, (v) => formatCurrency(v, symbol)));
}

/** The label room a panel always had: labels that fit it are drawn as before. */
const LABEL_LIMIT = 200;

/**
 * A panel's rows as its axis draws them whole: a label longer than a line (a tier named "Mid-market
 * North America (inbound)") wrapped at spaces, its lines joined for the axis to split, with the
 * room its longest line needs and rows tall enough for its lines. Before, every label was cut at
 * 200 px (about 22 characters): "Mid-market North Amer…". Labels that fit one line are unchanged.
 *
 * @example axisRows(tierRows(summary, '$')).axis.labelLimit // => 200 for short tier names
 */
export function axisRows(rows: readonly BreakdownRow[]): { rows: BreakdownRow[]; axis: { labelLimit: number; labelExpr?: string; labelLineHeight?: number }; step: number } {
  const lines = rows.map((r) => wrapLabel(r.label));
  const longest = Math.max(0, ...lines.flatMap((l) => l.map((line) => line.length)));
  // Vega cuts a label whose estimated width passes its limit: the room grows only for such a label.
  const needed = longest * LABEL_PX_PER_CHAR;
  const labelLimit = needed > LABEL_LIMIT ? Math.ceil(needed) + 8 : LABEL_LIMIT;
  const lineCount = Math.max(1, ...lines.map((l) => l.length));
  if (lineCount === 1) return { rows: [...rows], axis: { labelLimit }, step: 26 };
  const separator = lineSeparator(rows.map((r) => r.label));
  return {
    rows: rows.map((r, i) => ({ ...r, label: lines[i]!.join(separator) })),
    axis: { labelLimit, labelExpr: `split(datum.label, '${separator}')`, labelLineHeight: 13 },
    step: Math.max(26, 13 * lineCount + 8),
  };
}

/**
 * Chart 4: where next year's recognized revenue comes from, by tier and by component (churn and
 * contraction as negatives): bars at the mean with P10-P90 whiskers.
 *
 * @example breakdownSpec(summary, ctx).vconcat.length // => 2 (1 when no component varies)
 * Complexity: O(tiers + components).
 */
export function breakdownSpec(summary: Summary, ctx: ChartContext): TopLevelSpec {
  const color = {
    field: 'direction',
    type: 'nominal',
    scale: { domain: ['adds', 'takes away'], range: [OKABE_ITO.blue, OKABE_ITO.vermillion] },
    legend: null,
  } as const;
  const panel = (name: string, title: string, shown: ReturnType<typeof axisRows>) => {
    const y = { field: 'label', type: 'nominal' as const, sort: BY_ROW_ORDER, axis: { title: null, ...shown.axis } };
    return {
      title: { text: title, fontSize: 12, anchor: 'start' as const },
      // The bars give up width to labels wider than the room they always had, so the chart stays within the page.
      width: 440 - (shown.axis.labelLimit - LABEL_LIMIT),
      height: { step: shown.step },
      data: { name },
      layer: [
        {
          mark: { type: 'bar' as const, height: { band: 0.65 } },
          encoding: { y, x: { field: 'mean', type: 'quantitative' as const, axis: moneyAxis(ctx, 'Mean, with P10–P90') }, color },
        },
        { mark: { type: 'rule' as const, color: '#222', strokeWidth: 1.5 }, encoding: { y, x: { field: 'p10', type: 'quantitative' as const }, x2: { field: 'p90' } } },
        {
          mark: { type: 'tick' as const, color: '#222', thickness: 1.5, size: 10 },
          encoding: { y, x: { field: 'p10', type: 'quantitative' as const } },
        },
        {
          mark: { type: 'tick' as const, color: '#222', thickness: 1.5, size: 10 },
          encoding: { y, x: { field: 'p90', type: 'quantitative' as const } },
        },
        {
          mark: { type: 'text' as const, align: 'left' as const, dx: 6, fontSize: 11, color: '#222' },
          encoding: { y, x: { field: 'textAt', type: 'quantitative' as const }, text: { field: 'text' } },
        },
      ],
    };
  };
  const opening = summary.byComponent.revenue.openingBook?.mean ?? summary.openingArr;
  const tiers = axisRows(tierRows(summary, ctx.symbol));
  const components = axisRows(componentRows(summary, ctx.symbol));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      `Where ${yearsWords(summary)} revenue comes from`,
      'Recognized revenue by tier and by component: bars at the mean, whiskers from P10 to P90.',
      `Churn and contraction take revenue away.${opening > 0 ? ` The opening book (${formatCurrency(opening, ctx.symbol)}, carried flat) is not shown.` : ''}`,
    ),
    config: CHART_CONFIG,
    datasets: { tiers: tiers.rows, ...(components.rows.length > 0 ? { components: components.rows } : {}) },
    // A scenario where no component varies (a book that always renews) has no component panel.
    vconcat: [panel('tiers', 'By tier', tiers), ...(components.rows.length > 0 ? [panel('components', 'By component', components)] : [])],
  };
}
