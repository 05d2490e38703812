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

/** The names a report's charts directory holds: lower-case chart names, each as .vl.json and .svg. */
export const CHART_FILE = /^[a-z0-9][a-z0-9-]*\.(vl\.json|svg)$/;
