import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { futureMonthsWarnings } from '../../src/analysis/actuals-future-months.js';

/**
 * Closed months dated after today are warned of, at the first one's row, with today's date (the
 * caller's clock: here a fixed 2026-12-07). FY2027 starting in February: months 2027-02 to 2027-06
 * closed on 2026-12-07 have not happened. Before, they ran without a word. Numeric fiscal months
 * have no calendar date and get no warning; months up to today's get none.
 */
describe('closed months dated after today', () => {
  const options = { kind: 'actuals' as const, calendar: { year: 2027, startMonth: 2 }, tiers: ['SMB'] };
  const file = (months: readonly string[]) => parseMonthlyFile(`month,tier,ending_arr\n${months.map((m) => `${m},SMB,100000`).join('\n')}\n`, 'actuals.csv', options);
  const today = new Date('2026-12-07T09:00:00Z');

  it('are warned of at the first row, naming today and the months', () => {
    const f = file(['2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    const w = futureMonthsWarnings({ file: f, months: 5 }, today);
    expect(w.map((x) => [x.code, x.file, x.line])).toEqual([['actuals-month-in-future', 'actuals.csv', 2]]);
    expect(w[0]!.message).toContain('after today (2026-12-07)');
    expect(w[0]!.message).toContain('2027-02 to 2027-06 (5 months)');
    // Only the months used (--as-of) count.
    expect(futureMonthsWarnings({ file: f, months: 1 }, today)[0]!.message).toContain('2027-02 (1 month)');
  });

  it('are not warned of when the months have come, nor for numeric months, nor without a clock', () => {
    const f = file(['2027-02', '2027-03']);
    expect(futureMonthsWarnings({ file: f, months: 2 }, new Date('2027-03-01T00:00:00Z'))).toEqual([]);
    expect(futureMonthsWarnings({ file: file(['1', '2']), months: 2 }, today)).toEqual([]);
    expect(futureMonthsWarnings({ file: f, months: 2 }, undefined)).toEqual([]);
  });
});
