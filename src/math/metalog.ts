import { normalCdf } from './normal-cdf.js';
/**
 * The metalog distribution (Keelin 2016), fitted to quantiles a planner states.
 *
 * A metalog is a distribution defined by its quantile function
 *
 *   M(y) = a_1 + a_2 L + a_3 (y - 1/2) L + a_4 (y - 1/2) + a_5 (y - 1/2)^2 + a_6 (y - 1/2)^2 L + ...
 *
 * with L = ln(y / (1 - y)). It is linear in its coefficients, so fitting it to k stated quantiles
 * is a k x k linear solve, and sampling it is one evaluation of M at a uniform draw. Bounded
 * variants fit M to transformed values z and map back:
 *
 *   lower bound only   (log-metalog):        z = ln(x - lower),               x = lower + e^z
 *   upper bound only:                        z = -ln(upper - x),              x = upper - e^-z
 *   both bounds        (logit-metalog):      z = ln((x - lower)/(upper - x)), x = lower + (upper - lower) / (1 + e^-z)
 *
 * Internally much of the arithmetic runs in logit space, u = L = ln(y/(1-y)), where
 * y - 1/2 = tanh(u/2)/2 and y(1-y) = 1/(2 + 2 cosh u) are both computed without cancellation,
 * so the far tails stay accurate.
 *
 * Source: T. W. Keelin, "The Metalog Distributions", Decision Analysis 13(4):243-277, 2016
 * (basis: eq. 6; the log-, semi-bounded and bounded metalogs; the feasibility condition, which for
 * 3 terms is a2 > 0 and |a3|/a2 < 1.66711).
 */

/** A fitted metalog: coefficients of the quantile function in the transformed (z) space, plus bounds. */
export interface MetalogFit {
  /** Number of basis terms k (2..16). */
  readonly terms: number;
  /** a_1..a_k, in the transformed space (z = x unbounded; see the module doc for bounded cases). */
  readonly coefficients: Float64Array;
  /** Lower bound of the support; undefined = unbounded below. */
  readonly lower?: number;
  /** Upper bound of the support; undefined = unbounded above. */
  readonly upper?: number;
}

/** What kind of problem a {@link MetalogFitError} reports. */
export type MetalogFitErrorReason =
  | 'points' // too few or too many points, or a malformed point
  | 'probability' // a probability outside (0,1), duplicated or out of order
  | 'value' // a value that is not finite or does not increase with probability
  | 'bounds' // a malformed bound or a value at/beyond a bound
  | 'terms' // an invalid number of terms
  | 'singular' // the linear system has no unique solution
  | 'infeasible'; // the fitted quantile function is not increasing: not a distribution

/**
 * Thrown by {@link fitMetalog} when the stated quantiles cannot be turned into a metalog. The message
 * is written for the planner who stated the quantiles (it names the offending percentile and what to
 * change); `reason` is for code.
 */
export class MetalogFitError extends Error {
  readonly reason: MetalogFitErrorReason;

  constructor(reason: MetalogFitErrorReason, message: string) {
    super(message);
    this.name = 'MetalogFitError';
    this.reason = reason;
  }
}

/** Options of {@link fitMetalog}. */
export interface MetalogFitOptions {
  /** Lower bound of the support (values must lie strictly above it). */
  readonly lower?: number;
  /** Upper bound of the support (values must lie strictly below it). */
  readonly upper?: number;
  /** Number of terms k, 2 <= k <= number of points; default: the number of points (exact fit). */
  readonly terms?: number;
}

const MIN_POINTS = 3;
const MAX_POINTS = 16;
const MIN_TERMS = 2;

