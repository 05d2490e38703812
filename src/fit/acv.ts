import { lognormalSigma2 } from '../math/distribution-params.js';
import { blockCount, blockOf, fullBlocks } from './timeline.js';
import { chiSquareQuantile, tQuantile } from './reference-distributions.js';
import { DRIFT_PRIOR, yearLevel, type Estimate, type YearLevel } from './estimate.js';

/** A lognormal ACV fitted from deals or from monthly totals. */
export interface AcvFit {
  /** How it was fitted: each deal's amount, or new_arr / deals by month. */
  readonly from: 'deals' | 'totals';
  /** Median ACV of the last 12 months' deals: next year's planned median. */
  readonly median: Estimate;
  /** sigma of log ACV across deals (the unit-level spread). */
  readonly sigma: Estimate;
  /** Mean ACV, exp(mu + sigma²/2). */
  readonly mean: number;
  /** Next year's median: log-scale sd from the median's error and the drift between years. */
  readonly year: YearLevel;
  /** Deals used (all months). */
  readonly deals: number;
}

/**
 * Lognormal ACV from each deal's amount and the history month it closed in (1..N).
 *
 * sigma is the pooled within-block sd of log amounts (df = deals − blocks; chi-square interval);
 * the median carried forward is exp(mean log amount) of the last 12 months' deals, with a t
 * interval from sigma / √deals. Next year's median drifts as the blocks' mean logs did (judgement 0.10).
 *
 * @example fitAcvFromDeals([10000, 10000], [12, 12], 12).median.value // => 10000
 * Complexity: O(deals).
 */
export function fitAcvFromDeals(amounts: ArrayLike<number>, months: ArrayLike<number>, n: number): AcvFit {
  const blocks = blockCount(n);
  const sum = new Float64Array(blocks);
  const count = new Int32Array(blocks);
  for (let d = 0; d < amounts.length; d++) {
    const b = blockOf(months[d]!, n);
    sum[b]! += Math.log(amounts[d]!);
    count[b]!++;
  }
  let ss = 0;
  for (let d = 0; d < amounts.length; d++) {
    const b = blockOf(months[d]!, n);
    ss += (Math.log(amounts[d]!) - sum[b]! / count[b]!) ** 2;
  }
  const used = count.filter((c) => c > 0).length;
  const df = Math.max(1, amounts.length - used);
  const sigma = Math.sqrt(ss / df);
  const last = count[0]! > 0 ? 0 : firstWithDeals(count);
  const mu = sum[last]! / count[last]!;
  const se = sigma / Math.sqrt(count[last]!);
  const t = tQuantile(0.975, df);
  const changes: number[] = [];
  for (let b = 0; b + 1 < fullBlocks(n); b++) if (count[b]! > 0 && count[b + 1]! > 0) changes.push(sum[b]! / count[b]! - sum[b + 1]! / count[b + 1]!);
  return {
    from: 'deals',
    median: { value: Math.exp(mu), lo: Math.exp(mu - t * se), hi: Math.exp(mu + t * se), n: count[last]! },
    sigma: { value: sigma, lo: sigma * Math.sqrt(df / chiSquareQuantile(0.975, df)), hi: sigma * Math.sqrt(df / chiSquareQuantile(0.025, df)), n: amounts.length },
    mean: Math.exp(mu + (sigma * sigma) / 2),
    year: yearLevel(se, changes, DRIFT_PRIOR.acv),
    deals: amounts.length,
  };
}

