import type { ScenarioPlan } from '../model/scenario-plan.js';
import type { TierPlan } from '../model/tier-plan.js';
import type { ScenarioIssue } from '../scenario/scenario-error.js';
import type { MonthlyColumn, MonthlyFile, MonthlyRow } from './monthly-record.js';
import { bookCustomersDueIn, closedMonthsDue } from './start-state.js';

type Book = NonNullable<NonNullable<TierPlan['existing']>['book']>;

/** A customer book's customers due in closed month i + 1, in words. */
const customers = (book: Book, i: number): string => {
  const n = bookCustomersDueIn(book, i + 1);
  return `${n} customer${n === 1 ? '' : 's'}`;
};

/** The way out for a customer book's renewals at other dates than its customers file's. */
const EARLY = ": customers renewing before their next_renewal would be renewed again in their month; give each the month it came up for renewal (next_renewal) in the customers file";

/**
 * The way out for a customer book's month above its customers due (`excess` more): when its
 * monthly-billed customers hold that much ARR, they are the likelier reading (an export counting
 * every customer billed that month as due), so they are said first; else EARLY. Before (act24) the
 * message named only next_renewal, which a monthly-billed customer has none of.
 */
function wayOut(book: Book, excess: number): string {
  const monthly = book.monthlyArr;
  let arr = 0;
  for (const x of monthly) arr += x;
  if (!(monthly.length > 0 && excess <= arr * (1 + 1e-9) + 0.5)) return EARLY;
  const k = monthly.length;
  return `: the book's ${k} monthly-billed customer${k === 1 ? '' : 's'} (${Math.round(arr)} of ARR) have no renewal date, so due_arr and renewed_arr count only the customers renewing on a term: leave the monthly-billed ones out of both, and give the ARR they lost in churned_arr (read as monthly-billed customers leaving). If instead customers renewed before their next_renewal, give each the month it came up for renewal (next_renewal) in the customers file`;
}

/**
 * Closed months whose renewals came up beyond what the scenario has due then and that a re-forecast
 * cannot place, so would count twice (renewed in the closed month, then again in the simulated
 * months), each at its cell:
 * - an aggregate book's renewed_arr above its calendar without a due_arr column (the file does not
 *   say how many came up; with due_arr, closedMonthsDue takes the early ones off the calendar);
 * - a customer book's renewed_arr above its customers due then, without due_arr;
 * - a customer book's due_arr above its customers due then (the file does not say which customers).
 * One check for every entry point: the CLI's actualsProblems and the library's actuals option and
 * compileReforecast (actualsInputProblem) refuse these alike, with these messages. Before, the
 * library re-forecast them: 120 customers at 10,000, renewal 50%, month 1 renewing 200,000 of a
 * calendar's 100,000 ended the year at 651,765 on average, not 700,000.
 *
 * Complexity: O(tiers x months).
 */
export function cameUpEarlyProblems(plan: ScenarioPlan, file: MonthlyFile, months: number): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const at = (row: MonthlyRow, column: MonthlyColumn, message: string): ScenarioIssue => {
    const c = row.columns?.[column];
    return { path: [column], message, line: row.line, ...(c === undefined ? {} : { column: c }) };
  };
  const hasRenewed = file.measures.includes('renewed_arr');
  const hasDue = file.measures.includes('due_arr');
  for (const t of plan.tiers) {
    const rows = file.byTier.get(t.name);
    const e = t.existing;
    if (!rows || !e) continue;
    const k = Math.min(months, rows.length);
    const closedDue = closedMonthsDue(e, rows, k);
    const calendar = (row: MonthlyRow, i: number) => `${closedDue.count[i]} customers at ${Math.round(e.averageArr)}${closedDue.count[i] !== e.due[row.month - 1] ? `, the calendar's ${e.due[row.month - 1]} less the share that left mid-term before` : ''}`;
    if (hasRenewed)
      for (const [i, row] of rows.slice(0, k).entries()) {
        const renewed = row.values.renewed_arr ?? 0;
        // With a due_arr, what came up for renewal is the file's (the re-forecast uses it over the
        // calendar), and the reader has checked renewed_arr against it.
        if (row.values.due_arr !== undefined) continue;
        const due = closedDue.arr[i]!;
        if (!(renewed > due * (1 + 1e-9) + 0.5)) continue;
        if (e.book) issues.push(at(row, 'renewed_arr', `${t.name} month ${row.label}: ${renewed} renewed, but the customer book has ${Math.round(due)} of ARR due then (${customers(e.book, i)})${wayOut(e.book, renewed - due)}`));
        else
          issues.push(
            at(row, 'renewed_arr', `${t.name} month ${row.label}: ${renewed} renewed, but the scenario has ${Math.round(due)} of ARR due then (${calendar(row, i)}): give due_arr, the ARR that came up for renewal, so that customers coming up early are not due again later (customers on terms under a year, renewing every term: leave them out of renewed_arr and give their losses in churned_arr; the book renews once a year)`),
          );
      }
    // A customer book's due_arr above what its customers have due in the month is customers due
    // later renewing early: the simulated months renewed (or churned) them again in their own month,
    // so a book of three customers of 100,000 all renewing in month 1 (due_arr 300,000) ended the year
    // at 245,100 on average, not 300,000. Their month belongs in the customers file.
    if (e.book && hasDue)
      for (const [i, row] of rows.slice(0, k).entries()) {
        const stated = row.values.due_arr ?? 0;
        const own = e.book.arrDueIn[i]!;
        if (stated > own * (1 + 1e-9) + 0.5) issues.push(at(row, 'due_arr', `${t.name} month ${row.label}: due_arr ${stated}, but the customer book has ${Math.round(own)} of ARR due then (${customers(e.book, i)})${wayOut(e.book, stated - own)}`));
      }
  }
  return issues;
}
