import { describe, expect, it } from 'vitest';
import { conditionWords, driverValue, whatMustBeTrueText } from '../../src/report/summary-table.js';
import { bareCurrency } from '../../src/report/money.js';
import type { Summary } from '../../src/analysis/summarize.js';
import type { WhatMustBeTrue } from '../../src/analysis/what-must-be-true.js';
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

describe("a money driver in a what-must-be-true line, at its currency's minor unit", () => {
  it('an ACV of ¥7.4 against a plan of ¥5 reads 7 and 5 (it read 7.40 and 5.00), a dollar one keeps its cents', () => {
    const c: DriverCondition = { key: 'driver.Shop.acv', label: 'Shop ACV', unit: 'currency', tier: 'Shop', planValue: 5, varianceShare: 0.5, reach: 'crosses', percentile: 0.8, value: 7.4, direction: 'atLeast' };
    expect(conditionWords(c, bareCurrency('JPY'))).toBe('Shop ACV 7 instead of the planned 5 (its P80; true in 20% of years)');
    expect(conditionWords(c, bareCurrency('USD'))).toBe('Shop ACV 7.40 instead of the planned 5.00 (its P80; true in 20% of years)');
    // What the terminal, report.html and report.xlsx call: the scenario's currency reaches the driver's value.
    const w = { metric: 'revenue', target: 'revenue >= 50', value: 50, median: 43, trialsReaching: 10, trialsUsed: 100, drivers: [c], noSingleDriver: false } as unknown as WhatMustBeTrue;
    const summary = { scenario: { currency: 'JPY' }, metrics: { revenue: { mean: 43, standardError: 1, percentiles: { p5: 20, p10: 25, p50: 43, p90: 60 }, percentileIntervals: null } }, whatMustBeTrue: [w] } as unknown as Summary;
    expect(whatMustBeTrueText(summary, w, '¥')).toContain('Shop ACV 7 instead of the planned 5');
  });
});

