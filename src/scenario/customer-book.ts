import {
  fiscalMonth,
  numberCell,
  pick,
  readCsv,
  readCsvBytes,
  rowsByGroup,
  TierLookup,
  type CsvColumn,
  type CsvTable,
  type FiscalCalendar,
  type MonthRule,
  checkUniqueId,
  readsAsMonth, readsAsNumber,
} from './csv-table.js';
import { quoteText } from './display-text.js';
import { nameKey } from './name-key.js';

export type { FiscalCalendar } from './csv-table.js';

/**
 * A customer book file: the customers live at the start of the year, one row each.
 *
 * ```csv
 * id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator
 * c-1,smb,12000,3,12,2,0.8,
 * "Acme, Inc",ent,250000,2027-09,36,0,,0.05
 * c-3,smb,600,,monthly,,,
 * ```
 *
 * - `id` (required): unique in the file (exact text).
 * - `tier` (required): the tier the customer belongs to, ignoring case.
 * - `arr` (required): current ARR, currency, 0 to 1e12.
 * - `next_renewal` (required column): fiscal month of the next renewal, 1 to 120 (1 = the first month
 *   of the fiscal year), or a date YYYY-MM or YYYY-MM-DD (needs `fiscalYear`). Empty only for a
 *   monthly-billed customer (who renews every month; 1 is accepted too).
 * - `term_months` (required): 1 or `monthly` for monthly-billed, else the contract term, 12 to 60
 *   months. A contract live at the start of the year renews within its term: next_renewal <= term.
 * - `renewals_completed` (optional): renewals so far, a whole number >= 0; empty = 0.
 * - `health` (optional): health or usage score in [0, 1]; empty = not given (NaN).
 * - `escalator` (optional): yearly contractual step-up of a multi-year contract (term >= 24), a
 *   share 0 to 0.5; empty = 0.
 */

/** One tier's customers, columnar. Arrays live in SharedArrayBuffers so worker threads share them without copying. */
export interface CustomerBook {
  /** The file, as given to the reader (for messages). */
  readonly file: string;
  /** Customers. */
  readonly size: number;
  /** Current ARR, currency, >= 0. */
  readonly arr: Float64Array;
  /** Fiscal month of the next renewal: 1 = first month of the fiscal year; up to 120. 0 for monthly-billed. */
  readonly nextRenewal: Int32Array;
  /** 1 = monthly-billed; otherwise a whole number of months 12..60. */
  readonly termMonths: Int32Array;
  /** Renewals completed so far, >= 0. */
  readonly renewals: Int32Array;
  /** Health/usage score in [0, 1], NaN when not given. */
  readonly health: Float64Array;
  /** Yearly contractual step-up of a multi-year contract (share, 0..0.5), 0 when not given. */
  readonly escalator: Float64Array;
}

const ID = 0;
const TIER = 1;
const ARR = 2;
const NEXT = 3;
const TERM = 4;
const RENEWALS = 5;
const HEALTH = 6;
const ESCALATOR = 7;

const COLUMNS: readonly CsvColumn[] = [
  { name: 'id', required: true, hints: ['customerid', 'customer', 'accountid', 'account', 'customername', 'name'] },
  { name: 'tier', required: true, hints: ['segment', 'plan', 'tiername'] },
  { name: 'arr', required: true, amount: true, least: 0, hints: ['annualrecurringrevenue', 'currentarr', 'acv'] },
  { name: 'next_renewal', required: true, reads: readsAsMonth, hints: ['renewaldate', 'renewal', 'nextrenewaldate', 'renewalmonth', 'renews'] },
  { name: 'term_months', required: true, reads: (c) => readsAsNumber(c) || isMonthly(c), hints: ['term', 'termlength', 'contractterm', 'contractmonths', 'months'] },
  { name: 'renewals_completed', amount: true, least: 0, whole: true, hints: ['renewals', 'renewalcount', 'timesrenewed'] },
  { name: 'health', reads: readsAsNumber, hints: ['healthscore', 'usage', 'usagescore'] },
  { name: 'escalator', reads: readsAsNumber, hints: ['uplift', 'priceescalator', 'escalation', 'priceuplift'] },
];

