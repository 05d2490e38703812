import { describe, expect, it } from 'vitest';
import { parseDeals } from '../../src/fit/read-deals.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import type { HistoryCalendar } from '../../src/fit/history-calendar.js';

/** A deals file against a dated history of 24 months from 2025-02: every bad row at its line and column. */
const CALENDAR: HistoryCalendar = { firstYear: 2025, firstMonth: 2, fiscalYear: 2027, fiscalYearStartMonth: 2 };

function problems(text: string): string[] {
  try {
    parseDeals(text, 'd.csv', ['SMB'], 24, CALENDAR);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.path.join('.')}: ${i.message}`);
  }
  throw new Error('the file was accepted');
}

describe('a bad deals file', () => {
  const cases: Array<[string, string, string[]]> = [
    ['dates that are none', 'close_month,tier,amount\n2025-02-30,SMB,9000\n2025-13,SMB,9000\n2026-06-31,SMB,9000\n', ['2:1 close_month: "2025-02-30" is not a date', '3:1 close_month: "2025-13" is not a date', '4:1 close_month: "2026-06-31" is not a date']],
    ['a date outside the history', 'close_month,tier,amount\n2025-01,SMB,9000\n2027-02,SMB,9000\n', ['2:1 close_month: "2025-01" is outside the history, which covers 2025-02 to 2027-01', '3:1 close_month: "2027-02" is outside the history, which covers 2025-02 to 2027-01']],
    ['an amount past the largest double', 'close_month,tier,amount\n2025-03,SMB,1e309\n', ['2:13 amount: "1e309" is beyond the largest number there is (about 1.8e308): must be at most 1e12, got 1e309']],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reads a valid day of a month', () => {
    expect(parseDeals('close_month,tier,amount\n2025-02-28,SMB,9000\n2028-01-31,SMB,5\n', 'd.csv', ['SMB'], 36, CALENDAR).get('SMB')!.months).toEqual([1, 36]);
  });
});
