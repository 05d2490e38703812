import { describe, expect, it } from 'vitest';
import { conditionWords, driverValue } from '../../src/report/summary-table.js';
import type { DriverCondition } from '../../src/analysis/what-must-be-true.js';

describe("a rep's deals a month in a planner's words", () => {
  it('keep three significant digits, as rates do: 0.35 is not shown as 0.3', () => {
    expect(driverValue(0.35, 'deals per rep a month')).toBe('0.35 deals per rep a month');
    expect(driverValue(4, 'deals per rep a month')).toBe('4 deals per rep a month');
    expect(driverValue(3.533, 'deals per rep a month')).toBe('3.53 deals per rep a month');
  });

  it('never read "0.3 instead of the planned 0.3" for a move from 0.35 to 0.31', () => {
    // A run with sourcedDealsPerMonth with a year-level median (PERT 0.25/0.35/0.45)
    // gave value 0.31 against the plan 0.35, and one decimal printed both as 0.3.
    const c: DriverCondition = {
      key: 'driver.E.reps.sourcedDealsPerMonth',
      label: 'E deals a ramped rep sources a month',
      unit: 'deals per rep a month',
      tier: 'E',
      planValue: 0.35,
      varianceShare: 0.92,
      reach: 'crosses',
      percentile: 0.2,
      value: 0.312,
      direction: 'atMost',
    };
    expect(conditionWords(c)).toBe('E deals a ramped rep sources a month 0.312 deals per rep a month instead of the planned 0.35 deals per rep a month (its P20; true in 20% of years)');
  });
});
