import type { MonthlyRow } from './monthly-record.js';

/** What a closed month's row says of the ARR that came up for renewal in it. */
export interface ClosedMonthRenewals {
  /** The month's churned ARR: churned_arr, else the ARR due that did not renew (renewed_arr given), else 0. */
  readonly churned: number;
  /** The ARR due that renewed: renewed_arr, else the ARR due less what churned (at least 0). */
  readonly renewedArr: number;
  /** Churn beyond what the month's due customers lost: customers leaving mid-term (or monthly-billed ones). */
  readonly beyond: number;
}

/**
 * A closed month's renewals and churn given `dueArr`, the ARR that came up for renewal in it. A
 * file may give renewed_arr without churned_arr: the ARR due that did not renew is the churn (as
 * renewed_arr is the ARR due less churned_arr when only churned_arr is given). The one rule of the
 * re-forecast's start (start-state.ts's tierStart) and of an aggregate book's closed-month calendar
 * (closedMonthsDue), which repeated it.
 *
 * @example closedMonthRenewals({ values: { renewed_arr: 100_000, churned_arr: 600_000 } }, 200_000) // => { churned: 600000, renewedArr: 100000, beyond: 500000 }
 */
export function closedMonthRenewals(row: Pick<MonthlyRow, 'values'>, dueArr: number): ClosedMonthRenewals {
  const renewed = row.values.renewed_arr ?? NaN;
  const statedChurn = row.values.churned_arr ?? NaN;
  const churned = !Number.isNaN(statedChurn) ? statedChurn : !Number.isNaN(renewed) ? Math.max(0, dueArr - renewed) : 0;
  const renewedArr = Number.isNaN(renewed) ? Math.max(0, dueArr - churned) : renewed;
  return { churned, renewedArr, beyond: churned - Math.max(0, dueArr - renewedArr) };
}

/**
 * Customers of an aggregate book that renewed of `dueCount` due: the renewed ARR over the average
 * customer's ARR, rounded, within [0, dueCount]; 0 when the book has no average ARR.
 *
 * @example renewedCustomers(95_000, 10, 10_000) // => 10
 */
export function renewedCustomers(renewedArr: number, dueCount: number, averageArr: number): number {
  return averageArr > 0 ? Math.min(dueCount, Math.max(0, Math.round(renewedArr / averageArr))) : 0;
}

/**
 * Customers who left mid-term for `beyond` of churn beyond the due customers', at `each` of ARR a
 * customer: at least 1 once more than half a unit of currency is beyond; 0 otherwise, or when a
 * customer carries no ARR.
 *
 * @example midTermLeavers(250_000, 100_000) // => 3
 */
export function midTermLeavers(beyond: number, each: number): number {
  return beyond > 0.5 && each > 0 ? Math.max(1, Math.round(beyond / each)) : 0;
}
