import { exactConfidenceRanks } from '../analysis/order-statistics.js';
import { checkShare } from '../scenario/share-argument.js';
import type { PitRange } from './pit.js';

/**
 * Calibration across many forecasts, from their PITs: how often outcomes fell in each tenth of the
 * forecast (the PIT histogram), and how often below each nominal percentile (the calibration
 * curve, a reliability diagram for quantiles).
 *
 * Each takes the PITs as points, or as ranges (pit.ts pitRange: [F_n(y−), F_n(y)]), each outcome
 * then spread evenly over its range (the non-randomised PIT of Czado, Gneiting & Held 2009): where
 * trials tie with the outcome, a point forecast that hit its outcome exactly weighs in as uniform,
 * not as 50%. Scored with mid-rank points, the 12 figures of a re-forecast of all 12 closed months,
 * each exactly right, gave a histogram all in one bin and "KS p = 0.003", not uniform.
 */

const asRanges = (pits: ArrayLike<number>): PitRange[] => Array.from(pits, (p) => [p, p] as const);

/** Counts of PITs in `bins` equal bins of [0, 1] (a PIT of exactly 1 goes in the last bin). */
export function pitHistogram(pits: ArrayLike<number>, bins = 10): number[] {
  return pitRangeHistogram(asRanges(pits), bins);
}

/**
 * pitHistogram of PIT ranges: a point range counts 1 in its bin; a range of width w adds to each bin
 * the share of it the bin holds (overlap / w), so counts may be fractions and sum to the outcomes.
 *
 * @example pitRangeHistogram([[0, 1], [0.25, 0.25]], 4) // => [0.25, 1.25, 0.25, 0.25]
 * Complexity: O(outcomes × bins spanned).
 */
export function pitRangeHistogram(ranges: readonly PitRange[], bins = 10): number[] {
  // A string ('10') made an array of that one string, and the counts NaN; 10.5 a RangeError of V8's.
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`pitHistogram: bins must be a whole number, at least 1 (got ${typeof bins === 'number' ? bins : typeof bins})`);
  const counts = new Array<number>(bins).fill(0);
  for (const [lo, hi] of ranges) {
    const first = Math.min(bins - 1, Math.floor(lo * bins));
    if (!(hi > lo)) {
      counts[first]!++;
      continue;
    }
    const last = Math.min(bins - 1, Math.max(first, Math.ceil(hi * bins) - 1));
    // In units of a bin, so that a range over whole bins adds whole shares.
    const [from, to] = [lo * bins, hi * bins];
    for (let b = first; b <= last; b++) counts[b]! += Math.max(0, Math.min(to, b + 1) - Math.max(from, b)) / (to - from);
  }
  return counts;
}

/** The share of a PIT range's even spread below u: a point counts 0 below u, ½ at it, 1 above. */
function shareBelow([lo, hi]: PitRange, u: number): number {
  if (!(hi > lo)) return lo < u ? 1 : lo === u ? 0.5 : 0;
  return u <= lo ? 0 : u >= hi ? 1 : (u - lo) / (hi - lo);
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
  return rangeCalibrationCurve(asRanges(pits), levels);
}

/**
 * calibrationCurve of PIT ranges: at each level, the mean share of each outcome's range below it.
 *
 * @example rangeCalibrationCurve([[0, 1]], [0.3])[0].observed // => 0.3
 * Complexity: O(n × levels).
 */
export function rangeCalibrationCurve(ranges: readonly PitRange[], levels: readonly number[] = DEFAULT_LEVELS): CalibrationPoint[] {
  const n = ranges.length;
  for (const level of levels) checkShare(level, 'calibrationCurve: a level');
  return levels.map((level) => {
    let below = 0;
    for (const r of ranges) below += shareBelow(r, level);
    return { level, observed: n === 0 ? NaN : below / n, standardError: n === 0 ? NaN : Math.sqrt((level * (1 - level)) / n) };
  });
}

/** 0.05, 0.1, ..., 0.95. */
export const DEFAULT_LEVELS: readonly number[] = Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100);

