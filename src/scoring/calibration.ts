import { exactConfidenceRanks } from '../analysis/order-statistics.js';

/**
 * Calibration across many forecasts, from their PITs: how often outcomes fell in each tenth of the
 * forecast (the PIT histogram), and how often below each nominal percentile (the calibration
 * curve, a reliability diagram for quantiles).
 */

/** Counts of PITs in `bins` equal bins of [0, 1] (a PIT of exactly 1 goes in the last bin). */
export function pitHistogram(pits: ArrayLike<number>, bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < pits.length; i++) counts[Math.min(bins - 1, Math.floor(pits[i]! * bins))]!++;
  return counts;
}

/** One point of the calibration curve. */
export interface CalibrationPoint {
  /** Nominal level: the forecast's P(level × 100). */
  readonly level: number;
  /** Share of outcomes that fell below it (PIT < level; a PIT equal to the level counts half). */
  readonly observed: number;
  /** Binomial standard error of `observed` if the forecasts were calibrated: sqrt(level (1 − level) / n). */
  readonly standardError: number;
}

/**
 * For each nominal level, the share of outcomes whose PIT is below it. Calibrated forecasts lie on
 * the diagonal within about 2 standard errors.
 *
 * @example calibrationCurve([0.05, 0.5, 0.95], [0.5])[0].observed // => 1/3 + ½·1/3 = 0.5
 * Complexity: O(n × levels).
 */
export function calibrationCurve(pits: ArrayLike<number>, levels: readonly number[] = DEFAULT_LEVELS): CalibrationPoint[] {
  const n = pits.length;
  return levels.map((level) => {
    let below = 0;
    for (let i = 0; i < n; i++) below += pits[i]! < level ? 1 : pits[i] === level ? 0.5 : 0;
    return { level, observed: n === 0 ? NaN : below / n, standardError: n === 0 ? NaN : Math.sqrt((level * (1 - level)) / n) };
  });
}

/** 0.05, 0.1, ..., 0.95. */
export const DEFAULT_LEVELS: readonly number[] = Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100);

/** Coverage of a central interval across outcomes: the share inside, its standard error and the nominal share. */
export interface Coverage {
  readonly inside: number;
  readonly outcomes: number;
  readonly share: number;
  readonly nominal: number;
  /** Binomial standard error at the nominal share: sqrt(nominal (1 − nominal) / outcomes). */
  readonly standardError: number;
  /**
   * How many of the outcomes a calibrated forecast puts inside, 95% of the time: [lo, hi] with
   * P(K < lo) and P(K > hi) each at most 2.5%, K ~ Binomial(outcomes, nominal). Outside it, the
   * bands were too narrow (below lo) or too wide (above hi).
   */
  readonly calibratedRange: readonly [number, number];
}

/**
 * The share of outcomes inside their forecast's P10-P90 interval (or another nominal interval):
 * about 80% for calibrated forecasts, with the counts a calibrated forecast gives 95% of the time
 * (exact binomial: a normal ±2 standard errors called one outcome of one outside P10-P90, which a
 * calibrated forecast gives 20% of the time, "too narrow").
 *
 * @example coverage([true, false, true, true], 0.8).calibratedRange // => [2, 4]
 * Complexity: O(n), and O(log n) incomplete beta evaluations.
 */
export function coverage(inside: readonly boolean[], nominal = 0.8): Coverage {
  const n = inside.length;
  const k = inside.filter(Boolean).length;
  // The largest r with P(K <= r - 1) <= 2.5% and the smallest s with P(K >= s) <= 2.5%: [r, s - 1] is what is left.
  const { r, s } = n === 0 ? { r: 0, s: 1 } : exactConfidenceRanks(n, nominal);
  return {
    inside: k,
    outcomes: n,
    share: n === 0 ? NaN : k / n,
    nominal,
    standardError: n === 0 ? NaN : Math.sqrt((nominal * (1 - nominal)) / n),
    calibratedRange: [r, s - 1],
  };
}

/**
 * Kolmogorov-Smirnov test of PITs against the uniform distribution: D = sup |F_n(u) − u| and its
 * asymptotic p-value Q(λ), λ = (√n + 0.12 + 0.11/√n) D (Stephens 1970), Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²).
 * With few outcomes (under about 20) the test can tell little; say so rather than read the p-value.
 *
 * @example ksUniform([0.1, 0.5, 0.9]).d // => 0.2333 (at 0.1: 1/3 − 0.1)
 * Complexity: O(n log n).
 */
export function ksUniform(pits: ArrayLike<number>): { readonly d: number; readonly pValue: number; readonly n: number } {
  const xs = Float64Array.from(pits).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, (i + 1) / n - xs[i]!, xs[i]! - i / n);
  if (n === 0) return { d: NaN, pValue: NaN, n };
  const sn = Math.sqrt(n);
  const lambda = (sn + 0.12 + 0.11 / sn) * d;
  return { d, pValue: kolmogorovTail(lambda), n };
}

/**
 * Q(λ) = P(K > λ) of the Kolmogorov distribution. The alternating series 2 Σ (−1)^(k−1) e^(−2k²λ²)
 * converges fast for large λ but, cut after 100 terms, not at all for small λ (at λ = 0.01 its
 * partial sum is 0.40, not 1); below λ = 1.18 the equivalent theta series
 * 1 − (√(2π)/λ) Σ e^(−(2k−1)²π²/(8λ²)) is used, which converges fast there.
 *
 * @example kolmogorovTail(1.3581) // => 0.05 (about)
 * Complexity: O(1) (at most 100 terms).
 */
export function kolmogorovTail(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    let cdf = 0;
    for (let k = 1; k <= 100; k++) {
      const term = Math.exp(-((2 * k - 1) ** 2) * Math.PI * Math.PI / (8 * lambda * lambda));
      cdf += term;
      if (term < 1e-17 * cdf || term === 0) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * cdf));
  }
  let q = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    q += k % 2 === 1 ? term : -term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * q));
}
