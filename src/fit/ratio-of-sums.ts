import { blockCount, blockOf, fullBlocks } from './timeline.js';

/** A ratio of monthly sums Σ part / Σ whole over the last 12 months, with what its interval needs. */
export interface RatioOfSums {
  /** Σ part / Σ whole of the last 12 months (0 with no whole). */
  readonly value: number;
  /** The linearised (sandwich) standard error √(Σ (part_i − r̂ whole_i)² · m/(m − 1)) / Σ whole; 0 when m < 2. */
  readonly se: number;
  /** The residual sum Σ (part_i − r̂ whole_i)² (0: every month the same ratio). */
  readonly residual: number;
  /**
   * Every month the same ratio within rounding: the residual is at most what rounding each month's
   * part and whole to whole currency units explains, Σ (½ (1 + |r̂|))² (each residual off by at most
   * ½ + |r̂|·½). A constant share computed in floating point, or rounded to whole dollars, leaves a
   * residual of 1e-20 to 1: no scatter, and no standard error to take from it.
   */
  readonly flat: boolean;
  /** Months of the last 12 with some whole or some part. */
  readonly months: number;
  /** Σ whole and Σ part of the last 12 months. */
  readonly whole: number;
  readonly part: number;
  /** The last 12 months' wholes (0 elsewhere), for the effective number of months. */
  readonly lastWholes: Float64Array;
  /** Year-on-year changes of the ratio between consecutive full 12-month blocks (newest first). */
  readonly changes: readonly number[];
}

/**
 * The ratio estimator Σ part / Σ whole of a history's last 12 months (index 0 = month 1), with its
 * linearised (sandwich) standard error over the m months with some whole or some part (upsells in a
 * month without renewals are a residual too): it assumes nothing about
 * the number or sizes of the customers behind the dollars. Used for the dollar renewal rate
 * (renewed / due) and the contraction and expansion shares of ARR renewed.
 *
 * @example ratioOfSums(Float64Array.of(...Array(12).fill(90)), Float64Array.of(...Array(12).fill(100))).value // => 0.9
 * Complexity: O(N).
 */
export function ratioOfSums(part: ArrayLike<number>, whole: ArrayLike<number>): RatioOfSums {
  const n = whole.length;
  const blocks = blockCount(n);
  const sumWhole = new Float64Array(blocks);
  const sumPart = new Float64Array(blocks);
  for (let i = 0; i < n; i++) {
    const b = blockOf(i + 1, n);
    sumWhole[b]! += whole[i]!;
    sumPart[b]! += part[i]!;
  }
  const r = sumWhole[0]! > 0 ? sumPart[0]! / sumWhole[0]! : 0;
  let ss = 0;
  let m = 0;
  const lastWholes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (blockOf(i + 1, n) !== 0 || !(whole[i]! > 0 || part[i]! > 0)) continue;
    ss += (part[i]! - r * whole[i]!) ** 2;
    lastWholes[i] = whole[i]!;
    m++;
  }
  const changes: number[] = [];
  for (let b = 0; b + 1 < fullBlocks(n); b++) if (sumWhole[b]! > 0 && sumWhole[b + 1]! > 0) changes.push(sumPart[b]! / sumWhole[b]! - sumPart[b + 1]! / sumWhole[b + 1]!);
  const rounding = 0.5 * (1 + Math.abs(r));
  return { value: r, se: m > 1 ? Math.sqrt((ss * m) / (m - 1)) / sumWhole[0]! : 0, residual: ss, flat: ss <= m * rounding * rounding, months: m, whole: sumWhole[0]!, part: sumPart[0]!, lastWholes, changes };
}
