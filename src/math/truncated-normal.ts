/**
 * The truncated normal distribution: Normal(mu, sigma) conditioned on [lower, upper]. Its parameters
 * are prepared (validated, with the sampler's constants and method) here, in pure mathematics, so
 * the scenario schema can check them; the sampler is `random/truncated-normal.ts`.
 */
import { normalCdf, normalQuantile } from './normal-cdf.js';

/** How a prepared truncated normal is drawn (chosen by `prepareTruncatedNormal`). */
export type TruncatedNormalMethod = 'normal-rejection' | 'uniform-rejection' | 'inverse-cdf';

/**
 * A prepared truncated normal: Normal(mu, sigma) conditioned on lower <= X <= upper, with the
 * precomputed constants its sampler needs. Build it with `prepareTruncatedNormal`.
 */
export interface TruncatedNormalParams {
  readonly mu: number;
  readonly sigma: number;
  readonly lower: number;
  readonly upper: number;
  /** Standardised bounds (lower - mu) / sigma and (upper - mu) / sigma. */
  readonly a: number;
  readonly b: number;
  /** The probability of [lower, upper] under Normal(mu, sigma). */
  readonly mass: number;
  readonly method: TruncatedNormalMethod;
  /**
   * +1, or -1 when the interval lies mostly above mu and is reflected to the lower side, where
   * normalCdf keeps full relative accuracy: the inverse-CDF method draws Z' on
   * [reflectedLower, reflectedUpper] and returns mu + sigma * reflect * Z'.
   */
  readonly reflect: 1 | -1;
  readonly reflectedLower: number;
  readonly reflectedUpper: number;
  /** normalCdf(reflectedLower). */
  readonly reflectedLowerCdf: number;
  /** Square of the standardised point of highest density in [a, b] (uniform rejection). */
  readonly peakSquared: number;
}

/** Below this mass the interval is refused: it lies ~37 or more standard deviations out. */
const MIN_MASS = 1e-300;
/** Plain rejection from the whole normal above this mass: at most 4 normals per draw. */
const REJECTION_MIN_MASS = 0.25;
/** Uniform-proposal rejection when its acceptance probability is at least this. */
const UNIFORM_MIN_ACCEPTANCE = 0.5;
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/**
 * The parameters `prepareTruncatedNormal` made (and so validated). The sampler's rejection loops
 * end only for consistent constants: hand-made ones (a > b, a zero mass) could loop forever.
 */
const PREPARED = new WeakSet<TruncatedNormalParams>();

/** Whether `params` came from `prepareTruncatedNormal` (and so holds consistent constants). */
export function isPreparedTruncatedNormal(params: TruncatedNormalParams): boolean {
  return PREPARED.has(params);
}

/**
 * Prepare a truncated normal: Normal(mu, sigma) conditioned on [lower, upper], and pick the
 * sampling method.
 *
 * - mass of the interval >= 0.25: plain rejection from the normal (at most 4 normals per draw);
 * - otherwise, a finite interval narrow enough that a uniform proposal on it is accepted with
 *   probability >= 1/2: uniform rejection (C. P. Robert, "Simulation of truncated normal
 *   variables", Statistics and Computing 5 (1995) 121-125, section 2.2);
 * - otherwise (tails, one- or two-sided): exact inversion X = mu + sigma Phi^-1(Phi(a) + U mass),
 *   computed on the lower side of the mean (reflecting if needed) with Cody's normalCdf and
 *   AS 241 normalQuantile, which keep full relative accuracy there (e.g. [3, Infinity) or
 *   [10, 12] sigma). See Devroye (1986), Non-Uniform Random Variate Generation, II.2.
 *
 * @param mu - mean of the untruncated normal, in the units of X.
 * @param sigma - standard deviation of the untruncated normal (> 0), in the units of X.
 * @param lower - lower bound (may be -Infinity).
 * @param upper - upper bound (may be +Infinity).
 * @returns the prepared parameters for `truncatedNormal`.
 * @throws RangeError if mu or sigma is not finite, sigma <= 0, a bound is NaN, lower >= upper,
 *   or the interval's probability under Normal(mu, sigma) is negligible (< 1e-300).
 * @example prepareTruncatedNormal(0.1, 0.05, 0, Infinity) // growth rate kept non-negative
 * @remarks O(1), pure.
 */
