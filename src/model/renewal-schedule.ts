import type { ExistingBook } from '../scenario/scenario-schema.js';

/**
 * Whole customers due for renewal in each fiscal month, from the renewal calendar's ARR shares.
 * Counts are rounded on the cumulative calendar, due[m] = round(C x cum[m]) - round(C x cum[m-1]),
 * so the rounding spreads evenly through the year (10 customers on a uniform calendar renew in 10
 * different months spread over the year, not in the first ten) and the total is round(C x share
 * renewing this year). Customers in a tier carry the tier's average ARR.
 *
 * @example customersDue({ customers: 6, renewalCalendar: 'uniform' }) // => [1,0,1,0,1,0,1,0,1,0,1,0]
 * Complexity: O(12).
 */
export function customersDue(book: Pick<ExistingBook, 'customers' | 'renewalCalendar'>): Int32Array {
  const calendar = book.renewalCalendar ?? 'uniform';
  const shares = calendar === 'uniform' ? new Array<number>(12).fill(1 / 12) : calendar;
  const customers = book.customers ?? 0;
  const due = new Int32Array(12);
  let cumulative = 0;
  let before = 0;
  for (let m = 0; m < 12; m++) {
    cumulative += shares[m]!;
    // The 1e-9 guards shares like 1/12 whose running sum lands a hair below a half.
    const upTo = Math.round(customers * cumulative + 1e-9);
    due[m] = upTo - before;
    before = upTo;
  }
  return due;
}
