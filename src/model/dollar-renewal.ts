import type { DistributionSpec } from '../scenario/distribution-schema.js';
import type { ExistingBook } from '../scenario/scenario-schema.js';
import type { CustomerBookPlan } from './customer-book-plan.js';

/**
 * The logo renewal rate a tier's existing book draws each trial: `renewalRate` as written, or the
 * rate that a `dollarRenewalRate` (ARR renewed / ARR due, customers weighted by ARR, before
 * contraction) stands for.
 *
 * - A book of aggregates: every customer carries the same ARR, so the two are the same number.
 * - A book from a file without renewal adjustments: every customer due renews with the same
 *   chance p, so the expected ARR renewed / ARR due is p, whatever the sizes: the same number again.
 * - A book from a file with adjustments (the schema then requires a number d): the base rate p
 *   such that Σ ARR_i · p_i(p) / Σ ARR_i = d over the customers due this year, where
 *   p_i(p) = o k_i / (1 + o k_i), o = p / (1 − p) and k_i the customer's odds multiplier (as the
 *   simulator renews them; before the market shift, like renewalRate). Monthly-billed customers
 *   take that base rate too. The left side increases with p, so bisection on log-odds finds it.
 *
 * @example renewalRateSpec({ dollarRenewalRate: 0.92, ... }, undefined) // => 0.92
 * Complexity: O(customers due x 200) for a book with adjustments, else O(1).
 */
export function renewalRateSpec(e: ExistingBook, book: CustomerBookPlan | undefined): DistributionSpec {
  if (e.renewalRate !== undefined) return e.renewalRate;
  const dollar = e.dollarRenewalRate;
  if (dollar === undefined) throw new RangeError('an existing book needs renewalRate or dollarRenewalRate');
  if (!book || book.dueOdds.every((k) => k === 1)) return dollar;
  const d = typeof dollar === 'number' ? dollar : dollar.dist === 'fixed' ? dollar.value : undefined;
  if (d === undefined) throw new RangeError('with renewal adjustments, dollarRenewalRate must be a number');
  return baseRateForDollarRenewal(book.dueArr, book.dueOdds, d);
}

/**
 * The base rate p with Σ arr_i · p_i(p) / Σ arr_i = d (p_i as above). 0 and 1 map to themselves,
 * and so does any d when no ARR is due.
 *
 * @example baseRateForDollarRenewal(Float64Array.of(1, 3), Float64Array.of(1, 1), 0.9) // => 0.9
 */
export function baseRateForDollarRenewal(arr: Float64Array, odds: Float64Array, d: number): number {
  let total = 0;
  for (let i = 0; i < arr.length; i++) total += arr[i]!;
  if (!(total > 0) || d <= 0 || d >= 1) return d;
  const dollarAt = (logOdds: number) => {
    const o = Math.exp(logOdds);
    let renewed = 0;
    for (let i = 0; i < arr.length; i++) {
      const ok = o * odds[i]!;
      renewed += (arr[i]! * ok) / (1 + ok);
    }
    return renewed / total;
  };
  let lo = -50;
  let hi = 50;
  for (let step = 0; step < 200 && hi - lo > 1e-12; step++) {
    const mid = (lo + hi) / 2;
    if (dollarAt(mid) < d) lo = mid;
    else hi = mid;
  }
  return 1 / (1 + Math.exp(-(lo + hi) / 2));
}
