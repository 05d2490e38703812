import type { MonthlyFile, MonthlyMeasure, MonthlyRow } from '../actuals/monthly-record.js';
import type { Metric } from '../model/components.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { quoteText } from '../scenario/display-text.js';
import { quoteReport, type Outcome, type ScoredReport } from './outcomes-file.js';
import { nameKey } from '../scenario/name-key.js';
import { closest } from '../scenario/csv-table.js';
import type { NotScored } from './not-scored.js';

/** A tier of the file a report does not have, all 0, left out of that report's outcomes (to be warned about). */
export interface ScoreLeftOutTier {
  readonly tier: string;
  /** The report's index, and the line of the tier's first row. */
  readonly report: number;
  readonly line: number;
  readonly rows: number;
}

/**
 * Year-end outcomes from a monthly actuals file of the whole fiscal year (12 closed months; the
 * file the re-forecast reads), for every report scored:
 *
 * - revenue: the sum of the 12 months' `revenue`; a file without that column, the sum of their
 *   `ending_arr` / 12: recognised revenue as the model counts it (live ARR / 12 a month), and as
 *   `run --actuals` takes a closed month without `revenue` (actuals/start-state.ts), so a year's
 *   file scores the revenue its 12-month re-forecast reports (before December 2026 such a file
 *   scored no revenue, without a word, though every forecast's headline is revenue);
 * - ending_arr: `ending_arr` of month 12;
 * - bookings: the sum of `new_arr + renewed_arr − contraction_arr + expansion_arr` (new business, ARR
 *   renewed after contraction, expansion), when the file has all four columns (with some but not
 *   all, bookings are not scored and `onNotScored` says which are missing); plus, as the
 *   re-forecast books a closed month (actuals/start-state.ts tierStart), the price uplift and other:
 *   what those flows and the churn (`churned_arr`, or `due_arr − renewed_arr`) leave unexplained of
 *   the change in `ending_arr` from the report's opening ARR, for a tier whose deals go live at
 *   signing (with a service-start lag, which part of that change is new deals going live depends on
 *   the plan's lag; without churned_arr or due_arr, the churn depends on the plan's calendar: left
 *   out in both cases), less a customer book's escalator steps of each month (the report's
 *   escalationArr: ARR without a signature, which neither the model nor the re-forecast books).
 *
 * Each tier of the file that a report has is scored for the metrics its columns give; the company's
 * total too when the file covers every tier of the report, else it is passed to `onNotScored`
 * (to be warned about and explained in every output; before December 2026 it was left out without a word). A tier the report does not have is
 * refused, unless its every figure is 0 (nothing in the year: left out, as run --actuals does, and
 * passed to `onLeftOut` to be warned about) and it is no near-match of a report tier without rows
 * ("Enterprse" for "Enterprise": refused with the did-you-mean, else Enterprise's year went unscored).
 * Throws ScenarioError naming the file when it does not cover 12 months, gives none of the metrics,
 * or has no row of a report's tiers (before, "0 outcomes scored", a KS of NaN, files written).
 *
 * @example outcomesFromActuals(file with 12 months of SMB revenue 1..12, [{ dir: 'r', tiers: ['SMB'] }]) // => revenue 78 for SMB and for the total
 * Complexity: O(months × tiers × reports).
 */
