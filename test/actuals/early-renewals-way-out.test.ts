import { describe, expect, it } from 'vitest';
import { monthlyFileProblems } from './monthly-file.js';

/**
 * Early renewals (a month renewing more than came up for renewal: customers due later renewing now)
 * stay refused at the renewed_arr cell (the file does not say how much was early, nor whether its
 * later due_arr still counts them), but the refusal now says the way the re-forecast reads them
 * right; before, it said only "more than the 100 that came up", and the README's "write them in the
 * month they were due" was nowhere in the message. A file written as it says is the one
 * test/actuals/came-up-early.test.ts re-forecasts (due_arr 200,000 above a calendar's 100,000, all
 * renewed): the early ones are renewed once and taken off the calendar after, the year right.
 */
describe('a month renewing more than came up for renewal (early renewals)', () => {
  const text = (due: number) => `month,tier,due_arr,renewed_arr,churned_arr,ending_arr\n1,E,${due},200000,0,1200000\n`;

  it('is refused at its renewed_arr cell, saying to count them in due_arr and not again where they were due', () => {
    for (const kind of ['actuals', 'history'] as const) {
      const options = kind === 'actuals' ? { kind, tiers: ['E'] } : { kind, minMonths: 1 };
      expect(monthlyFileProblems(text(100_000), options)).toEqual([
        "2:12 renewed_arr: is 200000, more than the 100000 that came up for renewal (due_arr) that month: if customers due in a later month renewed early, they came up this month: add them to this month's due_arr and leave them out of the due_arr of the month they were due (they are not due again; a customer book: give each its month in the customers file)",
      ]);
    }
  });
});
