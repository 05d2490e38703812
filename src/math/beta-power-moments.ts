/**
 * The mean and sd of X^k for X ~ Beta(a, b) given by its mean m and sd s, k > 0: exact moments,
 * E[X^k] = B(a + k, b) / B(a, b) = Γ(a + k) Γ(a + b) / (Γ(a) Γ(a + b + k)), which for whole k is
 * Π_{i<k} (a + i) / (a + b + i); Var = E[X^2k] − E[X^k]². (The delta method, k m^(k−1) s, misses
 * the curvature of x^k: at m = 0.98, s = 0.02, k = 12 it puts the mean at m^k, 2 points high.)
 * s = 0 gives m^k exactly; s at or above √(m(1 − m)) (no beta has it) is taken as 0.9 √(m(1 − m)),
 * the most a written beta has (written-beta.ts).
 *
 * @example betaPowerMoments(0.5, Math.sqrt(1 / 12), 2).mean // => 1/3 (Beta(1, 1): E[U^2] = 1/3)
 * Complexity: O(k) (whole part of k, plus a fixed shift for its fraction).
 */
export function betaPowerMoments(m: number, s: number, k: number): { mean: number; sd: number } {
  if (!(s > 0) || m <= 0 || m >= 1) return { mean: m ** k, sd: 0 };
  const v = Math.min(s * s, 0.81 * m * (1 - m));
  const total = (m * (1 - m)) / v - 1;
  const a = m * total;
  const b = (1 - m) * total;
  // log E[X^k]: the whole part's product term by term (each ratio near m, no cancellation of large logs).
  const logMoment = (p: number) => {
    const whole = Math.floor(p);
    let l = 0;
    for (let i = 0; i < whole; i++) l += Math.log((a + i) / (a + b + i));
    return l + logGammaRatio(a + whole, p - whole) - logGammaRatio(a + b + whole, p - whole);
  };
  const l1 = logMoment(k);
  const mean = Math.exp(l1);
  // Var / mean² = E[X^2k] / E[X^k]² − 1, from logs of order k |log m|: no catastrophic cancellation.
  const sd = mean * Math.sqrt(Math.max(0, Math.expm1(logMoment(2 * k) - 2 * l1)));
  return { mean, sd };
}

/**
 * log Γ(x + k) − log Γ(x) for x > 0, k ≥ 0, accurate where x is large (Γ's own logs would cancel):
 * Σ_{i<⌊k⌋} log(x + i), then the fraction f by shifting x past 30 (log Γ(y + f) − log Γ(y) =
 * that at y + 1 − log(1 + f / y)) and Stirling's series differenced term by term.
 */
export function logGammaRatio(x: number, k: number): number {
  const whole = Math.floor(k);
  const f = k - whole;
  let s = 0;
  for (let i = 0; i < whole; i++) s += Math.log(x + i);
  if (f === 0) return s;
  let y = x + whole;
  for (; y < 30; y += 1) s -= Math.log1p(f / y);
  const z = y + f;
  // (z − ½) log z − z − ((y − ½) log y − y), written without the cancellation, then 1/(12z) − 1/(360z³) + 1/(1260z⁵) differenced.
  s += (y - 0.5) * Math.log1p(f / y) + f * Math.log(z) - f;
  s += 1 / (12 * z) - 1 / (12 * y) - (1 / (360 * z ** 3) - 1 / (360 * y ** 3)) + (1 / (1260 * z ** 5) - 1 / (1260 * y ** 5));
  return s;
}

/**
 * The mean and sd of X^k for X ~ Beta of sd s centred so that E[X^k] = m^k: the spread s around a
 * rate m without moving the mean of its k-th power off m^k. For a spread that is a bound, not a
 * measurement (a zero-variance fit's Jeffreys fallback, fit/zero-variance.ts), whose curvature would
 * otherwise lift the mean: at m = 0.9, s = 0.09, k = 12, E[X^12] is 42.8% where the history's
 * compounded rate is 0.9^12 = 28.2%. The centre is found by bisection (E[X^k] rises with it);
 * m at 0 or 1, or s = 0, give m^k and sd 0 as betaPowerMoments. Throws (an internal error) if the
 * bisection ends where E[X^k] is not m^k.
 *
 * @example betaPowerMomentsKeepingMean(0.9, 0.09, 12).mean // => 0.9^12 = 0.2824 (within 1e-12)
 * Complexity: O(k) per step, about 50 + log2(1 / centre) steps (1,100 at most).
 */
export function betaPowerMomentsKeepingMean(m: number, s: number, k: number): { mean: number; sd: number } {
  if (!(s > 0) || m <= 0 || m >= 1) return betaPowerMoments(m, s, k);
  const target = m ** k;
  let lo = 0;
  let hi = 1;
  // Stopped on the bracket's width relative to its top, not absolute: a small m^k (0.01^12 = 1e-24)
  // has its centre near 1e-24, which steps of 1e-15 never resolved (E[X^12] came out 2e-16). Halving
  // reaches the least double within 1,100 steps.
  for (let i = 0; i < 1100 && hi - lo > 1e-15 * hi; i++) {
    const c = (lo + hi) / 2;
    if (betaPowerMoments(c, s, k).mean < target) lo = c;
    else hi = c;
  }
  const centre = (lo + hi) / 2;
  const at = betaPowerMoments(centre, s, k);
  // The bisection assumes E[X^k] rises with the centre and reaches m^k; should it not, the sd would
  // be that of some other beta, written without a word: an internal error, not a figure.
  if (!(Math.abs(at.mean - target) <= CONVERGED * target))
    throw new Error(`internal error: betaPowerMomentsKeepingMean(${m}, ${s}, ${k}) did not converge: E[X^${k}] ${at.mean} at centre ${centre}, for ${target}`);
  return { mean: target, sd: at.sd };
}

/** How close (relatively) the bisection's E[X^k] must come to m^k: far looser than its 1e-15 steps. */
const CONVERGED = 1e-6;