/**
 * Fit a metalog to stated quantiles (p, x): P(X <= x) = p.
 *
 * With k = points.length terms (the default) the fit is exact: the k x k system
 * sum_j a_j basis_j(p_i) = z(x_i) is solved by Gaussian elimination with partial pivoting (plus one
 * step of iterative refinement). With fewer terms the coefficients are the least-squares solution
 * (Householder QR). The fit is then checked for feasibility: the quantile function must be strictly
 * increasing on all of (0,1) (see {@link metalogDensityIsPositive}).
 *
 * @param points quantiles in strictly increasing order of p, 3 to 16 of them; each p strictly inside
 *   (0,1), each x finite and strictly greater than the previous one.
 * @param options `lower` / `upper` bounds of the support (x must lie strictly inside them) and the
 *   number of `terms` (2 <= terms <= points.length; 2 terms give a logistic in z-space).
 * @returns the fit; coefficients are in the transformed space.
 * @throws MetalogFitError with a planner-readable message when the input is malformed or the fitted
 *   quantile function decreases somewhere (negative density).
 *
 * @example
 * const fit = fitMetalog([{ p: 0.1, x: 40000 }, { p: 0.5, x: 60000 }, { p: 0.9, x: 110000 }], { lower: 0 });
 * metalogQuantile(fit, 0.9); // => 110000 (up to rounding)
 *
 * Complexity: O(n k^2) for the solve plus O(G k) for the feasibility check, G ~ 2300 grid points.
 * Source: Keelin 2016 (eq. 6 basis; linear least-squares fit to quantile data; bounded metalogs;
 * feasibility).
 */
export function fitMetalog(
  points: ReadonlyArray<{ readonly p: number; readonly x: number }>,
  options: MetalogFitOptions = {},
): MetalogFit {
  const n = points.length;
  if (n < MIN_POINTS) {
    throw new MetalogFitError(
      'points',
      `a metalog needs at least ${MIN_POINTS} quantiles (for example P10, P50 and P90); got ${n}`,
    );
  }
  if (n > MAX_POINTS) {
    throw new MetalogFitError('points', `a metalog takes at most ${MAX_POINTS} quantiles; got ${n}`);
  }
  const lower = normalizeBound(options.lower, 'lower');
  const upper = normalizeBound(options.upper, 'upper');
  if (lower !== undefined && upper !== undefined && !(lower < upper)) {
    throw new MetalogFitError(
      'bounds',
      `the lower bound (${lower}) must be less than the upper bound (${upper})`,
    );
  }
  const k = options.terms ?? n;
  if (!Number.isInteger(k) || k < MIN_TERMS || k > n) {
    throw new MetalogFitError(
      'terms',
      `the number of metalog terms must be a whole number from ${MIN_TERMS} to the number of quantiles (${n}); got ${k}`,
    );
  }

  const ps = new Float64Array(n);
  const zs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const point = points[i];
    if (point === undefined || typeof point !== 'object') {
      throw new MetalogFitError('points', `quantile #${i + 1} is missing`);
    }
    const { p, x } = point;
    if (typeof p !== 'number' || !Number.isFinite(p) || !(p > 0 && p < 1)) {
      throw new MetalogFitError(
        'probability',
        `quantile #${i + 1}: the probability must be a number strictly between 0 and 1 (P0 and P100 are bounds, not quantiles); got ${String(p)}`,
      );
    }
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new MetalogFitError('value', `the value at ${pLabel(p)} must be a finite number; got ${String(x)}`);
    }
    if (i > 0) {
      const prev = points[i - 1]!;
      if (p === prev.p) {
        throw new MetalogFitError('probability', `${pLabel(p)} is stated twice: each probability may appear once`);
      }
      if (p < prev.p) {
        throw new MetalogFitError(
          'probability',
          `quantiles must be listed in increasing order of probability: ${pLabel(p)} comes after ${pLabel(prev.p)}`,
        );
      }
      if (!(x > prev.x)) {
        throw new MetalogFitError(
          'value',
          `the value at ${pLabel(p)} (${x}) is not greater than the value at ${pLabel(prev.p)} (${prev.x}): values must increase with probability`,
        );
      }
    }
    if (lower !== undefined && !(x > lower)) {
      throw new MetalogFitError(
        'bounds',
        `the value at ${pLabel(p)} (${x}) is not above the lower bound (${lower}): stated values must lie strictly inside the bounds`,
      );
    }
    if (upper !== undefined && !(x < upper)) {
      throw new MetalogFitError(
        'bounds',
        `the value at ${pLabel(p)} (${x}) is not below the upper bound (${upper}): stated values must lie strictly inside the bounds`,
      );
    }
    const z = toZ(x, lower, upper);
    if (!Number.isFinite(z)) {
      throw new MetalogFitError(
        'bounds',
        `the value at ${pLabel(p)} (${x}) is too close to a bound to be represented; move it away from the bound`,
      );
    }
    ps[i] = p;
    zs[i] = z;
  }

  // Design matrix, row-major n x k.
  const design = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const p = ps[i]!;
    basisRow(p - 0.5, Math.log(p / (1 - p)), k, design, i * k);
  }
  const coefficients = k === n ? solveSquare(design, zs, n) : solveLeastSquares(design, zs, n, k);
  if (coefficients === undefined || !coefficients.every(Number.isFinite)) {
    throw new MetalogFitError(
      'singular',
      `the quantiles cannot determine ${k} metalog terms (the fitting equations have no unique solution); state quantiles at more distinct probabilities or use fewer terms`,
    );
  }

  const fit: MetalogFit = { terms: k, coefficients, ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}) };
  const problem = findDecrease(coefficients, k);
  if (problem !== undefined) {
    throw new MetalogFitError('infeasible', infeasibleMessage(problem, ps));
  }
  return fit;
}

