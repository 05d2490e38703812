import type { Simulation } from '../engine/simulate.js';
import { driverColumns, type DriverColumn } from './drivers.js';
import { standardisedRegression } from './least-squares.js';
import { correlation, ranks } from './ranks.js';
import { quantile } from './tail.js';

/** Sensitivity uses at most this many trials (the first ones): rank correlations to about ±0.005 and 5,000 trials in each tornado decile, at a bounded cost. */
export const SENSITIVITY_TRIALS = 50_000;

export interface DriverSensitivity {
  readonly key: string;
  readonly label: string;
  readonly unit: DriverColumn['unit'];
  /** Spearman rank correlation of the driver with the metric. */
  readonly rankCorrelation: number;
  /** The metric's median in the trials where the driver is in its bottom decile, and its top decile. */
  readonly low: { readonly driverAtMost: number; readonly metricMedian: number };
  readonly high: { readonly driverAtLeast: number; readonly metricMedian: number };
  /** high - low metric median: the tornado bar. */
  readonly swing: number;
  /**
   * Share of the metric's rank variance attributed to the driver: Pratt's measure beta x r from the
   * regression of the metric's ranks on all drivers' ranks (the shares add up to R²).
   */
  readonly varianceShare: number;
}

export interface Sensitivity {
  readonly metric: string;
  readonly trialsUsed: number;
  /** R² of the rank regression: how much of the metric's rank variance the drivers explain together. */
  readonly rSquared: number;
  /** Sorted by |swing|, largest first. */
  readonly drivers: readonly DriverSensitivity[];
}

const medianOf = (xs: number[]) => (xs.length ? quantile(xs, 0.5).value : NaN);

/**
 * Which drivers move a metric most: rank correlation, a tornado (median of the metric with the
 * driver in its bottom vs top decile, the others left to vary), and each driver's share of the
 * variance from a regression on ranks.
 *
 * @example sensitivity(sim, 'revenue').drivers[0].label // => 'Enterprise conversion'
 * Complexity: O(p m log m) for p drivers over m = min(trials, 50,000) trials.
 */
export function sensitivity(sim: Simulation, metricKey = 'revenue'): Sensitivity {
  const m = Math.min(sim.trials, SENSITIVITY_TRIALS);
  const metric = sim.store.column(metricKey)!.subarray(0, m);
  const drivers = driverColumns(sim).map((d) => ({ ...d, values: d.values.subarray(0, m) }));
  const metricRanks = ranks(metric);
  const driverRanks = drivers.map((d) => ranks(d.values));
  const { beta, rSquared } = standardisedRegression(driverRanks, metricRanks);
  const out = drivers.map((d, j): DriverSensitivity => {
    const r = correlation(driverRanks[j]!, metricRanks);
    const lowCut = quantile(d.values, 0.1).value;
    const highCut = quantile(d.values, 0.9).value;
    const lows: number[] = [];
    const highs: number[] = [];
    for (let i = 0; i < m; i++) {
      if (d.values[i]! <= lowCut) lows.push(metric[i]!);
      if (d.values[i]! >= highCut) highs.push(metric[i]!);
    }
    const low = medianOf(lows);
    const high = medianOf(highs);
    return {
      key: d.key,
      label: d.label,
      unit: d.unit,
      rankCorrelation: r,
      low: { driverAtMost: lowCut, metricMedian: low },
      high: { driverAtLeast: highCut, metricMedian: high },
      swing: high - low,
      varianceShare: beta[j]! * r,
    };
  });
  out.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.key.localeCompare(b.key));
  return { metric: metricKey, trialsUsed: m, rSquared, drivers: out };
}
