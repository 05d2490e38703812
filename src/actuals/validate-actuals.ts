import type { ScenarioPlan } from '../model/scenario-plan.js';
import type { ScenarioIssue } from '../scenario/scenario-error.js';
import type { MonthlyColumn, MonthlyFile, MonthlyMeasure, MonthlyRow } from './monthly-record.js';
import { indefiniteArticle } from '../scenario/indefinite-article.js';
import { closedMonthsDue } from './start-state.js';
import { cameUpEarlyProblems } from './came-up-early-problems.js';

/**
 * What a re-forecast needs of an actuals file beyond its own validity (read-monthly-file.ts checks
 * that, tiers included): every problem, each with its line and column.
 * - every tier of the scenario is in the file (its closed months are needed for its state);
 * - `ending_arr` (the ARR live at the end of the closed months is the state);
 * - with leads to convert, `leads` and `deals` (the cohorts still in the sales cycle, and the
 *   evidence on conversion: deals without leads cannot teach it);
 * - where deals close in their lead's month (sales cycle 0), no month has more deals than leads;
 * - renewals that came up beyond what the scenario has due and cannot be placed (cameUpEarlyProblems,
 *   which the library's entry points check too);
 * - with renewed_arr and churned_arr, a month churns at least the ARR due (its due_arr, else an
 *   aggregate book's calendar) that did not renew;
 * - where both are given and deals go live at signing, a month with deals signs new ARR and a
 *   month without signs none;
 * - a month churns and contracts no more ARR than was live in it (the ARR live when it began, the
 *   previous month's ending_arr or the opening ARR, plus its new and expansion ARR);
 * - a tier without an existing book renews nothing and has nothing due (renewed_arr and due_arr 0).
 *
 * Each problem with a cell is placed at the cell's line and character column, as the reader placed
 * its own (the rows carry their cells' columns).
 *
 * @example actualsProblems(plan, file, 5) // => [] for a complete file
 * Complexity: O(tiers x months).
 */