export function prepareTruncatedNormal(mu: number, sigma: number, lower: number, upper: number): TruncatedNormalParams {
  if (!Number.isFinite(mu)) throw new RangeError(`truncatedNormal: mu must be finite, got ${mu}`);
  if (!Number.isFinite(sigma) || !(sigma > 0)) {
    throw new RangeError(`truncatedNormal: sigma must be finite and > 0, got ${sigma}`);
  }
  if (Number.isNaN(lower) || Number.isNaN(upper)) {
    throw new RangeError(`truncatedNormal: bounds must not be NaN, got [${lower}, ${upper}]`);
  }
  if (!(lower < upper)) {
    throw new RangeError(`truncatedNormal: lower must be < upper, got [${lower}, ${upper}]`);
  }
  const a = (lower - mu) / sigma;
  const b = (upper - mu) / sigma;
  // Reflect intervals centred above the mean (a + b is NaN only for (-Infinity, Infinity)).
  const reflect: 1 | -1 = a + b > 0 ? -1 : 1;
  const reflectedLower = reflect === 1 ? a : -b;
  const reflectedUpper = reflect === 1 ? b : -a;
  const reflectedLowerCdf = normalCdf(reflectedLower);
  const mass = normalCdf(reflectedUpper) - reflectedLowerCdf;
  if (!(mass >= MIN_MASS)) {
    throw new RangeError(
      `truncatedNormal: [${lower}, ${upper}] has negligible probability (${mass}) under Normal(${mu}, ${sigma}); ` +
        'it lies too many standard deviations from the mean',
    );
  }
  const peak = a > 0 ? a : b < 0 ? b : 0;
  const peakSquared = peak * peak;
  let method: TruncatedNormalMethod;
  if (mass >= REJECTION_MIN_MASS) {
    method = 'normal-rejection';
  } else if (mass / ((b - a) * INV_SQRT_2PI * Math.exp(-0.5 * peakSquared)) >= UNIFORM_MIN_ACCEPTANCE) {
    // (b - a) = Infinity gives acceptance 0 here, so only finite intervals qualify.
    method = 'uniform-rejection';
  } else {
    method = 'inverse-cdf';
  }
  const params: TruncatedNormalParams = Object.freeze({
    mu, sigma, lower, upper, a, b, mass, method, reflect, reflectedLower, reflectedUpper, reflectedLowerCdf, peakSquared,
  });
  PREPARED.add(params);
  return params;
}

/**
 * The distribution function P(X <= x) of a prepared truncated normal, accurate in the tails
 * (computed on the reflected side, like the sampler).
 *
 * @param x - the point, in the units of X.
 * @param params - from `prepareTruncatedNormal`.
 * @example truncatedNormalCdf(3.5, prepareTruncatedNormal(0, 1, 3, Infinity)) // => 0.8276691471617236
 * @remarks O(1).
 */
export function truncatedNormalCdf(x: number, params: TruncatedNormalParams): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= params.lower) return 0;
  if (x >= params.upper) return 1;
  const z = (x - params.mu) / params.sigma;
  const f =
    params.reflect === 1
      ? (normalCdf(z) - params.reflectedLowerCdf) / params.mass
      : (params.reflectedLowerCdf + params.mass - normalCdf(-z)) / params.mass;
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/**
 * The quantile of a prepared truncated normal at normal score e: Q(Phi(e)) =
 * mu + sigma Phi^-1(Phi(a) + Phi(e) (Phi(b) - Phi(a))). Worked on the reflected side (lower bound
 * at or below the mean), each tail from its own end: the lower tail adds Phi(e) mass to Phi(a);
 * the upper tail takes Phi(-e) mass from b's side (from Phi(-b) when b > 0, from Phi(b) otherwise),
 * so a score of -8 or 8 keeps full relative accuracy where 1 - Phi(e) would round to 0.
 *
 * @param e - the normal score (Phi(e) is the probability level).
 * @param params - from `prepareTruncatedNormal`.
 * @returns the quantile, within [lower, upper].
 * @example truncatedNormalScoreQuantile(0, prepareTruncatedNormal(0, 1, -1, 1)) // => 0
 * @remarks O(1).
 */
export function truncatedNormalScoreQuantile(e: number, params: TruncatedNormalParams): number {
  const { reflect, reflectedLower: lo, reflectedUpper: hi, reflectedLowerCdf, mass } = params;
  const score = reflect * e;
  let z: number;
  if (score <= 0) z = normalQuantile(reflectedLowerCdf + normalCdf(score) * mass);
  else if (hi > 0) z = -normalQuantile(normalCdf(-hi) + normalCdf(-score) * mass);
  else z = normalQuantile(normalCdf(hi) - normalCdf(-score) * mass);
  z = Math.min(hi, Math.max(lo, z));
  const x = params.mu + params.sigma * reflect * z;
  return Math.min(params.upper, Math.max(params.lower, x));
}
