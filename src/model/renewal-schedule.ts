import type { ExistingBook } from '../scenario/scenario-schema.js';

/**
 * Whole customers due for renewal in each fiscal month, from the renewal calendar's ARR shares.
 * Customers are allocated by largest remainder so the monthly counts add up to round(customers x
 * share renewing this year). Customers in a tier carry the tier's average ARR.
 *
 * @example customersDue({ customers: 10, renewalCalendar: 'uniform' }) // => [1,1,1,1,1,1,1,1,1,1,0,0] (ties go to the earlier month)
 * Complexity: O(12 log 12).
 */
export function customersDue(book: Pick<ExistingBook, 'customers' | 'renewalCalendar'>): Int32Array {
  const shares = book.renewalCalendar === 'uniform' ? new Array<number>(12).fill(1 / 12) : book.renewalCalendar;
  const exact = shares.map((s) => s * book.customers);
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  const due = Int32Array.from(exact, Math.floor);
  let left = total - due.reduce((a, b) => a + b, 0);
  const order = exact.map((x, m) => ({ m, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.m - b.m);
  for (const { m } of order) {
    if (left <= 0) break;
    due[m]! += 1;
    left -= 1;
  }
  return due;
}
