import { stirlingTail } from './log-factorial.js';
import { badParameter, checkSource, MAX_COUNT, WHOLE_COUNT } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * BTRS's acceptance test by a product of probability ratios (see `btrs`): at most this many of them
 * (|k - m|), for n at most RATIO_MAX_N, and decided only when the two sides differ by more than
 * RATIO_MARGIN relative to each other; otherwise by the logs. Beyond about 35 ratios the product
 * costs more than the logs (1.3 ns a ratio against about 52 ns for the logs, measured at the spd18
 * review), hence 32. Exported for test/random/binomial-ratio-test.test.ts, which holds the margin to
 * the logs' measured error.
 */
export const RATIO_MAX_D = 32;
export const RATIO_MAX_N = 2 ** 31;
export const RATIO_MARGIN = 1e-9;

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
  const sampler = new Binomial(source);
  return function drawBinomial(n: number, p: number): number {
    // NaN never equals the p set last, so setP sees it (and the draw refuses it).
    if (p !== sampler.p) sampler.setP(p);
    return sampler.draw(n);
  };
}

/**
 * The binomial sampler of `binomial` with p set apart from the draws: setP(p) once, then draw(n)
 * for as many n as need that p (a trial's conversion month after month, a lag's fixed conditional).
 * The same draws as `binomial(source)(n, p)`, uniform for uniform. Its point is speed: p's constants
 * are computed once per p, btrs's and inversion's once per (n, p) while n repeats, and a call passes
 * only the whole number n, which the optimizer passes without allocating (a fractional p passed
 * to a function that is not inlined is boxed into a new heap number on every call).
 *
 * @example const b = new Binomial(createStream('7/0/SMB/deals')); b.setP(0.03); b.draw(2700)
 * @throws draw throws the RangeError `binomial`'s draw would, for an invalid n or the p set.
 */
export class Binomial {
  /** The p set last (NaN before the first setP). */
  p = Number.NaN;
  private readonly source: RandomSource;
  /** p in [0, 1] (else draw refuses it). */
  private valid = false;
  /** By symmetry the draws use e = min(p, 1 - p); flip: p > 1/2, a draw is n minus a draw at e. */
  private e = 0;
  private flip = false;
  /** e / (1 - e), the ratio of successive probabilities in inversion and the odds in btrs. */
  private ratio = 0;
  /** log(1 - e) for inversion, NaN until it is first needed. */
  private logQ = Number.NaN;
  /** Inversion's constants for the n of its last draw: P(0) = (1 - e)^n, and the restart bound (NaN until needed). */
  private invN = -1;
  private qn = 0;
  private bound = Number.NaN;
  /** btrs's constants for the n of its last draw; its squeeze's (alpha, m, base) are NaN until an attempt leaves the squeeze. */
  private btrsN = -1;
  private spq = 0;
  private b = 0;
  private a = 0;
  private c = 0;
  private vr = 0;
  private alpha = Number.NaN;
  private m = 0;
  private base = 0;

  constructor(source: RandomSource) {
    checkSource('binomial', source);
    this.source = source;
  }

  /** Set p for the draws that follow. An invalid p is kept and refused by the next draw, as `binomial` refuses it. */
  setP(p: number): void {
    this.p = p;
    this.valid = p >= 0 && p <= 1;
    this.flip = p > 0.5;
    const e = this.flip ? 1 - p : p;
    this.e = e;
    this.ratio = e / (1 - e);
    this.logQ = Number.NaN;
    this.invN = -1;
    this.btrsN = -1;
  }

