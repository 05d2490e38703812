import type { CustomerBook } from '../scenario/customer-book.js';
import type { RenewalAdjustments } from '../scenario/renewal-adjustments-schema.js';

/**
 * A customer book read from a file, arranged for the hot loop: customers due this year in one run
 * of arrays sorted by renewal month, monthly-billed customers in another, and the deterministic
 * escalator step-ups of multi-year contracts not due this year precomputed by month.
 *
 * Each customer carries its renewal odds multiplier exp(adjustment) (see
 * renewal-adjustments-schema.ts): with the trial's base odds o = rate / (1 - rate) the customer
 * renews with p = o k / (1 + o k), one multiplication and one division per customer, no exp.
 */
export interface CustomerBookPlan {
  readonly customers: number;
  readonly openingArr: number;
  /** Annual and multi-year customers renewing this year, sorted by month. */
  readonly dueArr: Float64Array;
  readonly dueMonth: Int32Array;
  readonly dueOdds: Float64Array;
  /** Where each month's run of due customers starts: month m (1..12) is dueFrom[m - 1] .. dueFrom[m] - 1 (13 entries). */
  readonly dueFrom: Int32Array;
  /** Monthly-billed customers: they churn by a monthly hazard, any month. */
  readonly monthlyArr: Float64Array;
  readonly monthlyOdds: Float64Array;
  /** ARR added in each fiscal month by multi-year escalators stepping up (index 0 = month 1), currency. */
  readonly escalation: Float64Array;
  /** Customers and ARR due this year (constant: the calendar is in the file). */
  readonly arrDue: number;
  /** ARR due in months 1..m, by m (index m - 1): what a re-forecast after m closed months no longer renews. */
  readonly arrDueBy: Float64Array;
  /** ARR due in each month (index m - 1). */
  readonly arrDueIn: Float64Array;
}

/** Renewals completed beyond the first count up to this many. */
const LOYALTY_CAP = 5;

/**
 * @example planCustomerBook(book, { perArrDoubling: 0.2, firstRenewal: -0.4, perRenewalAfterFirst: 0, health: 0 })
 * Complexity: O(customers): the due customers are sorted by month by counting (months 1..12, as the
 * reader guarantees for every customer not monthly-billed).
 */
export function planCustomerBook(book: CustomerBook, adjust: RenewalAdjustments | undefined): CustomerBookPlan {
  const a = adjust ?? { perArrDoubling: 0, firstRenewal: 0, perRenewalAfterFirst: 0, health: 0 };
  const n = book.size;
  const medianArr = n > 0 ? medianOf(book.arr) : 0;
  let healthSum = 0;
  let healthCount = 0;
  for (let i = 0; i < n; i++)
    if (!Number.isNaN(book.health[i]!)) {
      healthSum += book.health[i]!;
      healthCount++;
    }
  const meanHealth = healthCount > 0 ? healthSum / healthCount : 0;
  const odds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const arr = book.arr[i]!;
    const renewals = book.renewals[i]!;
    const health = book.health[i]!;
    let logOdds = 0;
    // A zero ARR (or median) would be log2(0): such customers count as median-sized.
    if (a.perArrDoubling !== 0 && arr > 0 && medianArr > 0) logOdds += a.perArrDoubling * Math.log2(arr / medianArr);
    if (renewals === 0) logOdds += a.firstRenewal;
    else logOdds += a.perRenewalAfterFirst * (Math.min(renewals, LOYALTY_CAP) - 1);
    if (!Number.isNaN(health)) logOdds += a.health * (health - meanHealth);
    odds[i] = Math.exp(logOdds);
  }

  const monthly: number[] = [];
  const escalation = new Float64Array(12);
  // Customers due in each month, counted for a counting sort by month (stable: by row within a month).
  const dueFrom = new Int32Array(13);
  let openingArr = 0;
  for (let i = 0; i < n; i++) {
    const arr = book.arr[i]!;
    openingArr += arr;
    const term = book.termMonths[i]!;
    const next = book.nextRenewal[i]!;
    if (term === 1) monthly.push(i);
    else if (next <= 12) dueFrom[next]!++;
    // A multi-year contract not ending this year steps up on its anniversary, which falls in the
    // calendar month of its renewal date.
    else if (book.escalator[i]! > 0) escalation[(next - 1) % 12]! += arr * book.escalator[i]!;
  }
  for (let m = 1; m <= 12; m++) dueFrom[m]! += dueFrom[m - 1]!;
  const due = sortedDue(book, dueFrom);
  // The due customers' columns in one loop, and the monthly-billed ones' in another: each array read
  // and written at one site, of one type (a shared gather of every column deoptimized on each new
  // array type, about a third of a cold plan).
  const { arr: bookArr, nextRenewal } = book;
  const dueArr = new Float64Array(due.length);
  const dueMonth = new Int32Array(due.length);
  const dueOdds = new Float64Array(due.length);
  let arrDue = 0;
  const arrDueIn = new Float64Array(12);
  for (let j = 0; j < due.length; j++) {
    const i = due[j]!;
    const a = bookArr[i]!;
    const month = nextRenewal[i]!;
    dueArr[j] = a;
    dueMonth[j] = month;
    dueOdds[j] = odds[i]!;
    arrDue += a;
    arrDueIn[month - 1]! += a;
  }
  const monthlyArr = new Float64Array(monthly.length);
  const monthlyOdds = new Float64Array(monthly.length);
  for (let j = 0; j < monthly.length; j++) {
    const i = monthly[j]!;
    monthlyArr[j] = bookArr[i]!;
    monthlyOdds[j] = odds[i]!;
  }
  const arrDueBy = new Float64Array(12);
  for (let m = 0, s = 0; m < 12; m++) arrDueBy[m] = s += arrDueIn[m]!;
  return {
    customers: n,
    openingArr,
    dueArr,
    dueMonth,
    dueOdds,
    dueFrom,
    monthlyArr,
    monthlyOdds,
    escalation,
    arrDue,
    arrDueBy,
    arrDueIn,
  };
}

/**
 * Rows of the customers due this year (annual and multi-year, renewing in months 1..12) sorted by
 * month, then by row: a counting sort, given dueFrom[m - 1] = customers due before month m.
 * Complexity: O(customers).
 */
function sortedDue(book: CustomerBook, dueFrom: Int32Array): Int32Array {
  const due = new Int32Array(dueFrom[12]!);
  const next = dueFrom.slice(0, 12);
  for (let i = 0; i < book.size; i++) {
    const month = book.nextRenewal[i]!;
    if (book.termMonths[i]! !== 1 && month <= 12) due[next[month - 1]!++] = i;
  }
  return due;
}

/**
 * The median of finite values, as simple-statistics' `median` gives it (type 7: the mean of the two
 * middle values, as x[lo] + 0.5 (x[hi] - x[lo]), when n is even), from a sorted typed copy: the
 * native numeric sort instead of a quickselect over a boxed array. Complexity: O(n log n).
 */
function medianOf(values: Float64Array): number {
  const sorted = values.slice().sort();
  const idx = (sorted.length - 1) * 0.5;
  const lower = Math.floor(idx);
  return idx === lower ? sorted[idx]! : sorted[lower]! + (idx - lower) * (sorted[lower + 1]! - sorted[lower]!);
}
