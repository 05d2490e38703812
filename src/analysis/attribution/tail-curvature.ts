import { incompleteBeta } from '../../math/incomplete-beta.js';
import type { PreparedInput } from './input.js';
import type { TailBins } from './tail-bins.js';
import { binLine } from './bin-line.js';

/**
 * The level at which firstOrderShares takes a metric to curve in an input's tails: each of its
 * halvings' F-tests (tailCurvature) at this over their number (Bonferroni), so an input whose metric is
 * linear in its tails is refined in about 1 run in 10,000. Strict because refining costs: where the
 * lines are adequate the halved tails and neighbours' noise only widen the interval (1.5-3x on a small
 * driver) and add noise to a share with no effect.
 */
export const TAIL_CURVATURE_LEVEL = 1e-4;

/** The F-tests of one tail's halvings: the smallest P(F >= statistic) with no curvature, and how many there were. */
export interface TailCurvatureTest {
  readonly p: number;
  readonly halvings: number;
}

/** The residual sum of squares of a line fitted to a bin's sums (a constant where x does not spread: binLine) and its parameters. */
function lineFit(C: number, X: number, XX: number, Y: number, YY: number, XY: number): { sse: number; p: number } {
  if (C === 0) return { sse: 0, p: 0 };
  const line = binLine(C, X, XX, Y, XY);
  let sse = YY - line.mean;
  if (line.p === 2) sse -= line.slope;
  return { sse: Math.max(0, sse), p: line.p };
}

/**
 * The F-tests of one outer bin's halvings (the trials at positions [from, to) of the input's order,
 * cut by tailBins into bins halved towards the extreme). Each halving is tested on its own: one line
 * in the bin it halved against a line in each half (2 more parameters), over the residual variance
 * of those two halves' lines. Why local: noise that grows towards an extreme (a metric the market
 * scales) would make a test over the whole tail weigh the extreme bins' large noise, which their extra
 * lines soak up, against the quieter inner bins' residuals, and read curvature into noise
 * (example.yaml's market at 2,000 trials: p = 3e-5 over the whole tail). Noise that grows inside a
 * halved bin still inflates F: a metric linear in z with noise 0.3 e^(1.5 z) is refined in 9 of 200
 * runs at 2,000 trials (bench/attribution-tail-gate.mjs). A heteroscedasticity-robust Wald test
 * (HC1) fired in none of them but missed arrcast's own curved model (leads loaded 2.5 on the market,
 * test/report/summary-paragraph-luck.test.ts), its residual covariance swollen by the very curvature.
 * Complexity: O(to - from).
 */
export function tailCurvature(input: PreparedInput, tail: TailBins, yc: ArrayLike<number>, from: number, to: number): TailCurvatureTest {
  const sums = new Map<number, Float64Array>();
  for (let r = from; r < to; r++) {
    const i = input.order[r]!;
    const k = tail.bin[i]!;
    let s = sums.get(k);
    if (s === undefined) sums.set(k, (s = new Float64Array(6)));
    const x = input.x[i]!;
    const y = yc[i]!;
    s[0]! += 1;
    s[1]! += x;
    s[2]! += x * x;
    s[3]! += y;
    s[4]! += y * y;
    s[5]! += x * y;
  }
  const keys = [...sums.keys()].sort((a, b) => a - b);
  // Extreme first: the lowest bins of the low tail, the highest of the high one.
  const parts = (from === 0 ? keys : keys.reverse()).map((k) => sums.get(k)!);
  const fit = (s: Float64Array) => lineFit(s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!);
  let p = 1;
  const extreme = Float64Array.from(parts[0] ?? new Float64Array(6));
  for (let j = 1; j < parts.length; j++) {
    const inner = parts[j]!;
    const whole = extreme.map((v, m) => v + inner[m]!);
    const a = fit(extreme);
    const b = fit(inner);
    const one = fit(whole);
    const df1 = a.p + b.p - one.p;
    const df2 = whole[0]! - a.p - b.p;
    const sse = a.sse + b.sse;
    const gain = one.sse - sse;
    if (df1 > 0 && df2 > 0 && gain > 1e-12 * one.sse) {
      // Halves fitted exactly (no noise there) that gained at all: curved.
      const f = gain / df1 / (sse / df2);
      p = Math.min(p, sse > 0 ? incompleteBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2).lower : 0);
    }
    extreme.set(whole);
  }
  return { p, halvings: Math.max(0, parts.length - 1) };
}

/**
 * Whether firstOrderShares fits the input in its halved tail bins (with neighbours' noise at the
 * extremes) rather than prepareInput's K bins: when any halving's F-test (tailCurvature) rejects one
 * line at TAIL_CURVATURE_LEVEL divided by the number of halvings of both tails (Bonferroni). Decided
 * once on the whole sample, and the jackknife's replicates all use the fit it chose, so the interval
 * is that of one fixed estimator.
 * Complexity: O(2n / K), the trials of the two outer bins.
 */
export function tailsCurve(input: PreparedInput, tail: TailBins, yc: ArrayLike<number>): boolean {
  if (tail.count <= input.bins || input.bins < 2) return false;
  // The outer bins' positions, as tailBins found them.
  const low = tailCurvature(input, tail, yc, 0, tail.lowEnd);
  const high = tailCurvature(input, tail, yc, tail.highStart, input.order.length);
  const level = TAIL_CURVATURE_LEVEL / Math.max(1, low.halvings + high.halvings);
  return low.p < level || high.p < level;
}
