import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../analysis/summarize.js';
import { formatCurrency } from '../money.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, moneyAxis, type ChartContext } from './chart-context.js';
import { nonEmptySpan } from './downsample.js';
import { BY_ROW_ORDER } from './row-order.js';

/** How many drivers the tornado shows, largest swing first. */
export const TORNADO_DRIVERS = 10;

/** One bar: revenue's median with the driver in its bottom decile (low) and in its top decile (high). */
export interface TornadoBar {
  readonly order: number;
  readonly label: string;
  readonly low: number;
  readonly high: number;
  readonly swing: number;
  /** The bar's left and right ends (low and high, in whichever order they fall), with their labels. */
  readonly left: number;
  readonly right: number;
  readonly leftText: string;
  readonly rightText: string;
}

/** An end of a bar, for the dots that say which decile it is. */
export interface TornadoEnd {
  /** The order of its bar. */
  readonly order: number;
  readonly label: string;
  readonly decile: string;
  readonly value: number;
}

const BOTTOM = 'Driver in its bottom decile';
const TOP = 'Driver in its top decile';

/**
 * The tornado's bars: the first `top` drivers of `summary.sensitivity.drivers` (already sorted by
 * |swing|), each from the metric's median with the driver in its bottom decile to its median with
 * the driver in its top decile.
 *
 * @example tornadoBars(summary, '$')[0].low === summary.sensitivity.drivers[0].low.metricMedian // => true
 * Complexity: O(top).
 */
export function tornadoBars(summary: Summary, symbol: string, top = TORNADO_DRIVERS): TornadoBar[] {
  return summary.sensitivity.drivers.slice(0, top).map((d, order) => {
    const low = d.low.metricMedian;
    const high = d.high.metricMedian;
    const lowFirst = low <= high;
    return {
      order,
      label: d.label,
      low,
      high,
      swing: d.swing,
      left: lowFirst ? low : high,
      right: lowFirst ? high : low,
      leftText: formatCurrency(lowFirst ? low : high, symbol),
      rightText: formatCurrency(lowFirst ? high : low, symbol),
    };
  });
}

/**
 * Chart 6: which drivers move recognized revenue most (issue 5's tornado). One bar per driver, the
 * ten largest swings first, from revenue's median with the driver in its bottom decile to its median
 * with the driver in its top decile (the other drivers left to vary), with a dot at each end saying
 * which decile it is, and a rule at the overall P50 of revenue. Returns undefined when no driver
 * varies (nothing to rank).
 *
 * @example tornadoSpec(summary, chartContext(summary))?.datasets?.bars.length // => 10
 * Complexity: O(drivers shown).
 */
export function tornadoSpec(summary: Summary, ctx: ChartContext): TopLevelSpec | undefined {
  const bars = tornadoBars(summary, ctx.symbol);
  if (bars.length === 0) return undefined;
  const ends: TornadoEnd[] = bars.flatMap((b) => [
    { order: b.order, label: b.label, decile: BOTTOM, value: b.low },
    { order: b.order, label: b.label, decile: TOP, value: b.high },
  ]);
  const p50 = summary.metrics.revenue.percentiles.p50;
  const centre = [{ value: p50, text: `P50 ${formatCurrency(p50, ctx.symbol)}` }];
  const [lo, hi] = nonEmptySpan(Math.min(p50, ...bars.map((b) => b.left)), Math.max(p50, ...bars.map((b) => b.right)));
  // Room either side for the labels at the bars' ends.
  const pad = (hi - lo) * 0.2;
  const domain = [lo - pad, hi + pad];
  const y = { field: 'label', type: 'nominal' as const, sort: BY_ROW_ORDER, axis: { title: null, labelLimit: 220 } };
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain, zero: false, nice: false } });
  const s = summary.sensitivity;
  const used = s.trialsUsed < summary.trials ? [`From the first ${s.trialsUsed.toLocaleString('en-US')} simulated years.`] : [];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      'What moves next year’s revenue',
      'Median revenue with the driver in its bottom vs top decile, others varying.',
      `The ${bars.length} largest swings of ${s.drivers.length} drivers; the vertical line is revenue’s overall P50.`,
      ...used,
    ),
    width: 520,
    height: { step: 26 },
    config: CHART_CONFIG,
    datasets: { bars, ends, centre },
    layer: [
      {
        data: { name: 'bars' },
        mark: { type: 'bar', color: OKABE_ITO.skyBlue, opacity: 0.8, height: { band: 0.6 } },
        encoding: { y, x: { ...x('left'), axis: moneyAxis(ctx, 'Median recognized revenue') }, x2: { field: 'right' } },
      },
      {
        data: { name: 'centre' },
        mark: { type: 'rule', color: OKABE_ITO.black, strokeWidth: 1.5 },
        encoding: { x: x('value') },
      },
      {
        data: { name: 'centre' },
        mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -4, fontSize: 11, fontWeight: 'bold', color: OKABE_ITO.black },
        encoding: { x: x('value'), y: { value: 0 }, text: { field: 'text' } },
      },
      {
        data: { name: 'ends' },
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: {
          y,
          x: x('value'),
          color: { field: 'decile', type: 'nominal', scale: { domain: [BOTTOM, TOP], range: [OKABE_ITO.vermillion, OKABE_ITO.blue] }, legend: { title: null, labelLimit: 260 } },
        },
      },
      {
        data: { name: 'bars' },
        mark: { type: 'text', align: 'right', baseline: 'middle', dx: -7, fontSize: 11, color: '#222222' },
        encoding: { y, x: x('left'), text: { field: 'leftText' } },
      },
      {
        data: { name: 'bars' },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 11, color: '#222222' },
        encoding: { y, x: x('right'), text: { field: 'rightText' } },
      },
    ],
  };
}
