/** How far 12 / turnover may lie from a whole number of years and still read as that term. */
const TERM_TOLERANCE = 0.2;

/**
 * The contract term a book's turnover reads as: the one law by which fit (fit/renewal-term.ts)
 * and the re-forecast (start-state.ts, closedMonthsTerm) read renewal timing from ARR due over ARR
 * live. On T-month terms a book's ARR comes due 12 / T times a year, so a turnover (ARR due a year
 * over ARR live) reads as a term of 12 / turnover months: within 20% of a whole number of years, that
 * many years; below 9 months, that many months (rounded: 1 monthly, 3 quarterly); else no single
 * term (`mixed`).
 *
 * @example termOfTurnover(12) // => { months: 1 }
 * @example termOfTurnover(1.1) // => { months: 12 }
 * Complexity: O(1).
 */
export function termOfTurnover(turnover: number): { readonly months: number } | { readonly mixed: true } {
  const term = 12 / turnover;
  const years = Math.max(1, Math.round(term / 12));
  if (Math.abs(term - 12 * years) <= TERM_TOLERANCE * 12 * years) return { months: 12 * years };
  if (term < 9) return { months: Math.max(1, Math.round(term)) };
  return { mixed: true };
}
