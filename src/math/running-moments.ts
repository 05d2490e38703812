import { BLOCK, loadBlock } from './float64-blocks.js';

/** Mean, sample sd and extremes of the finite values folded in; undefined when none is finite. */
export interface Moments {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** fold()'s block of values, as float64, for values neither float64 nor float32 (math/float64-blocks.ts). */
const block = new Float64Array(BLOCK);

/**
 * Welford's running mean and variance (one pass, numerically stable), with the extremes, of the
 * finite values folded in, in the order they are folded. Folding a column's values in pieces, in
 * order, gives the very numbers one fold of the whole column gives: the same operations on the same
 * values in the same order (a run's store folds each chunk as the chunks before it are in, so its
 * summary need not read the columns again for their moments).
 */
export class RunningMoments {
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;

  /**
   * Fold in values[from..to), in order (non-finite values are left out).
   * Allocates nothing for a Float64Array or a Float32Array (a run's store folds each of its columns
   * chunk by chunk, about 90,000 times in a million-trial run: no view of the values is taken).
   * Complexity: O(to - from).
   */
  fold(values: ArrayLike<number>, from = 0, to = values.length): void {
    if (values instanceof Float64Array) this.foldFloat64(values, from, to);
    else if (values instanceof Float32Array) this.foldFloat32(values, from, to);
    else
      for (let start = from; start < to; start += BLOCK) {
        const size = Math.min(BLOCK, to - start);
        loadBlock(values, start, start + size, block);
        this.foldFloat64(block, 0, size);
      }
  }

  /**
   * fold() of float64 values. One loop per array type, each meeting one type only: a loop that reads
   * several array types at one load is compiled for one, meets another and is thrown away (see
   * math/float64-blocks.ts). foldFloat32 is the same loop on float32 values (widened exactly).
   */
  private foldFloat64(values: Float64Array, from: number, to: number): void {
    let n = this.n;
    let mean = this.mean;
    let m2 = this.m2;
    let min = this.min;
    let max = this.max;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      n++;
      const d = v - mean;
      mean += d / n;
      m2 += d * (v - mean);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.n = n;
    this.mean = mean;
    this.m2 = m2;
    this.min = min;
    this.max = max;
  }

  /** foldFloat64's loop on float32 values (see there). */
  private foldFloat32(values: Float32Array, from: number, to: number): void {
    let n = this.n;
    let mean = this.mean;
    let m2 = this.m2;
    let min = this.min;
    let max = this.max;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      n++;
      const d = v - mean;
      mean += d / n;
      m2 += d * (v - mean);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.n = n;
    this.mean = mean;
    this.m2 = m2;
    this.min = min;
    this.max = max;
  }

  /** The moments so far; undefined when no finite value has been folded in. */
  result(): Moments | undefined {
    if (this.n === 0) return undefined;
    return { n: this.n, mean: this.mean, sd: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0, min: this.min, max: this.max };
  }
}
