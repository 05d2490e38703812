import type { Atoms } from '../model/distribution-sampler.js';
import { normalQuantile } from '../math/normal-cdf.js';

/**
 * A discrete or empirical prior on the normal scores a re-forecast's sampler moves on: value k for
 * the scores e whose Phi(e) lies in [c(k-1), c(k)), c the atoms' cumulative probabilities. A step
 * function: the own draw is always one of the prior's values, at exactly its weight. (A sorted sample
 * stood in before December 2026: it weighed each value by its share of 16,384 draws, 0.0099 for a
 * weight of 1%, and drew values between two atoms over the score its interpolation spans.)
 *
 * Complexity: O(K) once; O(log K) per lookup.
 */
export class ScoreSteps {
  readonly values: Float64Array;
  readonly probabilities: Float64Array;
  /** Scores where one value gives way to the next: K - 1 of them, ascending. */
  private readonly cuts: Float64Array;
  /** The probability below each value's interval and above it (each summed from its own side, so a tail keeps its digits). */
  private readonly below: Float64Array;
  private readonly above: Float64Array;
  /** A score within each value's interval (its middle in probability): any score there gives the value. */
  readonly centres: Float64Array;

  constructor(atoms: Atoms) {
    const { values, probabilities } = atoms;
    const k = values.length;
    this.values = values;
    this.probabilities = probabilities;
    this.below = new Float64Array(k);
    this.above = new Float64Array(k);
    for (let i = 1; i < k; i++) this.below[i] = this.below[i - 1]! + probabilities[i - 1]!;
    for (let i = k - 2; i >= 0; i--) this.above[i] = this.above[i + 1]! + probabilities[i + 1]!;
    this.cuts = new Float64Array(Math.max(0, k - 1));
    for (let i = 0; i < k - 1; i++) this.cuts[i] = this.scoreAt(this.below[i + 1]!, this.above[i]!);
    this.centres = Float64Array.from(probabilities, (p, i) => this.scoreAt(this.below[i]! + p / 2, this.above[i]! + p / 2));
  }

  /** The index of the value at score e: the number of cuts at or below e. */
  indexAt(e: number): number {
    const c = this.cuts;
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! <= e) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  atScore(e: number): number {
    return this.values[this.indexAt(e)]!;
  }

  /**
   * A score drawn from N(0, 1) restricted to value k's interval, from a uniform u in [0, 1): the
   * conditional of a score given its value. Drawn from the interval's nearer tail, so a value of
   * small weight at either end keeps its digits.
   */
  scoreWithin(k: number, u: number): number {
    const p = this.probabilities[k]!;
    const v = 1 - u; // in (0, 1]: never the interval's far end
    const e = this.below[k]! <= this.above[k]! ? normalQuantile(this.below[k]! + v * p) : -normalQuantile(this.above[k]! + v * p);
    // Rounding may put a draw on a cut: the interval's own side of it.
    return this.indexAt(e) === k ? e : this.centres[k]!;
  }

  /** The score at which the probability below is `below` (and above, `above`): from the smaller side. */
  private scoreAt(below: number, above: number): number {
    return below <= above ? normalQuantile(below) : -normalQuantile(above);
  }
}
