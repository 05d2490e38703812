import { firstOrderShares, type ShareEstimate } from './attribution/first-order.js';
import { drawnAtomAt, inputValueAt } from './attribution/input.js';
import { driversMoving, type AttributionDriver, type AttributionInputs } from './attribution/sim-inputs.js';
import { tornadoEnd } from './attribution/tornado.js';
import { quantile } from './tail.js';
import { scratchFloat64 } from './attribution/scratch.js';

/** The percentiles of a driver's own draw at the tornado's two ends. */
export const TORNADO_LOW = 0.1;
export const TORNADO_HIGH = 0.9;

/** How the shares and the tornado are computed, in words, for summary.json. */
export const SENSITIVITY_METHOD =
  "First-order variance shares S = Var(E[metric | input]) / Var(metric) on independent inputs (the market factor z and each driver's own draw before the market moves it): a line fitted in each of K equal-count bins of the input; for an input whose metric curves in its tails beyond noise (an F-test of each halving of the outer bins, a line in the bin against a line in each half over the halves' own residuals, rejecting at 1e-4 divided by the number of halvings; decided once on the whole run) the two outer bins halved towards the extremes (down to 20-39 trials) and in the extreme bin of each tail (from 640 trials) the metric's noise estimated from neighbour triples (a line through each trial's two neighbours) instead of the line's residuals; adjusted R² (bias-corrected for the fit's parameters), 95% interval from a delete-a-group jackknife over 20 contiguous blocks of trials. A metric curving strongly in an input (leads loaded 2.5 on the market, a true 99.9999%) reads within 0.1 point of its truth (bench/attribution-estimators.mjs); until December 2026 the outer bins were not halved and it read 50%. Limits where the refinement fires: noise growing towards an extreme also triggers it (a metric linear in z with noise 0.3 e^(1.5 z): 9 runs in 200 at 2,000 trials) and then reads the share high; coverage of the interval falls below 95% on curved, noisy tails (77.5% on leads loaded 1.5 on the market, Poisson mean 2, 2,000 trials). Tornado: the metric's median over the trials whose own percentile lies within 0.05 of P10 and of P90 (or, when the driver is discrete there, its value at that percentile drawn in a quarter of the band's trials or more, or most of the band's draws of such values, the value drawn at that percentile and only the trials drawn at it, however few), others as drawn.";

/** One end of a driver's tornado bar. */
export interface SensitivityEnd {
  /** The driver's own percentile (0.1 or 0.9). */
  readonly percentile: number;
  /** Its own draw at that percentile, in its unit (z in sd for the market). */
  readonly driverValue: number;
  /** The metric's median there, others as drawn, with its 95% interval (null from one trial, `notEstimable` saying so). */
  readonly metricMedian: number;
  readonly interval: readonly [number, number] | null;
  readonly notEstimable?: string;
}

export interface DriverSensitivity {
  /** 'driver.<tier>.<key>' or 'driver.market'. */
  readonly key: string;
  readonly label: string;
  readonly unit: AttributionDriver['unit'];
  readonly tier?: string;
  /** False for a driver with no year-level uncertainty of its own: only the market moves it, and its share is 0. */
  readonly ownUncertainty: boolean;
  /**
   * First-order share of the metric's variance carried by the driver's own draw (can fall below 0 by
   * Monte Carlo noise). Null, with its interval, standard error, tornado ends and swing, when the
   * trials are too few to estimate it (`notEstimable` says why).
   */
  readonly varianceShare: number | null;
  readonly varianceShareInterval: readonly [number, number] | null;
  readonly varianceShareStandardError: number | null;
  /** The metric's median with the driver's own draw at its P10 (low) and its P90 (high), others as drawn. */
  readonly low: SensitivityEnd | null;
  readonly high: SensitivityEnd | null;
  /** high - low: the tornado bar. */
  readonly swing: number | null;
  /** Why the figures above are null: too few trials (firstOrderShares' rule). Absent when they are estimated. */
  readonly notEstimable?: string;
}

export interface Sensitivity {
  readonly metric: string;
  /** The tier whose metric this is; absent for the company. */
  readonly tier?: string;
  readonly trialsUsed: number;
  readonly method: string;
  readonly bins: number;
  /** 1 - the sum of the shares: unit-level luck (which leads convert, which customers renew) and interactions. */
  readonly unexplained: ShareEstimate;
  /**
   * The drivers that can move the metric, largest variance share first; in the order of the inputs
   * (the market, then each tier's in plan order) when the shares are not estimable.
   */
  readonly drivers: readonly DriverSensitivity[];
  /**
   * Why no share (nor tornado end) can be estimated from these trials: then every driver's figures
   * and `unexplained` are null. Absent when they are estimated.
   */
  readonly notEstimable?: string;
}