/** Coverage of a central interval across outcomes: the share inside, its standard error and the nominal share. */
export interface Coverage {
  /** Outcomes inside: a whole count, or with ties (shareInside) a sum of shares that may be a fraction. */
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
  /**
   * 'too narrow' at lo − 1 or fewer inside, 'too wide' at hi + 1 or more, else 'calibrated': for a
   * whole count, outside calibratedRange. A count with ties in it (a fraction) is the average, over
   * each tied outcome's even spread, of the whole count a randomised PIT would give; it is flagged
   * only a whole outcome past the band, so a fraction between the band's end and the next whole
   * number (23.2 of 24 beside 15 to 23) is not called too wide. Calibrated, such a count varies less
   * than the whole count (Jensen), and P(count >= hi + 1) <= min over c of E[(K − c)⁺] / (hi + 1 − c)
   * (Markov on the convex excess): at most 1.2% at 20 outcomes, 2.6% at 50, 5.2% at 400, 6.0% at
   * 10,000 and 6.4% in the normal limit, each side, however the ties fall (2.5% without ties). A bound
   * (bench/coverage-fraction-bound.mjs), not the rate: the spread makes the count vary less still.
   */
  readonly verdict: CoverageVerdict;
}

export type CoverageVerdict = 'too narrow' | 'calibrated' | 'too wide';

/**
 * The share of an outcome inside the central `nominal` interval: with no tie (a point PIT range),
 * 1 or 0 as `pointInside` (the outcome within the sample's P10 and P90) says; with ties, the share of
 * its PIT range [lo, hi] that lies within [(1 − nominal) / 2, (1 + nominal) / 2], as the histogram
 * and the calibration curve spread it. A forecast every trial of which equals its outcome (range
 * [0, 1]) is inside 0.8 of a time, as a randomised PIT would be, not 1.
 *
 * @example shareInside([0, 1], true) // => 0.8 (about: [0.1, 0.9] of [0, 1])
 * @example shareInside([0.05, 0.15], true) // => 0.5
 * Complexity: O(1).
 */
export function shareInside([lo, hi]: PitRange, pointInside: boolean, nominal = 0.8): number {
  if (!(hi > lo)) return pointInside ? 1 : 0;
  const [from, to] = [(1 - nominal) / 2, (1 + nominal) / 2];
  return Math.max(0, Math.min(hi, to) - Math.max(lo, from)) / (hi - lo);
}

/**
 * The share of outcomes inside their forecast's P10-P90 interval (or another nominal interval):
 * about 80% for calibrated forecasts, with the counts a calibrated forecast gives 95% of the time
 * (exact binomial: a normal ±2 standard errors called one outcome of one outside P10-P90, which a
 * calibrated forecast gives 20% of the time, "too narrow"). Each outcome is inside (true, 1), not
 * (false, 0) or, with ties, a share (shareInside): the verdict then reads the sum (Coverage.verdict).
 *
 * @example coverage([true, false, true, true], 0.8).calibratedRange // => [2, 4]
 * Complexity: O(n), and O(log n) incomplete beta evaluations.
 */
export function coverage(inside: readonly (boolean | number)[], nominal = 0.8): Coverage {
  checkShare(nominal, 'coverage: nominal', true);
  const n = inside.length;
  let k = 0;
  for (const x of inside) {
    // A share past 0..1 (a count, a percentage) would move the verdict without a word.
    if (typeof x !== 'boolean' && !(x >= 0 && x <= 1)) throw new RangeError(`coverage: each outcome is inside (true), not (false) or a share between 0 and 1 (got ${typeof x === 'number' ? x : typeof x})`);
    k += Number(x);
  }
  // The largest r with P(K <= r - 1) <= 2.5% and the smallest s with P(K >= s) <= 2.5%: [r, s - 1] is what is left.
  const { r, s } = n === 0 ? { r: 0, s: 1 } : exactConfidenceRanks(n, nominal);
  const [lo, hi] = [r, s - 1];
  return {
    inside: k,
    outcomes: n,
    share: n === 0 ? NaN : k / n,
    nominal,
    standardError: n === 0 ? NaN : Math.sqrt((nominal * (1 - nominal)) / n),
    calibratedRange: [lo, hi],
    verdict: k <= lo - 1 ? 'too narrow' : k >= hi + 1 ? 'too wide' : 'calibrated',
  };
}

/**
 * Kolmogorov-Smirnov test of PITs against the uniform distribution: D = sup |F_n(u) − u| and its
 * p-value P(D_n >= D): exact up to KS_EXACT_MAX_N PITs (kolmogorovSf), above that the asymptotic
 * Q(λ), λ = (√n + 0.12 + 0.11/√n) D (Stephens 1970), Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²), which is
 * accurate there but not with very few: of one PIT at 0.9997 it gave p = 0.097 for the exact
 * 2 (1 − D) = 0.0007, and 0.65 for 0.8 at D = 0.6.
 * With few outcomes (under about 20) the test can tell little; say so rather than read the p-value.
 *
 * @example ksUniform([0.1, 0.5, 0.9]).d // => 0.2333 (at 0.1: 1/3 − 0.1)
 * Complexity: O(n log n), and up to O(m³ log n) with m <= 2n + 1 for the exact p-value.
 */
