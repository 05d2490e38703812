import type { MonthlyMeasure } from '../../src/actuals/monthly-record.js';

/**
 * A closed year of a book of 12 customers at 100k, one due a month from an opening ARR of 1,200,000:
 * the first 6 renew with a 3% uplift, the last 6 churn. Month m ends at 1,200,000 + 3,000 m for
 * m <= 6, at 1,218,000 - 100,000 (m - 6) after.
 */
export function halfRenewingBook(): Array<Partial<Record<MonthlyMeasure, number>>> {
  let book = 1_200_000;
  return Array.from({ length: 12 }, (_, i) => {
    const renews = i < 6;
    book += renews ? 3_000 : -100_000;
    return { new_arr: 0, churned_arr: renews ? 0 : 100_000, contraction_arr: 0, expansion_arr: 0, renewed_arr: renews ? 100_000 : 0, due_arr: 100_000, ending_arr: book };
  });
}
