import type { CurrencyMark } from '../money.js';
import type { TopLevelSpec } from 'vega-lite';
import { yearsWords } from '../forecast-kind-words.js';
import type { Summary } from '../../analysis/summarize.js';
import { metricRowMoney, moneyCellsFormat } from '../interval-format.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, LABEL_PX_PER_CHAR, chartTitle, moneyAxis, type ChartContext } from './chart-context.js';
import { nonEmptySpan } from './downsample.js';
import { BY_ROW_ORDER, distinctLabels } from './row-order.js';
import { varianceShareFormat } from '../variance-share-format.js';
import { sharesPastOneNote } from '../shares-past-one-note.js';
import { negativeShareNote } from '../negative-share-note.js';
import { wrapLabel } from './wrap-label.js';

export { TORNADO_LINE_CHARS, wrapLabel } from './wrap-label.js';
import type { DriverSensitivity } from '../../analysis/sensitivity.js';

/** How many drivers the tornado shows, largest swing first. */
export const TORNADO_DRIVERS = 10;

/** One bar: revenue's median with the driver's own draw at its P10 (low) and at its P90 (high), others as drawn. */
export interface TornadoBar {
  readonly order: number;
  /** The driver's label with its share of the variance, e.g. 'SMB conversion (31%)'. */
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

const BOTTOM = 'Driver’s own draw at its P10';
const TOP = 'Driver’s own draw at its P90';

/**
 * A bar's label: the driver and its share of the variance as the sources-of-risk tables write it
 * (varianceShareFormat), "SMB conversion (1.6% of variance)": rounded to whole percents the chart
 * read "2%" beside the table's 1.6%, and "<1%" beside its 0.3%.
 */
export function tornadoLabel(label: string, share: string): string {
  return `${label} (${share} of variance)`;
}

/** The longest of the caption's lines (as long as its own longest): the headless renderer sizes the chart by its estimate of each. */
const SUBTITLE_LINE_CHARS = 78;

/**
 * Where a label's lines are joined for the axis to split them: '|', or when a name holds one, a
 * private-use character no label holds (never a quote or a backslash, so it sits as it is in a
 * quoted Vega expression string).
 *
 * @example lineSeparator(['SMB conversion']) // => '|'
 */
export function lineSeparator(labels: readonly string[]): string {
  for (let code = 0x7c; ; code = code === 0x7c ? 0xe000 : code + 1) {
    const c = String.fromCharCode(code);
    if (!labels.some((l) => l.includes(c))) return c;
  }
}

/** The drivers the tornado draws a bar for, in the bars' order (tornadoBars); none when not estimable. */
export function tornadoDrivers(summary: Summary, top = TORNADO_DRIVERS): DriverSensitivity[] {
  if (summary.sensitivity.notEstimable !== undefined) return [];
  return summary.sensitivity.drivers
    .filter((d) => d.ownUncertainty && Number.isFinite(d.swing))
    .sort((a, b) => Math.abs(b.swing!) - Math.abs(a.swing!) || a.key.localeCompare(b.key))
    .slice(0, top);
}

/**
 * The tornado's bars: the drivers with an uncertainty of their own (the market among them), the
 * `top` largest |swing| first, each from the metric's median with the driver's own draw at its P10
 * to its median at its P90.
 *
 * @example tornadoBars(summary, '$')[0].swing // the largest swing
 * Complexity: O(drivers log drivers).
 */
export function tornadoBars(summary: Summary, symbol: CurrencyMark, top = TORNADO_DRIVERS): TornadoBar[] {
  // Not estimable (too few trials): shares, ends and swings are null, and there is no bar to draw.
  const shown = tornadoDrivers(summary, top);
  // Every bar's ends with the digits that tell them apart within their Monte Carlo error, one format
  // for the chart: a re-forecast's bars all read $112M to $113M, swings of 812k and 264k alike.
  const money = tornadoEndsFormat(summary.sensitivity, symbol);
  const share = varianceShareFormat(summary.sensitivity);
  return shown.map((d, order) => {
    const low = d.low!.metricMedian;
    const high = d.high!.metricMedian;
    const lowFirst = low <= high;
    return {
      order,
      label: tornadoLabel(d.label, share(d.varianceShare!)),
      low,
      high,
      swing: d.swing!,
      left: lowFirst ? low : high,
      right: lowFirst ? high : low,
      leftText: money(lowFirst ? low : high),
      rightText: money(lowFirst ? high : low),
    };
  });
}

/**
 * How every output writes a sensitivity's tornado ends (revenue's median at a driver's own P10 and
 * P90): one format for all of them, with the digits that tell them apart within their Monte Carlo
 * error (moneyCellsFormat), over every driver with an end, so the chart (ten by swing) and the
 * terminal's table (eight by share) write the same end alike.
 *
 * @example tornadoEndsFormat(summary.sensitivity, '$')(112.4e6) // => '$112.4M' where ends sit close
 */
export function tornadoEndsFormat(sens: Summary['sensitivity'], symbol: CurrencyMark): (v: number) => string {
  const ends = sens.drivers.filter((d) => d.ownUncertainty && d.low && d.high && Number.isFinite(d.low.metricMedian) && Number.isFinite(d.high.metricMedian));
  return moneyCellsFormat(
    ends.flatMap((d) => [
      { value: d.low!.metricMedian, interval: d.low!.interval },
      { value: d.high!.metricMedian, interval: d.high!.interval },
    ]),
    symbol,
  );
}

/**
 * Chart 6: which drivers move recognized revenue most (issue 11's tornado on independent inputs).
 * One bar per driver with an uncertainty of its own, the market among them, the ten largest swings
 * first, from revenue's median with the driver's own draw at its P10 to its median at its P90 (the
 * others as drawn), labelled with its share of the variance, a dot at each end saying which it is,
 * and a rule at the overall P50 of revenue. Axis labels get the room their longest one needs, so
 * none is cut. Returns undefined when no driver varies (nothing to rank), or when the shares are
 * not estimable from the run's trials (the report says so instead).
 *
 * @example tornadoSpec(summary, chartContext(summary))?.datasets?.bars.length // => 10
 * Complexity: O(drivers shown).
 */
export function tornadoSpec(summary: Summary, ctx: ChartContext): TopLevelSpec | undefined {
  const bars = tornadoBars(summary, ctx.symbol);
  if (bars.length === 0) return undefined;
  // Each bar's row on the axis, distinct even when two drivers' labels read alike; its lines joined
  // by a character no label holds (a '|' in a tier's name was taken for a line break).
  const separator = lineSeparator(bars.map((b) => b.label));
  const axisLabels = distinctLabels(bars.map((b) => wrapLabel(b.label).join(separator)));
  const axisLabel = (b: TornadoBar) => axisLabels[b.order]!;
  const ends: Array<TornadoEnd & { axisLabel: string }> = bars.flatMap((b) => [
    { order: b.order, label: b.label, axisLabel: axisLabel(b), decile: BOTTOM, value: b.low },
    { order: b.order, label: b.label, axisLabel: axisLabel(b), decile: TOP, value: b.high },
  ]);
  const p50 = summary.metrics.revenue.percentiles.p50;
  // Revenue's P50 as report.html's headline row writes it.
  const centre = [{ value: p50, text: `P50 ${metricRowMoney(summary.metrics.revenue, ctx.symbol)(p50)}` }];
  const [lo, hi] = nonEmptySpan(Math.min(p50, ...bars.map((b) => b.left)), Math.max(p50, ...bars.map((b) => b.right)));
  // Room either side for the labels at the bars' ends.
  const pad = (hi - lo) * 0.2;
  const domain = [lo - pad, hi + pad];
  // Labels wrap at spaces (the separator between lines, split by the axis): the longest line sets their room.
  const wrapped = bars.map((b) => wrapLabel(b.label));
  const longest = Math.max(...wrapped.flatMap((lines) => lines.map((l) => l.length)));
  const lineCount = Math.max(...wrapped.map((lines) => lines.length));
  const labelWidth = Math.ceil(longest * LABEL_PX_PER_CHAR) + 8;
  const y = {
    field: 'axisLabel',
    type: 'nominal' as const,
    sort: BY_ROW_ORDER,
    axis: { title: null, labelLimit: labelWidth, labelExpr: `split(datum.label, '${separator}')`, labelLineHeight: 13 },
  };
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain, zero: false, nice: false } });
  const s = summary.sensitivity;
  const used = s.trialsUsed < summary.trials ? [`From the first ${s.trialsUsed.toLocaleString('en-US')} simulated years.`] : [];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      `What moves ${yearsWords(summary)} revenue`,
      // Short lines: the headless renderer sizes the chart by an estimate of each line's width.
      'Median revenue with the driver’s own draw at its P10 and at its P90,',
      'others as drawn; the market is one bar.',
      `The ${bars.length} largest swings of ${s.drivers.filter((d) => d.ownUncertainty).length} drivers, each with its share of revenue’s variance;`,
      // As the bars' labels and the sources-of-risk table write it: in whole percents it read '4%' beside the table's 3.6%.
      `unit-level luck and interactions: ${varianceShareFormat(s)(s.unexplained.value!)}. The vertical line is revenue’s overall P50.`,
      // A bar's share below 0, and luck below 0 (the shares add up past 100%): the terminal's sentences, in lines as short as the others.
      ...wrapLabel(negativeShareNote(s, tornadoDrivers(summary)) ?? '', SUBTITLE_LINE_CHARS),
      ...wrapLabel(sharesPastOneNote(summary, s) ?? '', SUBTITLE_LINE_CHARS),
      ...used,
    ),
    width: 520,
    height: { step: Math.max(26, 13 * lineCount + 8) },
    config: CHART_CONFIG,
    datasets: { bars: bars.map((b) => ({ ...b, axisLabel: axisLabel(b) })), ends, centre },
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