export function ksUniform(pits: ArrayLike<number>): { readonly d: number; readonly pValue: number; readonly n: number } {
  const xs = Float64Array.from(pits).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, (i + 1) / n - xs[i]!, xs[i]! - i / n);
  if (n === 0) return { d: NaN, pValue: NaN, n };
  return { d, pValue: ksPValue(n, d), n };
}

/** P(D_n >= d) as ksUniform reads it: exact up to KS_EXACT_MAX_N, Stephens' asymptotic form above. */
function ksPValue(n: number, d: number): number {
  if (n <= KS_EXACT_MAX_N) return kolmogorovSf(n, d);
  const sn = Math.sqrt(n);
  return kolmogorovTail((sn + 0.12 + 0.11 / sn) * d);
}

/**
 * ksUniform of PIT ranges: D = sup |F̄(u) − u|, F̄ the mean of each outcome's CDF (a step at a point
 * range, a ramp across a wider one), and the p-value of D for n outcomes as ksUniform gives it (the
 * ramps make F̄ smoother than n points would, so it errs on the side of calling forecasts calibrated).
 * Point ranges only: ksUniform of the points, exactly. F̄(u) − u is linear between the ranges'
 * ends, so the supremum is at an end, from the left or the right.
 *
 * @example ksUniformRanges([[0, 1], [0.2, 0.2]]).d // => 0.4 (at 0.2: (0.2 + 1) / 2 − 0.2)
 * Complexity: O(n log n).
 */
export function ksUniformRanges(ranges: readonly PitRange[]): { readonly d: number; readonly pValue: number; readonly n: number } {
  const n = ranges.length;
  if (ranges.every(([lo, hi]) => !(hi > lo))) return ksUniform(ranges.map(([lo]) => lo));
  const points = Float64Array.from(ranges.filter(([lo, hi]) => !(hi > lo)), ([lo]) => lo).sort();
  const wide = ranges.filter(([lo, hi]) => hi > lo);
  const starts = [...wide].sort((a, b) => a[0] - b[0]);
  const ends = [...wide].sort((a, b) => a[1] - b[1]);
  const at = Float64Array.from(new Set([0, 1, ...points, ...wide.flat()])).sort();
  let p = 0; // points below t
  let s = 0; // ranges started (lo <= t)
  let e = 0; // ranges ended (hi <= t)
  let slope = 0; // Σ 1 / w over ranges started and not ended
  let offset = 0; // Σ lo / w over them
  let d = 0;
  for (const t of at) {
    for (; s < starts.length && starts[s]![0] <= t; s++) {
      const [lo, hi] = starts[s]!;
      slope += 1 / (hi - lo);
      offset += lo / (hi - lo);
    }
    for (; e < ends.length && ends[e]![1] <= t; e++) {
      const [lo, hi] = ends[e]!;
      slope -= 1 / (hi - lo);
      offset -= lo / (hi - lo);
    }
    // The ramps' CDFs at t (continuous): the ranges ended count 1, those under way (t − lo) / w.
    const ramps = e + Math.min(Math.max(t * slope - offset, 0), s - e);
    const below = p;
    while (p < points.length && points[p]! <= t) p++;
    d = Math.max(d, Math.abs((below + ramps) / n - t), Math.abs((p + ramps) / n - t));
  }
  return { d, pValue: ksPValue(n, d), n };
}

/** Up to this many PITs the KS p-value is exact (kolmogorovSf); above, Stephens' asymptotic form. */
export const KS_EXACT_MAX_N = 100;

/** Below this, P(D_n >= d) is read from the one-sided tail, whose double is then exact to about half of it in relative terms. */
const ONE_SIDED_BELOW = 1e-7;

