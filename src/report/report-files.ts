/** The files a run writes into its output directory. */
export const REPORT_FILES = {
  summary: 'summary.json',
  trials: 'trials.csv',
  scenario: 'scenario.json',
} as const;
