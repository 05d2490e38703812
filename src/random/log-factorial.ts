/**
 * log(k!) and the Stirling-series remainder, shared by the Poisson and binomial samplers.
 *
 * stirlingTail(k) = log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2], the correction
 * term of Stirling's formula for Gamma(k + 1) at k + 1. A table of exact values (computed with
 * mpmath at 40 digits, rounded to double) for k = 0..9; beyond, the asymptotic series
 * 1/(12m) - 1/(360m^3) + 1/(1260m^5) - 1/(1680m^7) + 1/(1188m^9) - 691/(360360m^11) + 1/(156m^13),
 * m = k + 1 (Abramowitz & Stegun 6.1.41; truncation error below 3617/(122400 m^15) < 1e-17 at
 * k = 10). This is the formulation of Hörmann (1993) and of TensorFlow's random_binomial_op
 * (stirling_approx_tail, which stops at the m^-5 term).
 */

/** log(2 pi) / 2. */
export const HALF_LOG_2PI = 0.91893853320467274178032973640562;

const TAIL = [
  0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
] as const;

/**
 * Remainder of Stirling's formula for log(k!) (see the module comment).
 *
 * @param k - a non-negative integer (k <= 9 uses the exact table; larger k the series).
 * @example stirlingTail(0) // => 0.08106146679532726 (= 1 - log(2 pi) / 2)
 * @remarks O(1). Source: Hörmann (1993), "The generation of binomial random variates".
 */
export function stirlingTail(k: number): number {
  if (k <= 9) return TAIL[k]!;
  const m = k + 1;
  const r = 1 / (m * m);
  return (
    (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360360 - r / 156)))))) / m
  );
}

/**
 * log(k!) for a non-negative integer k, relative accuracy about 1e-15.
 *
 * @param k - a non-negative integer.
 * @example logFactorial(10) // => 15.104412573075518 (log 3628800)
 * @remarks O(1). Stirling's formula at k + 1 plus `stirlingTail`.
 */
export function logFactorial(k: number): number {
  if (k < 2) return 0;
  const m = k + 1;
  return (k + 0.5) * Math.log(m) - m + HALF_LOG_2PI + stirlingTail(k);
}
