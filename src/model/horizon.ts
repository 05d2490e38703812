import { COMPONENTS } from './components.js';

/**
 * A re-forecast's horizon and starting state (issue 15). Months 1..`months` of the fiscal year have
 * closed: their figures are fixed at the actuals, and the simulation covers months `months + 1`..12
 * from the state at the end of month `months`. A plan run has no start (months 1..12 from a warm
 * start); `months` = 12 leaves nothing to simulate, so every trial is the actuals.
 */
export interface Horizon {
  /** First simulated fiscal month (1 for a plan run). */
  readonly startMonth: number;
  /** Months simulated (12 for a plan run). */
  readonly months: number;
}

/** The horizon after `closed` fiscal months (0..12). @example horizonAfter(5) // => { startMonth: 6, months: 7 } */
export function horizonAfter(closed: number): Horizon {
  return { startMonth: closed + 1, months: 12 - closed };
}

/** Counts of the closed months that the per-trial ratios and counts add to the simulated ones. */
export interface ClosedCounts {
  readonly leads: number;
  readonly customersWon: number;
  readonly customersLost: number;
  readonly customersDue: number;
  readonly customersRenewed: number;
  readonly arrDue: number;
  /** Churned plus contracted ARR of the closed months (GRR's loss). */
  readonly grossLoss: number;
}

/**
 * One tier's state at the end of its closed months, from its actuals. Arrays are by fiscal month
 * (index m - 1) and hold NaN where the file did not give the measure.
 */
export interface TierStart {
  /** Closed months: the simulation starts at month `months + 1`. */
  readonly months: number;
  /** ARR events of the closed months by component, as TierOutcome.events (0 from month `months + 1`). */
  readonly events: Float64Array;
  /** Bookings of the closed months by component. */
  readonly booked: Float64Array;
  /** Revenue of the closed months as reported, less the revenue their ARR gives (live ARR / 12 a month). */
  readonly revenueAdjustment: number;
  /** The same difference month by month: added to the MRR of the closed months. */
  readonly mrrAdjustment: Float64Array;
  /** Leads created in each closed month (the cohorts still in the sales cycle). */
  readonly leads: Float64Array;
  /** New deals closed in each closed month (new customers whose expansion may still come). */
  readonly deals: Float64Array;
  /** New-business ARR booked in each closed month (deals signed, perhaps not yet live). */
  readonly newArr: Float64Array;
  readonly counts: ClosedCounts;
  /**
   * ARR of a customer book's monthly-billed customers who left in the closed months: each closed
   * month's churn beyond what its due customers did not renew, summed. Absent when the actuals do not
   * say (no churned_arr column, or no monthly-billed customer): the simulated months then draw who
   * is still there from the start of the year.
   */
  readonly monthlyLeftArr?: number;
  /**
   * An aggregate book's customers due in each month (index m - 1) when customers left mid-term in
   * the closed months: the calendar's counts after them less those leavers' share. Absent when none
   * left: the calendar is used as it is.
   */
  readonly dueAfter?: Int32Array;
  /**
   * A customer book's annual and multi-year customers not due in the closed months when some of
   * them left mid-term there (churn no monthly-billed customer or due customer explains): which left
   * the file cannot say, so their ARR is taken from those customers in proportion to their ARR (each
   * keeps the share `arr` of its ARR) and each counts as the share `customers` of a customer (so a
   * leaver is not lost a second time). Absent when none left.
   */
  readonly bookShare?: { readonly arr: number; readonly customers: number };
}

/** Every tier's start, by tier name, after the same closed months. */
export interface ScenarioStart {
  readonly months: number;
  readonly tiers: Readonly<Record<string, TierStart>>;
}

/** A start with nothing known yet: all figures zero, `months` closed months (a building block for tests and readers). */
export function emptyTierStart(months: number): TierStart {
  const nan = () => new Float64Array(12).fill(NaN);
  return {
    months,
    events: new Float64Array(COMPONENTS.length * 12),
    booked: new Float64Array(COMPONENTS.length),
    revenueAdjustment: 0,
    mrrAdjustment: new Float64Array(12),
    leads: nan(),
    deals: nan(),
    newArr: nan(),
    counts: { leads: 0, customersWon: 0, customersLost: 0, customersDue: 0, customersRenewed: 0, arrDue: 0, grossLoss: 0 },
  };
}
