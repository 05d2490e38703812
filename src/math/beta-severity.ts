import type { Severity } from './aggregate-pmf.js';
import { incompleteBeta } from './incomplete-beta.js';

/**
 * Beta(a, b) as a severity for aggregate sums (a share of a customer's ARR lost to contraction). Its
 * support ends at 1, so `tail` is 1 and no deal is truncated.
 *
 * @example betaSeverity(4.4, 13.3).mean // => 0.2486
 */
export function betaSeverity(a: number, b: number): Severity {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) throw new RangeError(`betaSeverity: a and b must be finite and > 0, not ${a}, ${b}`);
  const s = a + b;
  return {
    sf: (x) => incompleteBeta(x, a, b).upper,
    mean: a / s,
    variance: (a * b) / (s * s * (s + 1)),
    tail: 1,
  };
}
