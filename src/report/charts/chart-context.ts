import type { Summary } from '../../analysis/summarize.js';
import { currencyMark, moneyLabelExpr, type CurrencyMark } from '../money.js';
import { simulatedYears } from '../confidence-text.js';

/**
 * Okabe and Ito's palette (2008), distinguishable with every common colour-vision deficiency.
 * Charts use it by role, so a colour means the same thing in every chart.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** One hue, light to dark, for nested percentile bands (safe for colour-blind readers: only lightness varies). */
export const BAND_BLUES = ['#d4e6f4', '#a3cbe8', '#5fa2d5', '#08519c'] as const;

/** What every chart of a run shares: money formatting, the trial count and the percentile convention. */
export interface ChartContext {
  readonly currency: string;
  /** "$", "€", "CHF"... */
  readonly symbol: CurrencyMark;
  readonly trials: number;
  readonly convention: string;
}

/** The context of a run's charts. */
export function chartContext(summary: Summary): ChartContext {
  return {
    currency: summary.scenario.currency,
    symbol: currencyMark(summary.scenario.currency),
    trials: summary.trials,
    convention: summary.percentileConvention,
  };
}

/** The line every chart's subtitle ends with: the convention and the number of trials. */
export const conventionLine = (ctx: ChartContext) =>
  `${ctx.convention}. ${simulatedYears(ctx.trials)}. Amounts in ${ctx.currency}.`;

/** A chart title with its subtitle lines, left-aligned. */
export const chartTitle = (ctx: ChartContext, text: string, ...lines: string[]) => ({
  text,
  subtitle: [...lines, conventionLine(ctx)],
  anchor: 'start' as const,
});

/** An axis of money: k/M/B labels with the scenario's currency. */
export const moneyAxis = (ctx: ChartContext, title: string | null) => ({
  title,
  labelExpr: moneyLabelExpr(ctx.symbol),
  tickCount: 6,
});

/**
 * Axis label width per character: the charts are drawn headless, where vega measures text by its
 * estimate of 0.8 em a character (11 px axis labels: 8.8 px) and cuts a label longer than its
 * labelLimit. A limit of that width keeps every label whole (a browser draws them narrower).
 */
export const LABEL_PX_PER_CHAR = 0.8 * 11;

/** The Vega-Lite schema the specs are written against (opens in the Vega editor as it is). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Looks shared by every chart: fonts installed everywhere, quiet grid, white background. */
export const CHART_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' as const, gridColor: '#e6e6e6', domainColor: '#888', tickColor: '#888' },
  title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#444', anchor: 'start' as const, offset: 12, subtitlePadding: 4 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' as const },
  concat: { spacing: 28 },
  // Negative numbers with the hyphen-minus every label, table and file of arrcast writes ("-5%",
  // "-$4.26k"), not d3-format's default U+2212 ("−5%"): one chart showed both side by side.
  locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] as [string, string], minus: '-' } },
};

/** The y encoding of an exceedance curve: P(metric >= x), 0 to 100%, gridlines at the usual odds. */
export function exceedanceY() {
  return {
    field: 'probability',
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { title: 'Chance of at least x', format: '.0%', values: [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] },
  };
}
