import { checkSource } from './parameter-error.js';
import type { RandomSource } from './source.js';
import { SINGLE_DRAW_MAX_N, uniform53 } from './uniform53.js';

/**
 * A prepared Walker alias table: column i keeps outcome i with probability `prob[i]` and otherwise
 * gives `alias[i]`. Build it with `prepareAlias`.
 */
export interface AliasTable {
  /** Number of outcomes (and of columns). */
  readonly n: number;
  /** Per column, the probability of keeping the column's own outcome. */
  readonly prob: Float64Array;
  /** Per column, the outcome given otherwise. */
  readonly alias: Uint32Array;
  /** The normalised probabilities the table encodes (weights / sum), for reference. */
  readonly probabilities: Float64Array;
}

/**
 * Build a Walker/Vose alias table for sampling indices 0..n-1 with probability proportional to
 * `weights`. Zero-weight indices are never drawn.
 *
 * @param weights - non-negative finite weights (any scale), at least one positive.
 * @returns the table for `discreteIndex`.
 * @throws RangeError if weights is empty, a weight is negative, NaN or infinite, or all are zero.
 * @example prepareAlias([0.1, 0, 0.6, 0.3]) // => { n: 4, prob, alias, probabilities }
 * @remarks O(n) time and memory. Algorithm: M. D. Vose, "A linear algorithm for generating
 *   random numbers with a given distribution", IEEE Trans. Software Eng. 17(9) (1991) 972-975
 *   (the numerically stable form of A. J. Walker's alias method, 1977).
 */
export function prepareAlias(weights: readonly number[]): AliasTable {
  const n = weights.length;
  if (n === 0) throw new RangeError('prepareAlias: weights must not be empty');
  let max = 0;
  let argMax = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`prepareAlias: weight ${i} is ${w}; weights must be finite and >= 0`);
    }
    if (w > max) {
      max = w;
      argMax = i;
    }
  }
  if (!(max > 0)) throw new RangeError('prepareAlias: weights sum to 0; at least one weight must be positive');
  // Normalise by the maximum first so huge weights cannot overflow the sum.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]! / max;
  const probabilities = new Float64Array(n);
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    probabilities[i] = weights[i]! / max / sum;
    scaled[i] = probabilities[i]! * n;
  }
  const prob = new Float64Array(n);
  const alias = new Uint32Array(n);
  const small = new Uint32Array(n);
  const large = new Uint32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    if (scaled[i]! < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const l = small[--ns]!;
    const g = large[--nl]!;
    prob[l] = scaled[l]!;
    alias[l] = g;
    scaled[g] = scaled[g]! + scaled[l]! - 1;
    if (scaled[g]! < 1) small[ns++] = g;
    else large[nl++] = g;
  }
  // Leftovers have scaled ~ 1 up to rounding: they keep their own outcome. A zero weight can only
  // be left over through rounding; it must still never be drawn, so it points at the largest.
  while (nl > 0) {
    const g = large[--nl]!;
    prob[g] = 1;
    alias[g] = g;
  }
  while (ns > 0) {
    const l = small[--ns]!;
    if (weights[l]! > 0) {
      prob[l] = 1;
      alias[l] = l;
    } else {
      prob[l] = 0;
      alias[l] = argMax;
    }
  }
  return { n, prob, alias, probabilities };
}

/**
 * Discrete index sampler from a prepared alias table: index i with probability weights[i] / sum.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(table) => i`, an integer in 0..table.n-1; table from `prepareAlias`,
 *   which validates the weights (it is not checked again per draw, and no table can make a draw
 *   loop: it takes one or two uniforms whatever the table).
 * @throws TypeError if source is not a function.
 * @example const pick = discreteIndex(createStream('7/0/tier')); pick(prepareAlias([0.5, 0.3, 0.2])) // => 2
 * @remarks O(1) per draw whatever n. For n <= 1024 one uniform: x = U n, column floor(x), and
 *   the fractional part decides between the column and its alias (the 32-bit resolution leaves
 *   at least 22 bits for it; total-variation error below n 2^-32 <= 2.4e-7). Above that, the
 *   same split of a 53-bit uniform built from two draws. Algorithm: Walker's alias method
 *   (A. J. Walker, ACM TOMS 3 (1977) 253-256) with Vose's table.
 */
export function discreteIndex(source: RandomSource): (table: AliasTable) => number {
  checkSource('discreteIndex', source);
  return function drawDiscreteIndex(table: AliasTable): number {
    const n = table.n;
    const x = (n <= SINGLE_DRAW_MAX_N ? source() : uniform53(source)) * n;
    // The min guards the rounding of U n up to n, possible for large n (or a 53-bit source).
    const i = Math.min(Math.floor(x), n - 1);
    return x - i < table.prob[i]! ? i : table.alias[i]!;
  };
}
