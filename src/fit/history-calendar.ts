import type { MonthlyFile } from '../actuals/monthly-record.js';

/** Where a history sits in the calendar, when its months are dates. */
export interface HistoryCalendar {
  /** Calendar year and month (1..12) of history month 1. */
  readonly firstYear: number;
  readonly firstMonth: number;
  /** The fitted fiscal year: the month after the history's last. */
  readonly fiscalYear: number;
  readonly fiscalYearStartMonth: number;
}

const YEAR_MONTH = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/;

/**
 * The calendar of a history whose months are dates (`2025-02`), from the label of month 1; undefined
 * for a history numbered 1..N. The fiscal year fitted starts the month after the last month.
 *
 * @example historyCalendar(file with months 2025-02..2027-01) // => { firstYear: 2025, firstMonth: 2, fiscalYear: 2027, fiscalYearStartMonth: 2 }
 * Complexity: O(1).
 */
export function historyCalendar(history: MonthlyFile): HistoryCalendar | undefined {
  const first = history.byTier.values().next().value?.[0];
  const d = first === undefined ? null : YEAR_MONTH.exec(first.label);
  if (d === null) return undefined;
  const firstYear = Number(d[1]);
  const firstMonth = Number(d[2]);
  const next = firstYear * 12 + (firstMonth - 1) + history.months;
  return { firstYear, firstMonth, fiscalYear: Math.floor(next / 12), fiscalYearStartMonth: (next % 12) + 1 };
}

/** `2025-02` for history month i (1-based) of a dated history; `month i` otherwise. */
export function monthLabel(i: number, calendar: HistoryCalendar | undefined): string {
  if (calendar === undefined) return `month ${i}`;
  const abs = calendar.firstYear * 12 + (calendar.firstMonth - 1) + (i - 1);
  return `${Math.floor(abs / 12)}-${String((abs % 12) + 1).padStart(2, '0')}`;
}