export function actualsProblems(plan: ScenarioPlan, file: MonthlyFile, months: number): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const at = (row: MonthlyRow, column: MonthlyColumn, message: string): ScenarioIssue => {
    const c = row.columns?.[column];
    return { path: [column], message, line: row.line, ...(c === undefined ? {} : { column: c }) };
  };
  const has = (m: MonthlyMeasure) => file.measures.includes(m);
  const missing = new Set<string>();
  const need = (m: MonthlyMeasure, why: string) => {
    if (has(m) || missing.has(m)) return;
    missing.add(m);
    issues.push({ path: [m], message: `a re-forecast needs ${indefiniteArticle(m)} ${m} column: ${why}`, line: 1 });
  };
  need('ending_arr', 'the ARR live at the end of each closed month is the state the rest of the year starts from');
  for (const t of plan.tiers) {
    const rows = file.byTier.get(t.name);
    if (!rows) {
      issues.push({ path: ['tier'], message: `no rows for tier ${JSON.stringify(t.name)}: a re-forecast needs every tier's closed months`, line: 1 });
      continue;
    }
    const nb = t.newBusiness;
    if (nb && nb.sources.length > 0) {
      need('leads', `${t.name} converts leads, and leads of the closed months are still in its sales cycle`);
      need('deals', `${t.name} converts leads: deals without leads, or leads without deals, cannot teach its conversion`);
      if (has('leads') && has('deals') && nb.salesCycle.max === 0)
        for (const row of rows.slice(0, months)) {
          const l = row.values.leads ?? 0;
          const d = row.values.deals ?? 0;
          if (d > l) issues.push(at(row, 'deals', `${t.name} month ${row.label}: ${d} deals from ${l} leads, but the scenario closes deals in their lead's month (salesCycleMonths 0)`));
        }
    }
    // new_arr is the ACV the month's deals signed (README, start-state.ts), whenever they go live:
    // deals without new ARR, or new ARR without deals, contradict each other at any service-start lag.
    if (nb && has('deals') && has('new_arr'))
      for (const row of rows.slice(0, months)) {
        const d = row.values.deals ?? 0;
        const arr = row.values.new_arr ?? 0;
        if (d === 0 && arr > 0) issues.push(at(row, 'new_arr', `${t.name} month ${row.label}: ${arr} of new ARR from 0 deals: new_arr is what the month's deals signed`));
        else if (d > 0 && arr === 0) issues.push(at(row, 'new_arr', `${t.name} month ${row.label}: ${d} deals signed no new ARR: every deal has an ACV above 0`));
      }
    // ARR cannot leave that was never live: a month churns and contracts at most what was live in it.
    if (has('churned_arr') || has('contraction_arr')) {
      let live = t.existing?.openingArr ?? 0;
      let since = 'the opening ARR';
      for (const row of rows.slice(0, months)) {
        const v = row.values;
        const lost = (v.churned_arr ?? 0) + (v.contraction_arr ?? 0);
        const most = live + (v.new_arr ?? 0) + (v.expansion_arr ?? 0);
        if (lost > most * (1 + 1e-9) + 0.5)
          issues.push(
            at(row, has('churned_arr') ? 'churned_arr' : 'contraction_arr', `${t.name} month ${row.label}: ${lost} churned and contracted, more than the ${Math.round(most)} of ARR live in the month (${since}, plus its new and expansion ARR)`),
          );
        if (v.ending_arr !== undefined) {
          live = v.ending_arr;
          since = `ending_arr of month ${row.label}`;
        }
      }
    }
    const e = t.existing;
    // A tier without an existing book has nothing due in the year (its new customers renew after
    // it): a renewal would be ignored (bookings count renewals of the book only), so it is refused,
    // as the file and the scenario disagree. Before December 2026 a tier "New" renewing 100,000 of
    // 120,000 due in month 2 re-forecast the year without those bookings, and without a word.
    if (!e)
      for (const row of rows.slice(0, months))
        for (const m of ['renewed_arr', 'due_arr'] as const) {
          const x = row.values[m] ?? 0;
          if (x > 0) issues.push(at(row, m, `${t.name} month ${row.label}: ${m} ${x}, but the scenario gives ${t.name} no existing book, so nothing of it comes up for renewal in the year: add its book (existing) to the scenario, or give 0`));
        }
    // An aggregate book's calendar after mid-term leavers keeps the share of customers still there.
    const closedDue = e ? closedMonthsDue(e, rows, Math.min(months, rows.length)) : undefined;
    const calendar = (row: MonthlyRow, i: number) => `${closedDue!.count[i]} customers at ${Math.round(e!.averageArr)}${closedDue!.count[i] !== e!.due[row.month - 1] ? `, the calendar's ${e!.due[row.month - 1]} less the share that left mid-term before` : ''}`;
    // The ARR due renews or churns: with renewed_arr and churned_arr both given, the due ARR that did
    // not renew is churned (churned_arr may be more: customers leaving mid-term). Less, and the rest
    // was counted as customers due who did not renew (the renewal rate learned from them) while the
    // ARR stayed live: 500,000 renewed of 1,000,000 due with 0 churned learned a renewal rate near
    // 50% from a month that lost nothing. What is due is the file's due_arr, else an aggregate book's
    // calendar (a customer book's renewal dates are a plan, as above).
    if (e && has('renewed_arr') && has('churned_arr'))
      for (const [i, row] of rows.slice(0, months).entries()) {
        const renewed = row.values.renewed_arr ?? 0;
        const churned = row.values.churned_arr ?? 0;
        const stated = row.values.due_arr;
        if (stated === undefined && e.book) continue;
        const due = stated ?? closedDue!.arr[i]!;
        const notRenewed = due - renewed;
        if (churned < notRenewed * (1 - 1e-9) - 0.5)
          issues.push(
            at(
              row,
              'churned_arr',
              `${t.name} month ${row.label}: ${churned} churned, but ${Math.round(notRenewed)} of the ${Math.round(due)} of ARR due (${stated === undefined ? `the scenario's calendar: ${calendar(row, i)}; give due_arr if another amount came up` : 'due_arr'}) did not renew (renewed_arr ${renewed}): ARR due either renews or churns`,
            ),
          );
      }
  }
  issues.push(...cameUpEarlyProblems(plan, file, months));
  return issues;
}