export function outcomesFromActuals(
  file: MonthlyFile,
  reports: readonly ScoredReport[],
  onLeftOut?: (t: ScoreLeftOutTier) => void,
  onNotScored?: (t: NotScored) => void,
): Outcome[] {
  const has = (m: MonthlyMeasure) => file.measures.includes(m);
  const problems: string[] = [];
  if (file.months !== 12) problems.push(`covers ${file.months} months; scoring a year needs all 12 (a year that has not closed cannot be scored)`);
  const metrics: Metric[] = [];
  const revenueOf = has('revenue') ? (v: MonthlyRow['values']) => v.revenue ?? 0 : (v: MonthlyRow['values']) => (v.ending_arr ?? 0) / 12;
  if (has('revenue') || has('ending_arr')) metrics.push('revenue');
  const bookingsColumns = ['new_arr', 'renewed_arr', 'contraction_arr', 'expansion_arr'] as const;
  if (bookingsColumns.every(has)) metrics.push('bookings');
  // Some of bookings' columns but not all: bookings go unscored, and every output says which are missing.
  const bookingsMissing = bookingsColumns.some(has) ? bookingsColumns.filter((m) => !has(m)) : [];
  if (has('ending_arr')) metrics.push('endingArr');
  if (metrics.length === 0) problems.push('gives no year-end figure: it needs revenue, ending_arr, or new_arr, renewed_arr, contraction_arr and expansion_arr (bookings)');
  if (problems.length > 0) throw new ScenarioError(file.path, problems.map((message) => ({ path: [], message })));

  const yearOf = (rows: readonly MonthlyRow[], metric: Metric, opening: number | undefined, escalation: readonly number[] | undefined): number => {
    if (metric === 'endingArr') return rows[11]!.values.ending_arr ?? 0;
    let sum = 0;
    // Price uplift and other, month by month as tierStart books it: the change in ending_arr the
    // stated flows do not explain (a month without ending_arr changes by its flows alone).
    let before = opening ?? NaN;
    for (const r of rows) {
      const v = r.values;
      sum += metric === 'revenue' ? revenueOf(v) : (v.new_arr ?? 0) + (v.renewed_arr ?? 0) - (v.contraction_arr ?? 0) + (v.expansion_arr ?? 0);
      if (metric !== 'bookings' || opening === undefined) continue;
      // Churn as tierStart takes it: churned_arr, else the ARR due that did not renew.
      const churned = v.churned_arr ?? (v.due_arr !== undefined ? Math.max(0, v.due_arr - (v.renewed_arr ?? 0)) : 0);
      const flows = (v.new_arr ?? 0) + (v.expansion_arr ?? 0) - (v.contraction_arr ?? 0) - churned;
      const ending = v.ending_arr === undefined || Number.isNaN(v.ending_arr) ? before + flows : v.ending_arr;
      const other = ending - before - flows;
      // The month's escalator steps account for that much of a rise: ARR, not bookings (as tierStart).
      sum += other - Math.min(Math.max(0, other), escalation?.[r.month - 1] ?? 0);
      before = ending;
    }
    return sum;
  };
  const out: Outcome[] = [];
  const unknown: { message: string; line?: number }[] = [];
  const nothingIn = (t: string) => file.byTier.get(t)!.every((r) => file.measures.every((m) => r.values[m] === 0));
  reports.forEach((report, i) => {
    // Names matched without case and in NFC form ("Café" with é or with e + U+0301).
    const byName = new Map(report.tiers.map((t) => [nameKey(t), t]));
    const covered = file.tiers.filter((t) => byName.has(nameKey(t)));
    // A tier the report does not have whose every figure is 0 had nothing in the year (a tier fit left
    // out of the scenario it wrote, as an export of every tier still lists it): not scored, as
    // run --actuals leaves it out (read-monthly-file.ts). Before, the file was refused.
    const coveredKeys = new Set(covered.map(nameKey));
    const withoutRows = report.tiers.filter((t) => !coveredKeys.has(nameKey(t)));
    const notTiers = (t: string, meant: string | undefined) => `tier ${quoteText(t)} is not a tier of report ${quoteReport(report.dir)} (${meant !== undefined ? `did you mean ${quoteText(meant)}, which has no rows? ` : ''}its tiers: ${report.tiers.join(', ')})`;
    for (const t of file.tiers) {
      if (byName.has(nameKey(t))) continue;
      const rows = file.byTier.get(t)!;
      const meant = closest(t, withoutRows);
      // All 0 beside rows of the report's tiers: left out. With no row of the report's tiers there is
      // nothing to score: refused at the tier's first row, naming it, as run --actuals refuses such a
      // file (read-monthly-file.ts). Before, the refusal named neither the tier nor a line.
      if (nothingIn(t) && meant === undefined && covered.length > 0) onLeftOut?.({ tier: t, report: i, line: rows[0]!.line, rows: rows.length });
      else if (nothingIn(t) && meant === undefined) unknown.push({ message: `${notTiers(t, undefined)}; its ${rows.length} row${rows.length === 1 ? ' is' : 's are'} all 0, and the file has no row of a tier of the report: nothing to score`, line: rows[0]!.line });
      else unknown.push({ message: notTiers(t, meant), line: rows[0]!.line });
    }
    const whole = covered.length === report.tiers.length;
    for (const metric of metrics) {
      let total = 0;
      for (const t of covered) {
        const rows = file.byTier.get(t)!;
        const tier = byName.get(nameKey(t))!;
        // The churn must be known (churned_arr, or due_arr and renewed_arr) for the rest of the change to be uplift.
        const churnKnown = has('churned_arr') || (has('due_arr') && has('renewed_arr'));
        const opening = has('ending_arr') && churnKnown && report.liveAtSigning?.has(tier) ? report.openingArr?.get(tier) : undefined;
        const value = yearOf(rows, metric, opening, report.escalationArr?.get(tier));
        total += value;
        out.push({ report: i, tier, metric, value, line: rows[11]!.line });
      }
      if (whole) out.push({ report: i, tier: undefined, metric, value: total, line: file.byTier.get(covered[0]!)![11]!.line });
    }
    if (!whole && covered.length > 0 && metrics.length > 0) onNotScored?.({ report: i, metrics, missingTiers: withoutRows, missingColumns: [], tiers: [] });
    if (bookingsMissing.length > 0 && covered.length > 0) onNotScored?.({ report: i, metrics: ['bookings'], missingTiers: [], missingColumns: bookingsMissing, tiers: covered.map((t) => byName.get(nameKey(t))!) });
  });
  if (unknown.length > 0) throw new ScenarioError(file.path, unknown.map(({ message, line }) => ({ path: ['tier'], message, ...(line === undefined ? {} : { line }) })));
  return out;
}
