import { logGamma } from './incomplete-beta.js';

/**
 * The regularized incomplete gamma P(a, x) = P(X <= x) for X ~ Gamma(a, 1), and its complement Q,
 * each computed directly where it is the smaller (Numerical Recipes 6.2: the series below a + 1,
 * the continued fraction (modified Lentz) above), so both keep their relative accuracy in the tails.
 * A chi-square with df degrees of freedom is Gamma(df / 2, 2): P(χ² <= x) = P(df / 2, x / 2).
 *
 * @example incompleteGamma(1, 1) // => { lower: 0.6321 (1 − e^-1), upper: 0.3679 }
 * Complexity: O(√a) terms near the mean, fewer in the tails.
 */
export function incompleteGamma(a: number, x: number): { lower: number; upper: number } {
  if (!(a > 0)) throw new RangeError(`incompleteGamma: a must be > 0 (got ${a})`);
  if (!(x > 0)) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const lower = Math.min(1, sum * front);
    return { lower, upper: 1 - lower };
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  const upper = Math.min(1, front * h);
  return { lower: 1 - upper, upper };
}