/**
 * term_months's keyword, read as a tier's name is (nameKey: fullwidth, invisible characters, case):
 * `ｍｏｎｔｈｌｙ`, or `monthly` with a zero-width space, was refused beside tier names so written.
 */
const isMonthly = (cell: string): boolean => nameKey(cell) === 'monthly';

/** Largest ARR of one customer. */
const MAX_ARR = 1e12;
/** Largest escalator: a 50% yearly step-up. */
const MAX_ESCALATOR = 0.5;
const MAX_RENEWALS = 10_000;

const RENEWAL_MONTH: MonthRule = {
  max: 120,
  beforeStart: (what, start) =>
    `${what} is before the fiscal year starts (${start}): a renewal overdue at the start of the year — give month 1 if it renews at once`,
  afterMax: (what, start) => `${what} is more than 10 years after the fiscal year starts (${start})`,
};

const arrRange = (v: number) => (v < 0 ? `must be at least 0, got ${v}` : `must be at most ${MAX_ARR.toExponential()}, got ${v}`);
const renewalsRange = (v: number) => (v < 0 ? `must be at least 0, got ${v}` : `must be at most ${MAX_RENEWALS}, got ${v}`);
const healthRange = (v: number) =>
  `must be a score within [0, 1], got ${v}${v >= 2 && v <= 100 ? ` (a 0-100 score: divide it by 100, ${v / 100})` : ''}`;
const escalatorRange = (v: number) =>
  `must be a yearly step-up share within [0, ${MAX_ESCALATOR}], got ${v}${v >= 1 && v <= 50 ? ` (write a ${v}% escalator as ${v / 100})` : ''}`;

/**
 * Read a customer book file; rows are grouped by their tier column. `tiers` = tier names that take
 * their book from this file (the keys of the result, in that order); `allTiers` = every tier of the
 * scenario (to tell "not from this file" from a misspelling). Every problem in the file is reported at
 * once (see csv-table.ts for positions); nothing is returned unless the whole file is valid.
 *
 * @example readCustomerBooks('id,tier,arr,next_renewal,term_months\nc1,smb,1200,3,12\n', 'b.csv', ['smb'], ['smb'], { startMonth: 1 }).get('smb')!.arr // => Float64Array [1200]
 * Complexity: O(size of the file).
 */