/**
 * P(D_n >= d), the two-sided one-sample KS statistic's upper tail, to about 1e-15 in absolute terms
 * and 1e-7 relative: 1 − kolmogorovCdf where that is not small; in the tail, twice the one-sided
 * P(D_n⁺ >= d) (Birnbaum & Tingey 1951; exact for d >= 1/2, where D⁺ and D⁻ cannot both reach d,
 * and off by at most P(D⁺ >= d)² below), as a sum of positive terms, so that a tail of 1e-20 is not
 * lost in 1 − cdf; 2 (1 − d)^n for d >= 1 − 1/n, exactly.
 *
 * @example kolmogorovSf(10, 0.9) // => 2.0e-10 (2 × 0.1^10)
 * Complexity: O(n) in the tail, else kolmogorovCdf's.
 */
export function kolmogorovSf(n: number, d: number): number {
  if (!(d > 0)) return 1;
  if (d >= 1) return 0;
  if (d >= 1 - 1 / n) return Math.min(1, 2 * (1 - d) ** n);
  const tail = 2 * smirnovUpperTail(n, d);
  if (tail < ONE_SIDED_BELOW) return tail;
  return Math.min(1, Math.max(0, 1 - kolmogorovCdf(n, d)));
}

/** P(D_n⁺ >= d) = d Σ_{j=0}^{⌊n(1−d)⌋} C(n, j) (1 − d − j/n)^(n−j) (d + j/n)^(j−1) (Birnbaum & Tingey 1951), terms in logs. */
function smirnovUpperTail(n: number, d: number): number {
  let sum = 0;
  let logChoose = 0; // log C(n, j)
  for (let j = 0; j <= Math.floor(n * (1 - d)); j++) {
    if (j > 0) logChoose += Math.log((n - j + 1) / j);
    const a = 1 - d - j / n;
    if (a <= 0) break;
    sum += Math.exp(logChoose + (n - j) * Math.log(a) + (j - 1) * Math.log(d + j / n));
  }
  return d * sum;
}

/**
 * P(D_n < d) for the two-sided one-sample KS statistic of n uniform values, exactly (Marsaglia,
 * Tsang & Wang 2003, "Evaluating Kolmogorov's distribution", J. Stat. Software 8(18)): the entry
 * (k, k) of H^n times n!/n^n, H an m × m matrix (m = 2k − 1, k = ⌊n d⌋ + 1), its power taken by
 * squaring with a decimal exponent kept apart against overflow. Exact everywhere (not their closed
 * approximation past n d² = 7.24, which is off by 1.5% to 100x in the tail); for the tail itself,
 * kolmogorovSf, since 1 − cdf loses what is below about 1e-15.
 *
 * @example 1 - kolmogorovCdf(1, 0.9) // => 0.2 (one value: P(max(u, 1 − u) >= 0.9))
 * Complexity: O(m³ log n).
 */
export function kolmogorovCdf(n: number, d: number): number {
  if (!(d > 0)) return 0;
  if (d >= 1) return 1;
  const k = Math.floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) H[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  for (let i = 0; i < m; i++) {
    H[i * m]! -= h ** (i + 1);
    H[(m - 1) * m + i]! -= h ** (m - i);
  }
  H[(m - 1) * m]! += 2 * h - 1 > 0 ? (2 * h - 1) ** m : 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++)
      if (i - j + 1 > 0) for (let g = 1; g <= i - j + 1; g++) H[i * m + j]! /= g;
  const { matrix: Q, exponent } = matrixPower(H, m, n);
  let v = Q[(k - 1) * m + k - 1]!;
  let e = exponent;
  for (let i = 1; i <= n; i++) {
    v = (v * i) / n;
    if (v < 1e-140) {
      v *= 1e140;
      e -= 140;
    }
  }
  return v * 10 ** e;
}

/** A^n for an m × m matrix, as a matrix and a power of 10 it is to be multiplied by (kept apart against overflow). */
function matrixPower(a: Float64Array, m: number, n: number): { matrix: Float64Array; exponent: number } {
  if (n === 1) return { matrix: a.slice(), exponent: 0 };
  const half = matrixPower(a, m, n >> 1);
  let v = multiply(half.matrix, half.matrix, m);
  let exponent = 2 * half.exponent;
  if (n % 2 === 1) v = multiply(a, v, m);
  const centre = (m >> 1) * m + (m >> 1);
  if (v[centre]! > 1e140) {
    for (let i = 0; i < m * m; i++) v[i]! *= 1e-140;
    exponent += 140;
  }
  return { matrix: v, exponent };
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let l = 0; l < m; l++) {
      const x = a[i * m + l]!;
      if (x === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j]! += x * b[l * m + j]!;
    }
  return c;
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