/**
 * The quantile function x = M(y) of a fitted metalog.
 *
 * @param fit a fit from {@link fitMetalog}.
 * @param y probability in [0,1]; y = 0 gives the lower bound (or -Infinity), y = 1 the upper bound
 *   (or +Infinity).
 * @returns the value x with P(X <= x) = y.
 * @throws RangeError when y is NaN or outside [0,1].
 *
 * @example metalogQuantile(fitMetalog([{ p: 0.1, x: 1 }, { p: 0.5, x: 2 }, { p: 0.9, x: 4 }]), 0.5) // => 2
 *
 * Complexity: O(k). Source: Keelin 2016 eq. 6 (unbounded) and its log / logit transforms (bounded).
 */
export function metalogQuantile(fit: MetalogFit, y: number): number {
  if (!(y >= 0 && y <= 1)) {
    throw new RangeError(`metalogQuantile: probability must be in [0, 1]; got ${y}`);
  }
  if (y === 0) return fit.lower ?? -Infinity;
  if (y === 1) return fit.upper ?? Infinity;
  return fromZ(evalZ(fit.coefficients, fit.terms, y - 0.5, Math.log(y / (1 - y))), fit.lower, fit.upper);
}

/**
 * The quantile at a normal score e, Q(Phi(e)), with the tails kept: y - 1/2 and ln(y / (1 - y)) are
 * formed from Phi(e) and Phi(-e) separately, so scores past 8 (where 1 - Phi(e) is 0 in floating
 * point) still give a finite value short of the bound.
 *
 * @example metalogScoreQuantile(fitMetalog([{ p: 0.1, x: 1 }, { p: 0.5, x: 2 }, { p: 0.9, x: 3 }]), 0) // => 2
 * Complexity: O(k).
 */
export function metalogScoreQuantile(fit: MetalogFit, e: number): number {
  const lowerTail = normalCdf(-Math.abs(e));
  const t = e >= 0 ? 0.5 - lowerTail : lowerTail - 0.5;
  const L = (e >= 0 ? 1 : -1) * (Math.log1p(-lowerTail) - Math.log(lowerTail));
  return fromZ(evalZ(fit.coefficients, fit.terms, t, L), fit.lower, fit.upper);
}

/**
 * Whether the fitted quantile function is strictly increasing on (0,1), i.e. the density is positive
 * everywhere, so the fit is a probability distribution. This is the feasibility check
 * {@link fitMetalog} runs; fits it returns always pass.
 *
 * Rule: dM/du > 0, with u = ln(y/(1-y)), evaluated analytically (derivative of each basis term) on a
 * grid of ~2300 probabilities — 1999 interior points y = i/2000 plus 16 log-spaced points per decade
 * from 1e-12 to 5e-4 in each tail — and, in the limits y -> 0 and y -> 1, the sign of the coefficient
 * of L: sum over the L-terms of a_j (-1/2)^m and of a_j (1/2)^m must both be positive. (The bounds
 * transforms are increasing, so feasibility in z-space is feasibility in x-space.)
 *
 * @param fit a metalog fit (possibly constructed by hand).
 * @returns true if the density is positive at every grid point and in both tail limits.
 *
 * @example metalogDensityIsPositive({ terms: 3, coefficients: Float64Array.of(0, 1, 3) }) // => false (|a3|/a2 > 1.667)
 *
 * Complexity: O(G k), G ~ 2300. Source: Keelin 2016 (feasibility: M'(y) > 0 on (0,1); for k = 3 it
 * reduces to a2 > 0 and |a3|/a2 < 1.66711, which the tests re-derive).
 */