/**
 * What moves a metric, on independent inputs: each driver's first-order variance share with its
 * interval, and its tornado bar (the metric's median at the driver's own P10 and P90). Only the
 * drivers that can move the metric take part: a tier's drivers and the market for a tier's metric,
 * and, when `metric` is given, of those only the ones that reach it (the name of metricValues'
 * metric: a driver whose deals all go live after the year moves bookings, not revenue or ending
 * ARR; see driversMoving). Without `metric` no driver is left out for a metric: the values may be any
 * metric's, and a default must not drop a driver that moves them (the result is labelled 'revenue',
 * as it always was).
 *
 * @example sensitivity(inputs, revenue, 'revenue').drivers[0].label // => 'Market'
 * Complexity: O(p n) for p drivers over n trials (the inputs are already ranked).
 */
export function sensitivity(inputs: AttributionInputs, metricValues: ArrayLike<number>, metricName?: string, tier?: string): Sensitivity {
  const metric = metricName ?? 'revenue';
  const n = inputs.trials;
  // Natively for a column (its first n values; exact), so this function has no loop of its own for V8 to compile while it runs.
  const y = scratchFloat64('metric', n);
  if (ArrayBuffer.isView(metricValues) && metricValues.length >= n) y.set((metricValues as Float64Array).subarray(0, n));
  else y.set(Float64Array.from({ length: n }, (_, i) => metricValues[i]!));
  const drivers = driversMoving(inputs, tier, metricName);
  const live = drivers.filter((d) => d.input !== undefined);
  const est = firstOrderShares(y, live.map((d) => d.input!));
  if (est.notEstimable !== undefined) {
    // Too few trials: no share, and no tornado end either (the median of the one or two trials
    // nearest a driver's P10, with an interval of no width, would look like a finding).
    const reason = est.notEstimable;
    const out = drivers.map(
      (d): DriverSensitivity => ({
        key: d.key,
        label: d.label,
        unit: d.unit,
        ...(d.tier === undefined ? {} : { tier: d.tier }),
        ownUncertainty: d.input !== undefined,
        varianceShare: null,
        varianceShareInterval: null,
        varianceShareStandardError: null,
        low: null,
        high: null,
        swing: null,
        notEstimable: reason,
      }),
    );
    return { metric, ...(tier === undefined ? {} : { tier }), trialsUsed: n, method: SENSITIVITY_METHOD, bins: est.bins, unexplained: est.unexplained, drivers: out, notEstimable: reason };
  }
  const median = quantile(y, 0.5);
  const scratch = scratchFloat64('band', n);
  const out = drivers.map((d): DriverSensitivity => {
    const j = live.indexOf(d);
    const base = { key: d.key, label: d.label, unit: d.unit, ...(d.tier === undefined ? {} : { tier: d.tier }) };
    if (j < 0) {
      const flat = (percentile: number): SensitivityEnd => ({
        percentile,
        driverValue: d.planValue ?? NaN,
        metricMedian: median.value,
        interval: median.interval,
        ...(median.notEstimable === undefined ? {} : { notEstimable: median.notEstimable }),
      });
      return { ...base, ownUncertainty: false, varianceShare: 0, varianceShareInterval: [0, 0], varianceShareStandardError: 0, low: flat(TORNADO_LOW), high: flat(TORNADO_HIGH), swing: 0 };
    }
    const input = d.input!;
    const end = (p: number): SensitivityEnd => {
      // A discrete driver's value at p is a run of equal draws (however short): its trials alone are at p.
      const drawn = drawnAtomAt(input, p);
      const e = tornadoEnd(y, input.percentile, p, undefined, scratch, drawn?.percentile ?? NaN);
      return {
        percentile: p,
        driverValue: drawn?.value ?? inputValueAt(input, p),
        metricMedian: e.metricMedian,
        interval: e.interval,
        ...(e.notEstimable === undefined ? {} : { notEstimable: e.notEstimable }),
      };
    };
    const low = end(TORNADO_LOW);
    const high = end(TORNADO_HIGH);
    const s = est.shares[j]!;
    return { ...base, ownUncertainty: true, varianceShare: s.value!, varianceShareInterval: s.interval!, varianceShareStandardError: s.standardError!, low, high, swing: high.metricMedian - low.metricMedian };
  });
  // Every share and swing is a number here (estimable shares).
  out.sort((a, b) => b.varianceShare! - a.varianceShare! || Math.abs(b.swing!) - Math.abs(a.swing!) || a.key.localeCompare(b.key));
  return { metric, ...(tier === undefined ? {} : { tier }), trialsUsed: n, method: SENSITIVITY_METHOD, bins: est.bins, unexplained: est.unexplained, drivers: out };
}
