import { fiscalMonthNames, type Summary } from '../analysis/summarize.js';

/**
 * What a run forecasts, in words for the headers and the opening paragraph: a plan of the next fiscal
 * year, or a re-forecast of the year from its closed months ("this fiscal year, re-forecast from 5 closed
 * months (Feb to Jun)"). A re-forecast used to read as a plan of the next year.
 *
 * @example forecastKindWords(summary).year // => 'next fiscal year' (a plan run)
 * Complexity: O(1).
 */
export function forecastKindWords(summary: Summary): {
  /** The year the figures are of: 'next fiscal year', or 'this fiscal year' in a re-forecast. */
  readonly year: string;
  /** The closed months a re-forecast starts from, e.g. '5 closed months (Feb to Jun)'; undefined in a plan run. */
  readonly closed: string | undefined;
} {
  const r = summary.reforecast;
  if (!r) return { year: 'next fiscal year', closed: undefined };
  const months = fiscalMonthNames(summary.scenario.fiscalYearStartMonth);
  const k = r.asOfMonth;
  const span = k === 1 ? months[0]! : `${months[0]} to ${months[k - 1]}`;
  return { year: 'this fiscal year', closed: `${k} closed month${k === 1 ? '' : 's'} (${span})` };
}

/**
 * A report's title line outside the terminal (report.xlsx's Summary sheet): the scenario's name, the
 * year forecast and, in a re-forecast, its closed months and the actuals file, as the terminal's
 * header says them. A re-forecast's workbook was titled 'next fiscal year' as a plan's.
 *
 * @example forecastTitle(planSummary) // => 'Example: next fiscal year, USD'
 * Complexity: O(1).
 */
export function forecastTitle(summary: Summary): string {
  const { year, closed } = forecastKindWords(summary);
  const from = closed ? `, re-forecast from ${closed} in ${summary.reforecast!.actualsFile}` : '';
  return `${summary.scenario.name}: ${year}${from}, ${summary.scenario.currency}`;
}

/**
 * The year's possessive for the charts' titles and captions: "next year’s" in a plan run, "this
 * year’s" in a re-forecast (whose charts read "Next year’s recognized revenue" under a page titled
 * a re-forecast of this fiscal year).
 *
 * @example yearsWords(summary) // => 'next year’s' (a plan run)
 */
export function yearsWords(summary: Pick<Summary, 'reforecast'>): string {
  return summary.reforecast ? 'this year’s' : 'next year’s';
}
