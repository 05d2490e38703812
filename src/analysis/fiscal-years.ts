import { MONTH_NAMES } from '../scenario/month-names.js';

/** A forecast's fiscal year: the month it starts in (1-12) and the year its scenario states, if any. */
export interface FiscalYear {
  readonly startMonth: number;
  readonly year?: number | undefined;
}

/**
 * Whether forecasts are of different fiscal years: years that start in different months, or two
 * stated years. A forecast that states no year is taken to be of the others' year. The one rule of
 * compare's yearNote and report.html's stress note (downside-section.ts), which had a copy each.
 *
 * @example differentFiscalYears([{ startMonth: 2, year: 2027 }, { startMonth: 2 }]) // => false
 */
export function differentFiscalYears(years: readonly FiscalYear[]): boolean {
  const starts = new Set(years.map((y) => y.startMonth));
  const stated = new Set(years.flatMap((y) => (y.year === undefined ? [] : [y.year])));
  return starts.size > 1 || stated.size > 1;
}

/** A fiscal year in words: 'FY2027, from February', or 'year not stated, from July'. */
export function fiscalYearWords(y: FiscalYear): string {
  return `${y.year === undefined ? 'year not stated' : `FY${y.year}`}, from ${MONTH_NAMES[y.startMonth - 1] ?? y.startMonth}`;
}