export function metalogDensityIsPositive(fit: MetalogFit): boolean {
  return findDecrease(fit.coefficients, fit.terms) === undefined;
}

/**
 * The cumulative distribution function F(x) = P(X <= x) of a fitted metalog, found by inverting the
 * (strictly increasing) quantile function: safeguarded Newton iteration on u = ln(y/(1-y)) inside a
 * bracket that is expanded geometrically until it contains the root.
 *
 * @param fit a feasible fit from {@link fitMetalog}.
 * @param x any value; values at or below the lower bound give 0, at or above the upper bound 1.
 * @returns y in [0,1] with metalogQuantile(fit, y) = x (NaN for NaN).
 *
 * @example metalogCdf(fit, metalogQuantile(fit, 0.3)) // => 0.3 (to ~1e-15)
 *
 * Complexity: O(k) per iteration; typically 5-10 iterations (at most 200).
 * Source: Keelin 2016 (the metalog CDF has no closed form; it is computed by inverting M).
 */
export function metalogCdf(fit: MetalogFit, x: number): number {
  if (Number.isNaN(x)) return NaN;
  const { lower, upper } = fit;
  if (lower !== undefined && x <= lower) return 0;
  if (upper !== undefined && x >= upper) return 1;
  if (x === -Infinity) return 0;
  if (x === Infinity) return 1;
  const z = toZ(x, lower, upper);
  if (z === -Infinity) return 0;
  if (z === Infinity) return 1;
  const a = fit.coefficients;
  const k = fit.terms;
  const LIMIT = 800; // beyond |u| = 745 the probability underflows to 0 (or rounds to 1)

  let lo = -1;
  let hi = 1;
  while (zAtU(a, k, lo) > z) {
    hi = lo;
    lo *= 2;
    if (lo < -LIMIT) return 0;
  }
  while (zAtU(a, k, hi) < z) {
    lo = hi;
    hi *= 2;
    if (hi > LIMIT) return 1;
  }

  let u = 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const f = zAtU(a, k, u) - z;
    if (f === 0) break;
    if (f < 0) lo = u;
    else hi = u;
    const slope = slopeAtU(a, k, u);
    let next = u - f / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - u) <= 4 * Number.EPSILON * Math.max(1, Math.abs(u)) || next === lo || next === hi) {
      u = next;
      break;
    }
    u = next;
  }
  return logistic(u);
}

/**
 * The mean of a fitted metalog, E[X] = integral over (0,1) of M(y) dy.
 *
 * Computed in logit space: E[X] = integral over the real line of x(M(u)) w(u) du with
 * w = y(1-y) = 1/(2 + 2 cosh u). The integrand is analytic in a strip and decays exponentially, so
 * the trapezoid rule converges geometrically; the step is halved until two estimates agree to 1e-13
 * relative. Beyond |u| ~ 40 the integrand is replaced by its exact exponential asymptote
 * (M(u) ~ g u + c, with g the coefficient of L in the tail), integrated in closed form.
 *
 * @param fit a feasible fit from {@link fitMetalog}.
 * @returns the mean; +Infinity for a lower-bounded-only fit whose upper tail is too heavy
 *   (coefficient of L at y -> 1 >= 1), -Infinity for the mirror case with an upper bound only.
 *
 * @example metalogMean(fitMetalog([{ p: 0.1, x: 90 }, { p: 0.5, x: 100 }, { p: 0.9, x: 110 }])) // => 100
 *
 * Complexity: O(N k), N ~ 300-2000 integrand evaluations for typical fits (more for heavy tails).
 * Accuracy: ~1e-12 relative for typical fits (tests check 1e-9). Source: Keelin 2016 (mean as the
 * integral of the quantile function); the log-metalog mean exists only when the upper-tail coefficient
 * of L is below 1, since x ~ (1-y)^-g there.
 */
