import { MONTH_NAMES } from '../scenario/month-names.js';

/**
 * A forecast's fiscal year: the month it starts in (1-12) and the year its scenario states, if any.
 * A start month that is not known (a score's report written before summaries kept it) is absent.
 */
export interface FiscalYear {
  readonly startMonth?: number | undefined;
  readonly year?: number | undefined;
}

/**
 * Whether forecasts are of different fiscal years: years that start in different months, or two
 * stated years. A forecast that states no year, or whose start month is not known, is taken to be
 * of the others' year in that respect. The one rule of compare's yearNote, report.html's stress
 * note (downside-section.ts) and score's outcomes (outcomes-file.ts differentYears), which had a
 * copy each.
 *
 * @example differentFiscalYears([{ startMonth: 2, year: 2027 }, { startMonth: 2 }]) // => false
 * @example differentFiscalYears([{ startMonth: 2, year: 2027 }, { year: 2027 }]) // => false
 */
export function differentFiscalYears(years: readonly FiscalYear[]): boolean {
  const starts = new Set(years.flatMap((y) => (y.startMonth === undefined ? [] : [y.startMonth])));
  const stated = new Set(years.flatMap((y) => (y.year === undefined ? [] : [y.year])));
  return starts.size > 1 || stated.size > 1;
}

/** A fiscal year in words: 'FY2027, from February', 'year not stated, from July', or 'FY2027' when its start month is not known. */
export function fiscalYearWords(y: FiscalYear): string {
  const year = y.year === undefined ? 'year not stated' : `FY${y.year}`;
  return y.startMonth === undefined ? year : `${year}, from ${MONTH_NAMES[y.startMonth - 1] ?? y.startMonth}`;
}
