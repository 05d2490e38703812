import { describe, expect, it } from 'vitest';
import { outcomeProblems } from './outcome-problems.js';

/**
 * A year's revenue or ending ARR is never below 0, and a monthly actuals file refuses negative money;
 * the outcomes file read a revenue of -112,400,000 (a stray minus sign, or an export's sign convention)
 * and scored it, PIT 0 and a CRPS of more than twice the figure, with exit 0. Bookings net of
 * contraction and price changes can be below 0, and are still read.
 */
const reports = [{ dir: 'plan', tiers: ['SMB', 'Enterprise'] }];

describe('a negative outcome', () => {
  it('is refused for revenue and ending ARR, at its line and column, naming the metric', () => {
    const text = 'tier,metric,value\ntotal,revenue,-112400000\nSMB,ending_arr,-5\nEnterprise,revenue,0\n';
    expect(outcomeProblems(text, reports)).toEqual([
      "2:15 value: must be at least 0: a year's revenue cannot be negative, got -112400000",
      "3:16 value: must be at least 0: a year's ending ARR cannot be negative, got -5",
    ]);
  });
  it('is read for bookings, and the range check stays for every metric', () => {
    expect(outcomeProblems('tier,metric,value\nSMB,bookings,-250000\n', reports)).toEqual([]);
    expect(outcomeProblems('tier,metric,value\nSMB,bookings,-2e15\nSMB,revenue,2e15\n', reports)).toEqual([
      '2:14 value: must be within ±1e15, got -2000000000000000',
      '3:13 value: must be within ±1e15, got 2000000000000000',
    ]);
  });
});