export function metalogMean(fit: MetalogFit): number {
  const a = fit.coefficients;
  const k = fit.terms;
  const { lower, upper } = fit;
  const g0 = tailSlope(a, k, -0.5);
  const c0 = tailIntercept(a, k, -0.5);
  const g1 = tailSlope(a, k, 0.5);
  const c1 = tailIntercept(a, k, 0.5);
  const lowerOnly = lower !== undefined && upper === undefined;
  const upperOnly = upper !== undefined && lower === undefined;
  if (lowerOnly && g1 >= 1) return Infinity;
  if (upperOnly && g0 >= 1) return -Infinity;

  // The integrand decays like e^(-rate |u|) in each tail; truncate where it is ~e^-40 of its scale.
  const rateDown = upperOnly ? 1 - g0 : 1;
  const rateUp = lowerOnly ? 1 - g1 : 1;
  const uMin = -Math.min(Math.max(40, 40 / rateDown), 4000);
  const uMax = Math.min(Math.max(40, 40 / rateUp), 4000);

  const integrand = (u: number): number => {
    const au = Math.abs(u);
    const logW = -au - 2 * Math.log1p(Math.exp(-au));
    const w = Math.exp(logW);
    const z = zAtU(a, k, u);
    if (lower !== undefined && upper !== undefined) {
      return lower * w + (upper - lower) * logistic(z) * w;
    }
    if (lower !== undefined) return lower * w + Math.exp(z + logW);
    if (upper !== undefined) return upper * w - Math.exp(logW - z);
    return z * w;
  };

  let intervals = Math.ceil((uMax - uMin) / 0.25);
  let h = (uMax - uMin) / intervals;
  let sum = 0.5 * (integrand(uMin) + integrand(uMax));
  let absSum = Math.abs(sum);
  for (let i = 1; i < intervals; i++) {
    const f = integrand(uMin + i * h);
    sum += f;
    absSum += Math.abs(f);
  }
  let estimate = sum * h;
  for (let halving = 0; halving < 14 && intervals <= 4_000_000; halving++) {
    for (let i = 0; i < intervals; i++) {
      const f = integrand(uMin + (i + 0.5) * h);
      sum += f;
      absSum += Math.abs(f);
    }
    intervals *= 2;
    h *= 0.5;
    const next = sum * h;
    const done = Math.abs(next - estimate) <= 1e-13 * absSum * h;
    estimate = next;
    if (done) break;
  }

  return estimate + lowerTailIntegral(-uMin, g0, c0, lower, upper) + upperTailIntegral(uMax, g1, c1, lower, upper);
}

// ---------------------------------------------------------------------------------------------
// Internals

function normalizeBound(bound: number | undefined, side: 'lower' | 'upper'): number | undefined {
  if (bound === undefined) return undefined;
  if (side === 'lower' && bound === -Infinity) return undefined;
  if (side === 'upper' && bound === Infinity) return undefined;
  if (typeof bound !== 'number' || !Number.isFinite(bound)) {
    throw new MetalogFitError('bounds', `the ${side} bound must be a finite number; got ${String(bound)}`);
  }
  return bound;
}

/** Value of the metalog in z-space, given t = y - 1/2 and L = ln(y/(1-y)). */
function evalZ(a: Float64Array, k: number, t: number, L: number): number {
  let z = a[0]! + a[1]! * L;
  if (k >= 3) z += a[2]! * t * L;
  if (k >= 4) z += a[3]! * t;
  let tm = t;
  for (let j = 5; j <= k; ) {
    tm *= t; // t^m, m = 2, 3, ...
    z += a[j - 1]! * tm; // odd j: t^m
    j++;
    if (j <= k) {
      z += a[j - 1]! * tm * L; // even j: t^m L
      j++;
    }
  }
  return z;
}

/**
 * dM/du with u = L: the derivative of M with respect to the logit of y, given t = y - 1/2, L and
 * w = y(1-y) = dy/du. Its sign is that of M'(y). Per basis term:
 *   L -> 1;  t L -> w L + t;  t -> w;  t^m -> m t^(m-1) w;  t^m L -> m t^(m-1) w L + t^m.
 */