export function readCustomerBooks(
  text: string | Buffer,
  file: string,
  tiers: readonly string[],
  allTiers: readonly string[],
  calendar: FiscalCalendar,
): Map<string, CustomerBook> {
  const lookup = new TierLookup(tiers, allTiers, 'book');
  const t = readCsv(text, file, COLUMNS, 'customers', undefined, new Map([[TIER, (c: string) => lookup.knows(c)]]));
  const n = t.rows.length;
  const tierOf = new Int32Array(n);
  const arr = new Float64Array(n);
  const nextRenewal = new Int32Array(n);
  const termMonths = new Int32Array(n);
  const renewals = new Int32Array(n);
  const health = new Float64Array(n);
  const escalator = new Float64Array(n);
  const seen = new Map<string, number>();

  for (let r = 0; r < n; r++) {
    checkUniqueId(t, r, ID, seen, 'customer');
    tierOf[r] = lookup.resolve(t, r, TIER);
    arr[r] = numberCell(t, r, ARR, 'is required: the customer’s current ARR', 0, MAX_ARR, arrRange);
    const term = readTerm(t, r);
    termMonths[r] = term;
    nextRenewal[r] = readNextRenewal(t, r, term, calendar);
    renewals[r] = numberCell(t, r, RENEWALS, 0, 0, MAX_RENEWALS, renewalsRange, true);
    health[r] = numberCell(t, r, HEALTH, NaN, 0, 1, healthRange);
    const step = numberCell(t, r, ESCALATOR, 0, 0, MAX_ESCALATOR, escalatorRange);
    escalator[r] = step;
    if (step > 0 && term > 0 && term < 24)
      t.problem(
        r,
        ESCALATOR,
        `a yearly escalator steps up a multi-year contract, but this one ${term === 1 ? 'is monthly-billed' : `has a ${term}-month term`}: an escalator needs a term of 24 months or more (leave it empty)`,
      );
    // The step-up falls on each contract anniversary, in the calendar month of the renewal: that
    // holds for whole years only (a 30-month term's anniversaries fall elsewhere).
    else if (step > 0 && term % 12 !== 0)
      t.problem(r, ESCALATOR, `an escalator steps up on each contract anniversary, so it needs a term of whole years (24, 36, 48 or 60 months); this one is ${term} months`);
  }

  const groups = rowsByGroup(tierOf, tiers.length);
  if (!t.failed) groups.forEach((rows, i) => rows.length === 0 && t.fileProblem(TIER, `tier ${quoteText(tiers[i]!)} has no customers in this file`));
  t.throwIfProblems();

  const books = new Map<string, CustomerBook>();
  groups.forEach((rows, i) => {
    books.set(tiers[i]!, {
      file,
      size: rows.length,
      arr: pick(arr, rows),
      nextRenewal: pick(nextRenewal, rows),
      termMonths: pick(termMonths, rows),
      renewals: pick(renewals, rows),
      health: pick(health, rows),
      escalator: pick(escalator, rows),
    });
  });
  return books;
}

/**
 * Read a customer book from `path` (a regular file of at most MAX_BOOK_BYTES), reported as `file`,
 * then `readCustomerBooks`. Throws ScenarioError naming `file`.
 */
export async function loadCustomerBooks(
  path: string,
  file: string,
  tiers: readonly string[],
  allTiers: readonly string[],
  calendar: FiscalCalendar,
): Promise<Map<string, CustomerBook>> {
  return readCustomerBooks(await readCsvBytes(path, file), file, tiers, allTiers, calendar);
}

/** term_months of row r: 1 (monthly-billed) or 12..60; 0 after recording a problem. */
function readTerm(t: CsvTable, r: number): number {
  const cell = t.cell(r, TERM);
  if (isMonthly(cell)) return 1;
  const term = numberCell(t, r, TERM, 'is required: 1 (or monthly) for a monthly-billed customer, else the contract term in months, 12 to 60', 1, 60, termRange, true);
  if (term > 1 && term < 12) {
    t.problem(r, TERM, termRange(term));
    return 0;
  }
  return Number.isNaN(term) ? 0 : term;
}
const termRange = (v: number) => `must be 1 (or monthly) for a monthly-billed customer, or a term of 12 to 60 months; got ${v}`;

/** next_renewal of row r given its term (0 when unknown): 0 for monthly-billed, else 1..term; 0 after recording a problem. */
function readNextRenewal(t: CsvTable, r: number, term: number, calendar: FiscalCalendar): number {
  const cell = t.cell(r, NEXT);
  if (cell === '') {
    if (term > 1)
      t.problem(r, NEXT, `is required for a customer on a ${term}-month term: the fiscal month (1..120) or date of its next renewal; leave it empty only for a monthly-billed customer`);
    return 0;
  }
  const month = fiscalMonth(cell, calendar, RENEWAL_MONTH);
  if (typeof month === 'string') {
    t.problem(r, NEXT, month);
    return 0;
  }
  if (term === 1 && month > 1) t.problem(r, NEXT, `renews in month ${month} but it is monthly-billed: a monthly-billed customer renews every month; leave next_renewal empty`);
  else if (term > 1 && month > term)
    t.problem(r, NEXT, `renews in month ${month} but its term is ${term} months: a contract live at the start of the year renews within its term`);
  return term === 1 ? 0 : month;
}
