import { blockCount, blockOf, fullBlocks } from './timeline.js';
import { tQuantile } from './reference-distributions.js';
import { DRIFT_PRIOR, yearLevel, type Estimate, type YearLevel } from './estimate.js';

/** The dollar renewal rate fitted from ARR due and ARR renewed. */
export interface RenewalFit {
  /** Σ renewed / Σ due over the last 12 months: next year's planned rate. */
  readonly rate: Estimate;
  /** ARR due and renewed in the last 12 months. */
  readonly due: number;
  readonly renewed: number;
  /** Next year's rate: sd on the rate scale, the rate's error and the drift between years. */
  readonly year: YearLevel;
}

/**
 * Dollar renewal rate from monthly due_arr and renewed_arr (index 0 = month 1): the ratio
 * estimator Σ renewed / Σ due of the last 12 months, with its linearised (sandwich) standard error
 * √(Σ (renewed_i − r̂ due_i)² · m/(m − 1)) / Σ due over the m months with ARR due, and a t interval
 * on m − 1 df. It makes no assumption about the number or sizes of the customers behind the
 * dollars. Next year's sd adds the drift between blocks (judgement: 3 points).
 *
 * @example fitRenewal(Float64Array.of(...Array(12).fill(100)), Float64Array.of(...Array(12).fill(90))).rate.value // => 0.9
 * Complexity: O(N).
 */
export function fitRenewal(due: ArrayLike<number>, renewed: ArrayLike<number>): RenewalFit {
  const n = due.length;
  const blocks = blockCount(n);
  const sumDue = new Float64Array(blocks);
  const sumRenewed = new Float64Array(blocks);
  for (let i = 0; i < n; i++) {
    const b = blockOf(i + 1, n);
    sumDue[b]! += due[i]!;
    sumRenewed[b]! += renewed[i]!;
  }
  const r = sumDue[0]! > 0 ? sumRenewed[0]! / sumDue[0]! : 0;
  let ss = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (blockOf(i + 1, n) !== 0 || !(due[i]! > 0)) continue;
    ss += (renewed[i]! - r * due[i]!) ** 2;
    m++;
  }
  const se = m > 1 ? Math.sqrt((ss * m) / (m - 1)) / sumDue[0]! : 0;
  const t = tQuantile(0.975, Math.max(1, m - 1));
  const changes: number[] = [];
  for (let b = 0; b + 1 < fullBlocks(n); b++) if (sumDue[b]! > 0 && sumDue[b + 1]! > 0) changes.push(sumRenewed[b]! / sumDue[b]! - sumRenewed[b + 1]! / sumDue[b + 1]!);
  return {
    rate: { value: r, lo: Math.max(0, r - t * se), hi: Math.min(1, r + t * se), n: m },
    due: sumDue[0]!,
    renewed: sumRenewed[0]!,
    year: yearLevel(se, changes, DRIFT_PRIOR.renewal),
  };
}
