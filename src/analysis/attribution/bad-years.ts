import { meanAll } from '../../math/mean-all.js';
import { scratchFloat64 } from './scratch.js';
import { selectOrderStatistics } from '../order-statistics.js';
import { checkShare } from '../../scenario/share-argument.js';

/**
 * The worst `share` of trials of y, and the trials about the cut: what a mean over the bad years
 * and its standard error read (meanOverWorst).
 */
export interface WorstCut {
  /** The k = ceil(share x n) lowest trials (ties at the cut broken by trial order), ascending index. */
  readonly worst: Int32Array;
  /**
   * The trials whose y lies between the order statistics k - 1 - w and k - 1 + w, w = ceil(sqrt(n))
   * (clipped to the trials): a window about the cut whose mean of a driver estimates the driver's
   * mean at the cut, E[x | y = q].
   */
  readonly nearCut: Int32Array;
  /** n: how many trials the share is of. */
  readonly trials: number;
}

/**
 * The worst `share` of trials of y, and the trials about its cut.
 * @example worstCut(Float64Array.of(5, 1, 4, 2, 3), 0.4).worst // => Int32Array [1, 3]
 * Complexity: O(n) expected.
 */
export function worstCut(y: ArrayLike<number>, share = 0.1): WorstCut {
  checkShare(share, 'worstTrials: share');
  const n = y.length;
  const k = Math.max(1, Math.ceil(share * n));
  // The window's half-width: wide enough that its mean's noise is small beside the term it feeds
  // (its variance is a 1/(2w + 1) share of the driver's there), narrow enough that it reads the
  // driver at the cut (ranks within sqrt(n) of it: quantiles within 1/sqrt(n) of the share).
  const w = Math.ceil(Math.sqrt(n));
  const [below, above] = [Math.max(0, k - 1 - w), Math.min(n - 1, k - 1 + w)];
  const scratch = scratchFloat64('worst', n);
  scratch.set(y);
  const at = selectOrderStatistics(scratch, n, [below, k - 1, above]);
  const cut = at.get(k - 1)!;
  const [lo, hi] = [at.get(below)!, at.get(above)!];
  const worst = new Int32Array(k);
  let j = 0;
  for (let i = 0; i < n && j < k; i++) if (y[i]! < cut) worst[j++] = i;
  for (let i = 0; i < n && j < k; i++) if (y[i]! === cut) worst[j++] = i;
  let m = 0;
  for (let i = 0; i < n; i++) if (y[i]! >= lo && y[i]! <= hi) m++;
  const nearCut = new Int32Array(m);
  m = 0;
  for (let i = 0; i < n; i++) if (y[i]! >= lo && y[i]! <= hi) nearCut[m++] = i;
  return { worst: worst.sort(), nearCut, trials: n };
}

/**
 * The indices of the worst `share` of trials of y: exactly k = ceil(share x n) of them, the k lowest
 * values (ties at the cut broken by trial order).
 *
 * @example worstTrials(Float64Array.of(5, 1, 4, 2, 3), 0.4) // => Int32Array [1, 3]
 * Complexity: O(n) expected.
 */
export function worstTrials(y: ArrayLike<number>, share = 0.1): Int32Array {
  return worstCut(y, share).worst;
}

/** The mean of values over the bad years, and its standard error. */
export interface MeanEstimate {
  readonly mean: number;
  readonly standardError: number;
}

/** The plain mean of values over the trials in `indices`. Complexity: O(indices). */
function meanAt(values: ArrayLike<number>, indices: Int32Array): number {
  let s = 0;
  for (let j = 0; j < indices.length; j++) s += values[indices[j]!]!;
  return s / indices.length;
}

/**
 * Mean of values x over the worst trials of a metric y, theta = E[x | y <= q], with its standard
 * error sqrt([s^2 + (1 - a)(theta - m(q))^2] / (n a)): s^2 the variance of x over the worst trials,
 * a = k / n, m(q) = E[x | y = q] the mean of x at the cut (read over cut.nearCut). The cut q is itself
 * random: a sample whose q lands low holds fewer of the trials with x near m(q), and the second
 * term is that (the influence function of a mean over an estimated quantile, as for the expected
 * shortfall in analysis/shortfall.ts, where x = y and m(q) = q). sd / sqrt(k) alone, before December
 * 2026, understated it: by 1.92x for a driver that determines the metric (s^2 = a^2/12 against
 * (1 - a) a^2 / 4 for its percentile), by 12% in a lognormal case. A driver unrelated to the metric
 * has m(q) = theta and keeps sd / sqrt(k). NaN with fewer than 2 bad years.
 *
 * @example meanOverWorst(conversion.percentile, worstCut(revenue)) // => { mean: 0.31, standardError: 0.011 }
 * Complexity: O(worst + nearCut).
 */
export function meanOverWorst(values: ArrayLike<number>, cut: WorstCut): MeanEstimate {
  const { worst } = cut;
  const k = worst.length;
  const mean = meanAt(values, worst);
  if (k < 2) return { mean, standardError: NaN };
  let ss = 0;
  for (let j = 0; j < k; j++) ss += (values[worst[j]!]! - mean) ** 2;
  const a = k / cut.trials;
  const atCut = meanAt(values, cut.nearCut);
  return { mean, standardError: Math.sqrt((ss / (k - 1) + (1 - a) * (mean - atCut) ** 2) / k) };
}

/** One component's part of the bad years' shortfall. */
export interface ComponentShortfall {
  readonly component: string;
  /** Its mean over all trials, and over the worst ones. */
  readonly mean: number;
  readonly worstMean: number;
  /** mean - worstMean: how much less it brings in the bad years (negative: more). */
  readonly shortfall: number;
  /** shortfall / the metric's shortfall; the shares add up to 1 when the components add up to the metric. */
  readonly share: number;
}

/**
 * How the shortfall of the worst trials splits by component: for each component c,
 * shortfall_c = mean_all(c) - mean_worst(c), and its share of the metric's own shortfall
 * mean_all(y) - mean_worst(y). Components that add up to y (plus a constant) give shares that add up
 * to 1 exactly: their shortfalls' sum is then the denominator (within float32's rounding of y's own).
 *
 * @example componentShortfalls(revenue, worst, [{ component: 'churn', values: churn }])[0].share // => 0.35
 * Complexity: O(n x components).
 */
export function componentShortfalls(y: ArrayLike<number>, worst: Int32Array, components: ReadonlyArray<{ readonly component: string; readonly values: ArrayLike<number> }>): ComponentShortfall[] {
  const parts = components.map(({ component, values }) => {
    const mean = meanAll(values);
    const worstMean = meanAt(values, worst);
    return { component, mean, worstMean, shortfall: mean - worstMean };
  });
  // The metric's shortfall as the components' shortfalls add up: the same number as y's own
  // (mean_all(y) - mean_worst(y)) when they add up to y, but without the rounding of float32
  // breakdowns against a float64 total, which made a shortfall that is all churn read 99.9999995%.
  // y's own is kept for components that do not add up to it (a subset).
  const own = meanAll(y) - meanAt(y, worst);
  const summed = parts.reduce((a, p) => a + p.shortfall, 0);
  const total = Math.abs(summed - own) <= 1e-6 * Math.max(Math.abs(own), Math.abs(summed)) ? summed : own;
  return parts.map((p) => ({ ...p, share: total !== 0 ? p.shortfall / total : 0 }));
}
