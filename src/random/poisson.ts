import { HALF_LOG_2PI, stirlingTail } from './log-factorial.js';
import { badParameter, checkSource, FINITE_NON_NEGATIVE } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Poisson sampler: the number of events in an interval with `mean` expected events.
 *
 * - mean < 10: inversion by sequential search (one uniform; walk the CDF from 0 using
 *   p(k) = p(k-1) * mean / k), O(1 + mean) steps, so at most ~10 on average.
 * - mean >= 10: W. Hörmann, "The transformed rejection method for generating Poisson random
 *   variables", Insurance: Mathematics and Economics 12 (1993) 39-45, algorithm PTRS (as in
 *   numpy's random_poisson_ptrs): transformed rejection with a squeeze, two uniforms per trial,
 *   about 1.33 trials per draw at mean 10 falling to 1.12 for large means (measured), so O(1)
 *   expected cost whatever the mean (1e6, 1e9, ...).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(mean) => k`, k a non-negative integer; mean a finite number >= 0
 *   (events per interval); mean 0 returns 0. Means up to ~1e15 stay exact in integer arithmetic.
 * @throws TypeError if source is not a function; the draw function throws a RangeError for a mean
 *   that is NaN, infinite or negative, before drawing (see `parameter-error.ts`).
 * @example poisson(createStream('7/0/SMB/leads'))(37.5) // => 36
 * @remarks O(1) expected per draw for every mean; it never loops once per event. The check costs
 *   one comparison per draw (mean >= 10 only: below, the branch on mean > 0 already catches it).
 */
export function poisson(source: RandomSource): (mean: number) => number {
  const slot = new Float64Array(1);
  const draw = poissonAt(source, slot);
  return (mean) => {
    slot[0] = mean;
    return draw();
  };
}

/**
 * `poisson` with its mean read from `mean[0]` at each draw instead of passed: a fractional argument
 * to a call the optimizer does not inline is boxed (a heap number a draw), a slot is not. The same
 * uniforms, the same counts, the same errors as `poisson` at that mean.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @param meanSlot - the slot whose first element is the mean of each draw.
 * @returns `() => k`, a Poisson(meanSlot[0]) count.
 */
export function poissonAt(source: RandomSource, meanSlot: Float64Array): () => number {
  checkSource('poisson', source);
  return function drawPoisson(): number {
    const mean = meanSlot[0]!;
    if (mean < 10) {
      if (!(mean > 0)) {
        if (mean === 0) return 0;
        throw badParameter('poisson', 'mean', FINITE_NON_NEGATIVE, mean);
      }
      const u = source();
      let k = 0;
      let p = Math.exp(-mean);
      let cdf = p;
      // p > 0 guards the (theoretically impossible) case where rounding leaves cdf below u.
      while (u > cdf && p > 0) {
        k++;
        p *= mean / k;
        cdf += p;
      }
      return k;
    }
    // NaN and Infinity fail every comparison below and PTRS would never accept: refuse them.
    if (!(mean < Number.POSITIVE_INFINITY)) throw badParameter('poisson', 'mean', FINITE_NON_NEGATIVE, mean);
    const slam = Math.sqrt(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const vr = 0.9277 - 3.6224 / (b - 2);
    // The logs of the full test are computed on the first attempt that reaches it, not before:
    // most draws are accepted by the squeeze. Same values, same draws.
    let loglam = Number.NaN;
    let logInvAlpha = 0;
    for (;;) {
      const u = source() - 0.5;
      const v = source();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      // us = 0 (u = -0.5) gives k = -Infinity and is rejected here.
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Number.isNaN(loglam)) {
        loglam = Math.log(mean);
        logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
      }
      // log f(k) = -mean + k log(mean) - log(k!), with log(k!) by Stirling at k + 1 (log-factorial.ts),
      // written as d - (k + 1/2) log1p(d / mean) - log(mean) / 2 - log(2 pi) / 2 - tail(k), d = k + 1 - mean
      // (exact: k + 1 and mean are within a factor 2 wherever it matters): no two terms of order
      // mean log(mean) cancel. As written before (-mean + k loglam - logFactorial(k)) their rounding
      // (ulp(k loglam) = 4 at a mean of 1e15) decided the test: Poisson(1e15) drew a variance 3.5% high.
      const d = k + 1 - mean;
      if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= d - (k + 0.5) * Math.log1p(d / mean) - 0.5 * loglam - HALF_LOG_2PI - stirlingTail(k)) return k;
    }
  };
}
