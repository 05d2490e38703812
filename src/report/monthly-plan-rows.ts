import type { Probability } from '../analysis/probability.js';
import type { Summary } from '../analysis/summarize.js';

/** One plan series of a month: the planned amount and P(the month's figure >= it). */
export interface PlanFigure {
  readonly plan: number;
  readonly probability: Probability;
}

/** A fiscal month of the monthly plan as the tables show it. */
export interface MonthlyPlanRow {
  readonly month: number;
  /** The month's name as monthly.csv writes it (Feb, Mar, ...). */
  readonly label: string;
  /** A re-forecast's closed month: its figures are the actuals, met or missed (probability 0 or 1). */
  readonly closed: boolean;
  readonly mrr?: PlanFigure;
  readonly cumulativeRevenue?: PlanFigure;
}

/** The monthly plan's rows and which series it gives; undefined when the run has no monthly plan. */
export interface MonthlyPlanRows {
  readonly mrr: boolean;
  readonly cumulativeRevenue: boolean;
  readonly rows: readonly MonthlyPlanRow[];
}

/**
 * The monthly plan (`decisions.monthlyPlan`) as the terminal, report.html and report.xlsx show it:
 * one row per fiscal month with its label, whether it is a re-forecast's closed month, and the
 * series the scenario's `targets.monthly` gives.
 *
 * @example monthlyPlanRows(summary)?.rows[0]?.label // => 'Jan' (a calendar fiscal year)
 * Complexity: O(months).
 */
export function monthlyPlanRows(summary: Summary): MonthlyPlanRows | undefined {
  const plan = summary.decisions.monthlyPlan;
  if (!plan || plan.length === 0) return undefined;
  const closedMonths = summary.reforecast?.asOfMonth ?? 0;
  const rows = plan.map((p): MonthlyPlanRow => ({
    month: p.month,
    label: summary.monthly.find((m) => m.month === p.month)?.label ?? String(p.month),
    closed: p.month <= closedMonths,
    ...(p.mrr ? { mrr: p.mrr } : {}),
    ...(p.cumulativeRevenue ? { cumulativeRevenue: p.cumulativeRevenue } : {}),
  }));
  return { mrr: plan.some((p) => p.mrr), cumulativeRevenue: plan.some((p) => p.cumulativeRevenue), rows };
}

/** The month's label in the tables: a closed month is marked as the actuals. */
export const planMonthLabel = (row: MonthlyPlanRow): string => (row.closed ? `${row.label} (actual)` : row.label);

/** The line under a re-forecast's monthly plan table: why its closed months read 0% or 100% with no interval. */
export const closedMonthsNote = (plan: MonthlyPlanRows): string | undefined =>
  plan.rows.some((r) => r.closed) ? 'Months marked (actual) are closed: the actuals met the plan (100%) or did not (0%), with no Monte Carlo interval.' : undefined;
