import { describe, expect, it } from 'vitest';
import type { Sensitivity } from '../../src/analysis/sensitivity.js';
import { varianceShareDecimals, varianceShareFormat } from '../../src/report/variance-share-format.js';

/** A metric's shares with these drivers' intervals (own uncertainty) and what is left. */
const sensitivityWith = (intervals: Array<readonly [number, number]>, unexplained: readonly [number, number]): Sensitivity =>
  ({
    metric: 'revenue',
    trialsUsed: 2000,
    method: 'test',
    bins: 40,
    unexplained: { value: (unexplained[0] + unexplained[1]) / 2, standardError: 0.01, interval: unexplained },
    drivers: intervals.map((interval, i) => ({ key: `d${i}`, label: `D${i}`, unit: 'rate', ownUncertainty: true, varianceShare: (interval[0] + interval[1]) / 2, varianceShareInterval: interval })),
  }) as unknown as Sensitivity;

describe("a metric's shares of variance", () => {
  it('take one decimal when every interval reads apart at one, and more when one does not', () => {
    expect(varianceShareDecimals(sensitivityWith([[0.627, 0.645], [-0.001, 0.002]], [0.3, 0.33]))).toBe(1);
    // [1.56%, 1.64%] reads [1.6%, 1.6%] at one decimal.
    expect(varianceShareDecimals(sensitivityWith([[0.0156, 0.0164]], [0.3, 0.33]))).toBe(2);
  });

  it('leave out an interval whose end is no number, which no number of decimals sets apart', () => {
    // Its NaN ends read 'NaN' and 'NaN' at any decimals: every share went to 4 decimals.
    const s = sensitivityWith([[0.627, 0.645], [Number.NaN, Number.NaN], [0.01, Number.NaN]], [0.3, 0.33]);
    expect(varianceShareDecimals(s)).toBe(1);
    expect(varianceShareFormat(s)(0.63612)).toBe('63.6%');
  });
});
