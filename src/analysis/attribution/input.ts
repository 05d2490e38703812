import { normalCdf } from '../../random/normal-cdf.js';
import { copyOf, ranks } from '../ranks.js';

/**
 * One independent input of a metric, prepared once and shared by every metric it is attributed
 * to: the market factor or one driver's own year-level draw. Sorting happens here, once.
 */
export interface PreparedInput {
  /** Each trial's percentile of the input in (0, 1]: rank / n for an own draw, Φ(z) for the market. */
  readonly percentile: Float64Array;
  /** Each trial's bin 0..bins-1: equal-count bins of the input's ranks. */
  readonly bin: Uint16Array;
  readonly bins: number;
  /** The regressor inside a bin, standardised: the own draw's value, or z for the market. */
  readonly x: Float64Array;
  /** The input's values sorted ascending: its empirical quantiles (z for the market). */
  readonly sorted: Float64Array;
}

/**
 * How many equal-count bins for n trials: about 250 trials a bin, from 4 to 20. More bins cut the
 * discretisation bias but add (2K - 1) / n of noise to each share.
 *
 * @example binCount(100_000) // => 20
 * Complexity: O(1).
 */
export function binCount(n: number): number {
  return Math.max(4, Math.min(20, Math.floor(n / 250)));
}

/**
 * Prepare an input from its per-trial values. `kind: 'own'` ranks them (percentile = average rank /
 * n, ties sharing one); `kind: 'market'` reads them as z ~ N(0, 1) and uses Φ(z). Bins are always
 * equal-count bins of the ranks: bin = floor((rank - 1) K / n), ties in one bin.
 *
 * @example prepareInput(Float64Array.of(0.3, 0.1, 0.2, 0.4), 'own', 2).percentile // => [0.75, 0.25, 0.5, 1]
 * Complexity: O(n log n), one sort.
 */
export function prepareInput(values: ArrayLike<number>, kind: 'own' | 'market', bins = binCount(values.length)): PreparedInput {
  const n = values.length;
  const r = ranks(values);
  const sorted = copyOf(values).sort();
  const percentile = new Float64Array(n);
  const bin = new Uint16Array(n);
  const k = Math.max(1, Math.min(bins, n));
  for (let i = 0; i < n; i++) {
    percentile[i] = kind === 'market' ? normalCdf(values[i]!) : r[i]! / n;
    bin[i] = Math.min(k - 1, Math.floor(((r[i]! - 1) * k) / n));
  }
  return { percentile, bin, bins: k, x: standardise(values), sorted };
}

/** (v - mean) / sd, or zeros when v has no spread. O(n). */
function standardise(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i]!;
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - m) ** 2;
  const sd = Math.sqrt(ss / n);
  const out = new Float64Array(n);
  if (sd > 0) for (let i = 0; i < n; i++) out[i] = (values[i]! - m) / sd;
  return out;
}

/**
 * The type-7 p-quantile of ascending `sorted`.
 * @example sortedQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 * Complexity: O(1).
 */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  return lo + 1 < n ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}
