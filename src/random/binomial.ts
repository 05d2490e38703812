import { stirlingTail } from './log-factorial.js';
import { badParameter, checkSource, MAX_COUNT, WHOLE_COUNT } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Binomial sampler: the number of successes in n independent trials of probability p.
 *
 * By symmetry, p > 1/2 draws n - B(n, 1 - p). Then:
 * - n p < 10: inversion by sequential search from 0 (numpy's random_binomial_inversion), one
 *   uniform per draw (restarting in the ~1e-10-probability event that rounding walks past the
 *   mean + 10 sd bound), O(1 + n p) steps.
 * - n p >= 10: W. Hörmann, "The generation of binomial random variates", Journal of Statistical
 *   Computation and Simulation 46 (1993) 101-110, algorithm BTRS: transformed rejection with a
 *   squeeze, two uniforms per trial, about 1.4 trials per draw at n p = 10 falling to 1.13
 *   for large n p (measured), log-factorials through Stirling's
 *   series with an exact table for small arguments (as in TensorFlow's random_binomial_op).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(n, p) => k`, 0 <= k <= n; n a whole number from 0 to 2^53 - 1
 *   (trials), p in [0, 1]. n = 0 or p = 0 returns 0; p = 1 returns n.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for an n that is NaN, infinite, negative, fractional or above 2^53 - 1, or a p that
 *   is NaN or outside [0, 1] (see `parameter-error.ts`).
 * @example binomial(createStream('7/0/SMB/wins'))(120, 0.22) // => 27 (mean 26.4)
 * @remarks O(1) expected per draw for every n (1e9 trials cost the same as 100). The check costs
 *   five comparisons and a floor per draw.
 */
export function binomial(source: RandomSource): (n: number, p: number) => number {
  checkSource('binomial', source);
  // The model draws one sampler with the same p month after month (a trial's conversion, renewal
  // rate, a lag's conditional): log(1 - p) and p / q are kept for the last p (same values, same draws).
  let lastP = Number.NaN;
  let logQ = 0;
  let ratio = 0;
  function inversion(n: number, p: number): number {
    if (p !== lastP) {
      logQ = Math.log1p(-p);
      ratio = p / (1 - p);
      lastP = p;
    }
    const q = 1 - p;
    const qn = Math.exp(n * logQ);
    const np = n * p;
    const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
    const r = ratio;
    let k = 0;
    let px = qn;
    let u = source();
    while (u > px) {
      k++;
      if (k > bound) {
        k = 0;
        px = qn;
        u = source();
      } else {
        u -= px;
        px *= ((n - k + 1) * r) / k;
      }
    }
    return k;
  }

  function btrs(n: number, p: number): number {
    const spq = Math.sqrt(n * p * (1 - p));
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    // The squeeze's constants (a log and two Stirling tails) are computed on the first attempt that
    // leaves the squeeze, not before: most draws are accepted by it. Same values, same draws.
    let r = Number.NaN;
    let alpha = 0;
    let m = 0;
    let base = 0;
    for (;;) {
      const u = source() - 0.5;
      const v = source();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (us >= 0.07 && v <= vr) return k;
      // us = 0 (u = -0.5) gives k = -Infinity and is rejected here.
      if (k < 0 || k > n) continue;
      if (Number.isNaN(r)) {
        r = p / (1 - p);
        alpha = (2.83 + 5.1 / b) * spq;
        m = Math.floor((n + 1) * p);
        // The k-independent part of log(f(k) / f(m)).
        base = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
      }
      const lhs = Math.log((v * alpha) / (a / (us * us) + b));
      const rhs =
        base +
        (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
        (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
        stirlingTail(k) -
        stirlingTail(n - k);
      if (lhs <= rhs) return k;
    }
  }

  /** The RangeError for (n, p) outside the domain; off the hot path. */
  function refuse(n: number, p: number): RangeError {
    return n >= 0 && n <= MAX_COUNT && Math.floor(n) === n
      ? badParameter('binomial', 'p', 'a probability in [0, 1]', p)
      : badParameter('binomial', 'n', WHOLE_COUNT, n);
  }

  return function drawBinomial(n: number, p: number): number {
    // A NaN p, or an n that is NaN or infinite, would pass every test below and never be accepted:
    // refuse them, with negative and fractional n and p outside [0, 1], before drawing.
    if (!(n >= 0 && n <= MAX_COUNT && Math.floor(n) === n && p >= 0 && p <= 1)) throw refuse(n, p);
    if (n === 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) {
      const q = 1 - p;
      return n - (n * q < 10 ? inversion(n, q) : btrs(n, q));
    }
    return n * p < 10 ? inversion(n, p) : btrs(n, p);
  };
}