function slope(a: Float64Array, k: number, t: number, L: number, w: number): number {
  let d = a[1]!;
  if (k >= 3) d += a[2]! * (w * L + t);
  if (k >= 4) d += a[3]! * w;
  let tm1 = t; // t^(m-1)
  for (let j = 5, m = 2; j <= k; m++) {
    const tm = tm1 * t;
    d += a[j - 1]! * m * tm1 * w;
    j++;
    if (j <= k) {
      d += a[j - 1]! * (m * tm1 * w * L + tm);
      j++;
    }
    tm1 = tm;
  }
  return d;
}

function zAtU(a: Float64Array, k: number, u: number): number {
  return evalZ(a, k, 0.5 * Math.tanh(0.5 * u), u);
}

function slopeAtU(a: Float64Array, k: number, u: number): number {
  return slope(a, k, 0.5 * Math.tanh(0.5 * u), u, 1 / (2 + 2 * Math.cosh(u)));
}

/** Coefficient of L in M as y -> 0 (t = -1/2) or y -> 1 (t = 1/2): sum of a_j t^m over the L-terms. */
function tailSlope(a: Float64Array, k: number, t: number): number {
  let g = a[1]!;
  if (k >= 3) g += a[2]! * t;
  let tm = t;
  for (let j = 6; j <= k; j += 2) {
    tm *= t;
    g += a[j - 1]! * tm;
  }
  return g;
}

/** Constant part of M as y -> 0 or 1: a_1 plus a_j t^m over the non-L terms. */
function tailIntercept(a: Float64Array, k: number, t: number): number {
  let c = a[0]!;
  if (k >= 4) c += a[3]! * t;
  let tm = t;
  for (let j = 5; j <= k; j += 2) {
    tm *= t;
    c += a[j - 1]! * tm;
  }
  return c;
}

/** One row of the design matrix: basis functions 1..k at (t, L), written into out[offset..]. */
function basisRow(t: number, L: number, k: number, out: Float64Array, offset: number): void {
  out[offset] = 1;
  out[offset + 1] = L;
  if (k >= 3) out[offset + 2] = t * L;
  if (k >= 4) out[offset + 3] = t;
  let tm = t;
  for (let j = 5; j <= k; ) {
    tm *= t;
    out[offset + j - 1] = tm;
    j++;
    if (j <= k) {
      out[offset + j - 1] = tm * L;
      j++;
    }
  }
}

function toZ(x: number, lower: number | undefined, upper: number | undefined): number {
  if (lower !== undefined && upper !== undefined) return Math.log((x - lower) / (upper - x));
  if (lower !== undefined) return Math.log(x - lower);
  if (upper !== undefined) return -Math.log(upper - x);
  return x;
}

function fromZ(z: number, lower: number | undefined, upper: number | undefined): number {
  if (lower !== undefined && upper !== undefined) {
    return z >= 0 ? upper - (upper - lower) / (1 + Math.exp(z)) : lower + (upper - lower) / (1 + Math.exp(-z));
  }
  if (lower !== undefined) return lower + Math.exp(z);
  if (upper !== undefined) return upper - Math.exp(-z);
  return z;
}

