/** The files a run writes into its output directory. */
export const REPORT_FILES = {
  summary: 'summary.json',
  trials: 'trials.csv',
  scenario: 'scenario.json',
  html: 'report.html',
  /** The workbook finance circulates: summary, percentiles, monthly bands, targets, assumptions, attribution. */
  xlsx: 'report.xlsx',
  percentiles: 'percentiles.csv',
  monthly: 'monthly.csv',
  sipmath: 'sipmath.json',
  /** A directory: NAME.vl.json (the Vega-Lite spec) and NAME.svg of every chart. */
  charts: 'charts',
} as const;

/**
 * Every chart a report has ever written (report/charts/chart-set.ts names each of its charts from
 * this list, and no chart was ever renamed): its charts directory holds NAME.vl.json and NAME.svg
 * of these and nothing else.
 */
export const CHART_NAMES = ['revenue-distribution', 'exceedance', 'monthly-fan', 'breakdown', 'arr-bridge', 'tornado', 'bad-years', 'capacity'] as const;

/** A chart's name, which names its files. */
export type ChartName = (typeof CHART_NAMES)[number];

/**
 * The names a report's charts directory holds: each chart's spec and image. Exactly these, not a
 * pattern: a user's `charts/board-deck.svg` matched one (any lower-case name ending .svg or
 * .vl.json), so the report counted as arrcast's alone and the next run into it deleted that file.
 */
export const CHART_FILES: ReadonlySet<string> = new Set(CHART_NAMES.flatMap((name) => [`${name}.vl.json`, `${name}.svg`]));