/**
 * Lognormal ACV from monthly totals only: month i's average deal a_i = new_arr_i / deals_i.
 *
 * What that identifies: the MEAN ACV, Σ new_arr / Σ deals (last 12 months), well. The spread
 * across deals only through how much the monthly averages scatter: Var(a_i) = Var(ACV) / deals_i,
 * so V = Σ deals_i (a_i − ā_b)² / (months − blocks) estimates Var(ACV) (chi-square interval), and
 * sigma² = log(1 + V / mean²) (V / mean² summed in units of the mean). That is weak (12 to 36 numbers for a shape), and anything else that
 * moves the monthly average (a large deal, mix, a price change) reads as spread. Give the deals
 * file for the shape.
 *
 * @example fitAcvFromTotals(Float64Array.of(...Array(12).fill(300000)), Float64Array.of(...Array(12).fill(30))).mean // => 10000
 * Complexity: O(N).
 */
export function fitAcvFromTotals(newArr: ArrayLike<number>, deals: ArrayLike<number>): AcvFit {
  const n = newArr.length;
  const blocks = blockCount(n);
  const sumArr = new Float64Array(blocks);
  const sumDeals = new Float64Array(blocks);
  const months = new Int32Array(blocks);
  // Every month's new_arr, that of months without deals too (new_arr is the ACV signed, so a
  // consistent file has none there; a file of deals in one column and new_arr in another may not
  // agree month by month): the mean is Σ new_arr / Σ deals of the whole 12 months; only the scatter
  // skips such months.
  const allArr = new Float64Array(blocks);
  for (let i = 0; i < n; i++) {
    allArr[blockOf(i + 1, n)]! += newArr[i]!;
    if (!(deals[i]! > 0)) continue;
    const b = blockOf(i + 1, n);
    sumArr[b]! += newArr[i]!;
    sumDeals[b]! += deals[i]!;
    months[b]!++;
  }
  const last = months[0]! > 0 ? 0 : firstWithDeals(months);
  const mean = allArr[last]! / sumDeals[last]!;
  // The scatter in units of the mean ACV: V / mean^2 is what sigma needs, and the squares of the
  // amounts themselves would underflow (a file in a unit 1e-170 as large read no spread at all).
  let v = 0;
  for (let i = 0; i < n; i++) {
    if (!(deals[i]! > 0)) continue;
    const b = blockOf(i + 1, n);
    v += deals[i]! * ((newArr[i]! / deals[i]! - sumArr[b]! / sumDeals[b]!) / mean) ** 2;
  }
  let df = 0;
  for (let b = 0; b < blocks; b++) if (months[b]! > 0) df += months[b]! - 1;
  df = Math.max(1, df);
  const cv2 = v / df;
  const toSigma = (relativeVariance: number) => Math.sqrt(lognormalSigma2(Math.sqrt(relativeVariance)));
  const sigma = toSigma(cv2);
  const median = mean * Math.exp((-sigma * sigma) / 2);
  // The mean's standard error over the mean: the log scale's.
  const seLog = Math.sqrt(cv2 / sumDeals[last]!);
  const t = tQuantile(0.975, df);
  const changes: number[] = [];
  for (let b = 0; b + 1 < fullBlocks(n); b++)
    if (sumDeals[b]! > 0 && sumDeals[b + 1]! > 0) changes.push(Math.log(allArr[b]! / sumDeals[b]! / (allArr[b + 1]! / sumDeals[b + 1]!)));
  return {
    from: 'totals',
    // On the log scale: the mean of a few skewed deals is skewed, and a symmetric interval misses high.
    median: { value: median, lo: median * Math.exp(-t * seLog), hi: median * Math.exp(t * seLog), n: months[last]! },
    sigma: { value: sigma, lo: toSigma((cv2 * df) / chiSquareQuantile(0.975, df)), hi: toSigma((cv2 * df) / chiSquareQuantile(0.025, df)), n: df + months.filter((m) => m > 0).length },
    mean,
    year: yearLevel(seLog, changes, DRIFT_PRIOR.acv),
    deals: sumDeals.reduce((a, x) => a + x, 0),
  };
}

/** The most recent block with deals. */
function firstWithDeals(count: ArrayLike<number>): number {
  for (let b = 0; b < count.length; b++) if (count[b]! > 0) return b;
  return 0;
}
