import type { Reforecast } from '../actuals/reforecast.js';
import { closedMonthsDue } from '../actuals/start-state.js';
import type { PlausibilityWarning } from './plausibility.js';

/**
 * The share of an aggregate book that may come up early (the closed months' due_arr beyond its
 * calendar) before the reading is warned. Above half, more of the book came up ahead of the calendar
 * than the calendar still has due after them: the calendar no longer describes the book. An annual
 * book brings customers forward one by one (an early renewal); a book on terms under a year brings
 * its whole book due every term (monthly: 11/12 ahead of a uniform calendar after month 1, quarterly
 * 3/4 after month 3), as does an annual book whose renewals are co-termed in the closed months.
 */
const EARLY_SHARE = 0.5;

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * Warnings (code `actuals-more-due-than-calendar`) about a re-forecast's aggregate book whose
 * closed months' due_arr bring more than half its customers up for renewal beyond its calendar.
 * The re-forecast reads them as renewals coming up early (not due again this year, closedMonthsDue),
 * which is right for co-termed or early renewals but not for a book on terms under a year, whose
 * due_arr is its whole book each term (a monthly book was then read as every renewal of the year
 * coming up in month 1, its month's rate as a year's). Before December 2026 either went without a
 * word. One warning per tier, at the due_arr cell of the month the share is passed.
 *
 * What to do is said as the re-forecast can take it: the book renews once a year, so customers on
 * shorter terms stay out of due_arr and renewed_arr and their losses go in churned_arr (customers
 * leaving between renewals). Before (act24), the warning said to fit the history instead, which
 * leaves the same actuals misread: a book fitted from a monthly history (98% a month, a year's rate
 * of 78.5%) re-forecast from five such months kept a GRR of 89.7%; with the losses in churned_arr
 * alone, 73.4%, against the plan's 74.0% (bench/monthly-terms-reforecast.mjs).
 *
 * @example moreDueThanCalendarWarnings(sim.reforecast) // => [] for scenarios/example-actuals.csv
 * Complexity: O(tiers x closed months²), closed months <= 12.
 */
export function moreDueThanCalendarWarnings(reforecast: Reforecast | undefined): PlausibilityWarning[] {
  if (!reforecast) return [];
  const { file, months } = reforecast.input;
  const out: PlausibilityWarning[] = [];
  for (const tier of reforecast.plan.tiers) {
    const e = tier.existing;
    const rows = file.byTier.get(tier.name);
    // A customer book's due_arr above its customers' is refused (came-up-early-problems.ts).
    if (!e || e.book || !(e.customers > 0) || !rows) continue;
    const k = Math.min(months, rows.length);
    for (let j = 1; j <= k; j++) {
      const early = closedMonthsDue(e, rows, j).cameUpEarly;
      if (!(early > EARLY_SHARE * e.customers)) continue;
      const row = rows[j - 1]!;
      let due = 0;
      let planned = 0;
      for (let i = 0; i < j; i++) {
        due += rows[i]!.values.due_arr ?? 0;
        planned += e.due[i]! * e.averageArr;
      }
      const column = row.columns?.due_arr;
      const span = j === 1 ? `month ${rows[0]!.label}` : `months ${rows[0]!.label}-${row.label}`;
      out.push({
        code: 'actuals-more-due-than-calendar',
        message:
          `${tier.name} ${span}: due_arr ${n(due)}, more due than the calendar plans (${n(planned)}): ${n(early)} of the book's ${n(e.customers)} customers came up beyond it. ` +
          `The re-forecast reads them as renewals of a year's contract come up early: renewed or lost now, not due again this year. ` +
          `If these are customers on terms under a year (billed monthly or quarterly, due every term), that misreads them: a term's renewal rate is taken for a year's, and the months left lose too little. ` +
          `This tier's book renews once a year (a book fitted from such a history has the year's rate), so leave such customers out of due_arr and renewed_arr and give the ARR they lost in churned_arr; for a tier of nothing else, drop the due_arr and renewed_arr columns (every tier then renews on its calendar): ` +
          `the losses are read as customers leaving between renewals (0s in them would say nothing came up for renewal: the calendar's renewals of these months taken out of the year); or, for monthly-billed ones, list them in a customer book (customersFile, term_months monthly). ` +
          `If these were annual renewals co-termed here, state the calendar (renewalCalendar) so that they are due when they came`,
        path: ['due_arr'],
        file: file.path,
        line: row.line,
        ...(column === undefined ? {} : { column }),
      });
      break;
    }
  }
  return out;
}