  /** One draw for n trials (a whole number from 0 to 2^53 - 1) at the p set last. */
  draw(n: number): number {
    // A NaN p, or an n that is NaN or infinite, would pass every test below and never be accepted:
    // refuse them, with negative and fractional n and p outside [0, 1], before drawing.
    if (!(n >= 0 && n <= MAX_COUNT && Math.floor(n) === n && this.valid)) throw refuse(n, this.p);
    const p = this.p;
    if (n === 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const k = n * this.e < 10 ? this.inversion(n) : this.btrs(n);
    return this.flip ? n - k : k;
  }

  /** Inversion at e: sequential search from 0 (see `binomial`). */
  private inversion(n: number): number {
    const p = this.e;
    if (Number.isNaN(this.logQ)) this.logQ = Math.log1p(-p);
    if (n !== this.invN) {
      this.qn = Math.exp(n * this.logQ);
      this.bound = Number.NaN;
      this.invN = n;
    }
    const qn = this.qn;
    const r = this.ratio;
    // The bound min(n, np + 10 sqrt(npq + 1)) is at least min(n, 10): below that k cannot pass it,
    // so its square root is taken only by the rare search that goes further.
    const sure = n < 10 ? n : 10;
    const source = this.source;
    let k = 0;
    let px = qn;
    let u = source();
    while (u > px) {
      k++;
      if (k > sure && k > this.restartBound(n)) {
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

  /** min(n, np + 10 sqrt(npq + 1)) at e, for the n of inversion's last draw. */
  private restartBound(n: number): number {
    if (Number.isNaN(this.bound)) {
      const p = this.e;
      const np = n * p;
      this.bound = Math.min(n, np + 10 * Math.sqrt(np * (1 - p) + 1));
    }
    return this.bound;
  }

  /** btrs at e (see `binomial`). */
  private btrs(n: number): number {
    const p = this.e;
    if (n !== this.btrsN) {
      const spq = Math.sqrt(n * p * (1 - p));
      const b = 1.15 + 2.53 * spq;
      this.spq = spq;
      this.b = b;
      this.a = -0.0873 + 0.0248 * b + 0.01 * p;
      this.c = n * p + 0.5;
      this.vr = 0.92 - 4.2 / b;
      this.alpha = Number.NaN;
      this.btrsN = n;
    }
    const { a, b, c, vr } = this;
    const source = this.source;
    for (;;) {
      const u = source() - 0.5;
      const v = source();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (us >= 0.07 && v <= vr) return k;
      // us = 0 (u = -0.5) gives k = -Infinity and is rejected here.
      if (k < 0 || k > n) continue;
      // The squeeze's constants (a log and two Stirling tails) are computed on the first attempt that
      // leaves the squeeze for this (n, p), not before: most draws are accepted by it. Same values.
      if (Number.isNaN(this.alpha)) this.setSqueeze(n);
      const m = this.m;
      const d = k - m;
      const x = (v * this.alpha) / (a / (us * us) + b);
      if (d <= RATIO_MAX_D && d >= -RATIO_MAX_D && n <= RATIO_MAX_N) {
        // The test below is log(x) <= log(f(k) / f(m)). Near the mode f(k) / f(m) is a product of |d|
        // ratios of successive probabilities, f(j + 1) / f(j) = r (n - j) / (j + 1): a few
        // multiplications instead of five logs. Its relative error (under 3 |d| roundings) and the
        // logs' departure from log(f(k) / f(m)) (at most 3.7e-13 over every n up to 3,000 at |d| up to
        // 64, the worst at n = 122, k = n; test/random/binomial-ratio-test.test.ts scans it) are far inside RATIO_MARGIN, so outside the margin
        // both tests decide alike and the draw is the same; inside it (about one attempt in 1e9) the
        // logs decide, as before.
        const r = this.ratio;
        let f = 1;
        if (d > 0) for (let j = m; j < k; j++) f *= (r * (n - j)) / (j + 1);
        else for (let j = k; j < m; j++) f *= (j + 1) / (r * (n - j));
        if (x <= f * (1 - RATIO_MARGIN)) return k;
        if (x > f * (1 + RATIO_MARGIN)) continue;
      }
      const lhs = Math.log(x);
      // log(f(k) / f(m)), as Hörmann writes it (m + 1/2) log((m + 1) / (r (n - m + 1))) + (n + 1)
      // log((n - m + 1) / (n - k + 1)) + (k + 1/2) log(r (n - k + 1) / (k + 1)) plus Stirling tails,
      // rearranged so that no log of a ratio near 1 is multiplied by a huge n or m: with d = k - m,
      // (k - m) l(k) + (m + 1/2) (l(k) - l(m)) + (n + 1) log1p(d / (n - k + 1)), l(j) = log(r (n - j + 1) / (j + 1)),
      // and l(k) - l(m) = log1p(-d / (n - m + 1)) + log1p(-d / (k + 1)). Written directly, the
      // rounding of those ratios (1e-16 each) times n gave errors of order 1 in the test for n near
      // 1e15 and more (Binomial(2^53 - 1, 1e-10): a mean 11.6 standard errors too high in 200,000 draws).
      const lk = Math.log((this.ratio * (n - k + 1)) / (k + 1));
      const rhs =
        this.base +
        d * lk +
        (m + 0.5) * (Math.log1p(-d / (n - m + 1)) + Math.log1p(-d / (k + 1))) +
        (n + 1) * Math.log1p(d / (n - k + 1)) -
        stirlingTail(k) -
        stirlingTail(n - k);
      if (lhs <= rhs) return k;
    }
  }

  private setSqueeze(n: number): void {
    const p = this.e;
    const m = Math.floor((n + 1) * p);
    this.alpha = (2.83 + 5.1 / this.b) * this.spq;
    this.m = m;
    // The k-independent part of log(f(k) / f(m)) (the (m + 1/2) log term is folded into the test's).
    this.base = stirlingTail(m) + stirlingTail(n - m);
  }
}

/** The RangeError for (n, p) outside the domain; off the hot path. */
function refuse(n: number, p: number): RangeError {
  return n >= 0 && n <= MAX_COUNT && Math.floor(n) === n
    ? badParameter('binomial', 'p', 'a probability in [0, 1]', p)
    : badParameter('binomial', 'n', WHOLE_COUNT, n);
}