function logistic(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

/** Integral over u in (-inf, -U) of x(M(u)) w(u), using M ~ g u + c and w ~ e^u there. */
function lowerTailIntegral(U: number, g: number, c: number, lower: number | undefined, upper: number | undefined): number {
  const eU = Math.exp(-U);
  if (lower !== undefined && upper !== undefined) {
    return lower * eU + ((upper - lower) * Math.exp(c - (1 + g) * U)) / (1 + g);
  }
  if (lower !== undefined) return lower * eU + Math.exp(c - (1 + g) * U) / (1 + g);
  if (upper !== undefined) return upper * eU - Math.exp(-c - (1 - g) * U) / (1 - g);
  return eU * (c - g * (U + 1));
}

/** Integral over u in (U, inf) of x(M(u)) w(u), using M ~ g u + c and w ~ e^-u there. */
function upperTailIntegral(U: number, g: number, c: number, lower: number | undefined, upper: number | undefined): number {
  const eU = Math.exp(-U);
  if (lower !== undefined && upper !== undefined) {
    return upper * eU - ((upper - lower) * Math.exp(-c - (1 + g) * U)) / (1 + g);
  }
  if (lower !== undefined) return lower * eU + Math.exp(c - (1 - g) * U) / (1 - g);
  if (upper !== undefined) return upper * eU - Math.exp(-c - (1 + g) * U) / (1 + g);
  return eU * (g * (U + 1) + c);
}

// --- feasibility ---

interface Decrease {
  /** Probability where dM/du is most negative (or the tail limit 0/1). */
  readonly at: number;
  /** Extent of the first failing region on the grid. */
  readonly from: number;
  readonly to: number;
}

interface GridPoint {
  readonly y: number;
  readonly t: number;
  readonly L: number;
  readonly w: number;
}

let gridCache: ReadonlyArray<GridPoint> | undefined;

/** The feasibility grid in increasing y; tails are built from q = min(y, 1-y) to keep precision. */
function feasibilityGrid(): ReadonlyArray<GridPoint> {
  if (gridCache !== undefined) return gridCache;
  const INTERIOR = 2000;
  const firstInterior = 1 / INTERIOR;
  const tail: number[] = [];
  for (let e = 12 * 16; e >= 0; e--) {
    const q = 10 ** (-e / 16);
    if (q >= firstInterior) break;
    tail.push(q);
  }
  const grid: GridPoint[] = [];
  for (const q of tail) {
    grid.push({ y: q, t: q - 0.5, L: Math.log(q / (1 - q)), w: q * (1 - q) });
  }
  for (let i = 1; i < INTERIOR; i++) {
    const y = i / INTERIOR;
    grid.push({ y, t: y - 0.5, L: Math.log(y / (1 - y)), w: y * (1 - y) });
  }
  for (let i = tail.length - 1; i >= 0; i--) {
    const q = tail[i]!;
    grid.push({ y: 1 - q, t: 0.5 - q, L: -Math.log(q / (1 - q)), w: q * (1 - q) });
  }
  gridCache = grid;
  return grid;
}

function findDecrease(a: Float64Array, k: number): Decrease | undefined {
  const grid = feasibilityGrid();
  let from = -1;
  let worst = -1;
  let worstSlope = Infinity;
  let to = -1;
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i]!;
    const s = slope(a, k, g.t, g.L, g.w);
    if (s > 0) {
      if (from >= 0) break; // end of the first failing region
      continue;
    }
    if (from < 0) from = i;
    to = i;
    if (!(s >= worstSlope)) {
      worstSlope = s;
      worst = i;
    }
  }
  if (from >= 0) {
    return { at: grid[worst]!.y, from: grid[from]!.y, to: grid[to]!.y };
  }
  if (!(tailSlope(a, k, -0.5) > 0)) return { at: 0, from: 0, to: grid[0]!.y };
  if (!(tailSlope(a, k, 0.5) > 0)) return { at: 1, from: grid[grid.length - 1]!.y, to: 1 };
  return undefined;
}

function infeasibleMessage(problem: Decrease, ps: Float64Array): string {
  const n = ps.length;
  let where: string;
  if (problem.at === 0) where = `in the far lower tail (below ${percentileLabel(problem.to)})`;
  else if (problem.at === 1) where = `in the far upper tail (above ${percentileLabel(problem.from)})`;
  else where = `near ${percentileLabel(problem.at)}`;
  // Advise widening the gap between the stated quantiles around the failure.
  let i = 0;
  while (i < n - 2 && ps[i + 1]! <= problem.at) i++;
  const gap = `${pLabel(ps[i]!)} and ${pLabel(ps[i + 1]!)}`;
  return (
    `these quantiles give a metalog whose density is negative ${where} (the quantile function decreases there): ` +
    `the stated values are not consistent with a smooth distribution; widen the gap between ${gap} or add a quantile`
  );
}

/** A stated probability as a percentile label: 0.1 -> "P10", 0.025 -> "P2.5". */
function pLabel(p: number): string {
  return `P${Number((p * 100).toPrecision(12))}`;
}

/** A computed probability, rounded for a message: 0.9712 -> "P97", 0.99937 -> "P99.9", 0.00012 -> "P0.01". */
function percentileLabel(y: number): string {
  const pct = y * 100;
  if (pct >= 1 && pct <= 99) return `P${Math.round(pct)}`;
  const tail = pct < 1 ? pct : 100 - pct;
  const rounded = Number(tail.toPrecision(1));
  const decimals = Math.max(0, -Math.floor(Math.log10(rounded)));
  return `P${(pct < 1 ? rounded : 100 - rounded).toFixed(decimals)}`;
}

// --- linear algebra (small, dense) ---

/** Solve the n x n system A x = b (A row-major) by LU with partial pivoting plus one refinement step. */
function solveSquare(A: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const lu = Float64Array.from(A);
  const perm = new Int32Array(n);
  let scale = 0;
  for (let i = 0; i < A.length; i++) scale = Math.max(scale, Math.abs(A[i]!));
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let pivotAbs = Math.abs(lu[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(lu[r * n + col]!);
      if (v > pivotAbs) {
        pivotAbs = v;
        pivotRow = r;
      }
    }
    if (!(pivotAbs > 64 * n * Number.EPSILON * scale)) return undefined;
    if (pivotRow !== col) {
      for (let c = 0; c < n; c++) {
        const tmp = lu[col * n + c]!;
        lu[col * n + c] = lu[pivotRow * n + c]!;
        lu[pivotRow * n + c] = tmp;
      }
      const tp = perm[col]!;
      perm[col] = perm[pivotRow]!;
      perm[pivotRow] = tp;
    }
    const pivot = lu[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const factor = lu[r * n + col]! / pivot;
      lu[r * n + col] = factor;
      if (factor === 0) continue;
      for (let c = col + 1; c < n; c++) lu[r * n + c] = lu[r * n + c]! - factor * lu[col * n + c]!;
    }
  }
  const luSolve = (rhs: Float64Array): Float64Array => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = rhs[perm[i]!]!;
      for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
      x[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i]!;
      for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
      x[i] = s / lu[i * n + i]!;
    }
    return x;
  };
  const x = luSolve(b);
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let j = 0; j < n; j++) s -= A[i * n + j]! * x[j]!;
    residual[i] = s;
  }
  const correction = luSolve(residual);
  for (let i = 0; i < n; i++) x[i] = x[i]! + correction[i]!;
  return x;
}

/** Least-squares solution of the m x n (m > n) system A x ~ b (A row-major) by Householder QR. */
function solveLeastSquares(A: Float64Array, b: Float64Array, m: number, n: number): Float64Array | undefined {
  const R = Float64Array.from(A);
  const qtb = Float64Array.from(b);
  const diag = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < A.length; i++) scale = Math.max(scale, Math.abs(A[i]!));
  for (let j = 0; j < n; j++) {
    let norm2 = 0;
    for (let i = j; i < m; i++) norm2 += R[i * n + j]! ** 2;
    const norm = Math.sqrt(norm2);
    if (!(norm > 64 * m * Number.EPSILON * scale)) return undefined;
    const alpha = R[j * n + j]! > 0 ? -norm : norm;
    // v = column j below the diagonal with v_0 = R_jj - alpha; stored in place.
    R[j * n + j] = R[j * n + j]! - alpha;
    let vnorm2 = 0;
    for (let i = j; i < m; i++) vnorm2 += R[i * n + j]! ** 2;
    for (let c = j + 1; c < n; c++) {
      let s = 0;
      for (let i = j; i < m; i++) s += R[i * n + j]! * R[i * n + c]!;
      const f = (2 * s) / vnorm2;
      for (let i = j; i < m; i++) R[i * n + c] = R[i * n + c]! - f * R[i * n + j]!;
    }
    let s = 0;
    for (let i = j; i < m; i++) s += R[i * n + j]! * qtb[i]!;
    const f = (2 * s) / vnorm2;
    for (let i = j; i < m; i++) qtb[i] = qtb[i]! - f * R[i * n + j]!;
    diag[j] = alpha;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = qtb[i]!;
    for (let c = i + 1; c < n; c++) s -= R[i * n + c]! * x[c]!;
    x[i] = s / diag[i]!;
  }
  return x;
}
