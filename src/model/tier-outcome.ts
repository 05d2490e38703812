import { COMPONENTS } from './components.js';
import type { TierPlan } from './tier-plan.js';
import type { TierStart } from './horizon.js';

/** Numbers of a row (TierOutcome.rowWidth) that do not depend on the plan: events, bookings, 7 counts, 3 monthly series. */
const ROW_FIXED = COMPONENTS.length * 12 + COMPONENTS.length + 7 + 3 * 12;

/**
 * What one trial produced for one tier, before it is reduced to revenue, bookings and ARR. The
 * buffers are reused from trial to trial (nothing is allocated per trial).
 *
 * Timing convention: an event dated fiscal month m (a deal going live, a renewal, a churn) takes
 * effect from the start of month m, so it counts in month m's MRR and contributes
 * amount x (13 - m) / 12 to the year's recognized revenue.
 */
export class TierOutcome {
  /** ARR change by component and month, dated when it goes live: events[c * 12 + (m - 1)], currency. */
  readonly events = new Float64Array(COMPONENTS.length * 12);
  /** Bookings by component (contract value signed in the year, at signing), currency. */
  readonly booked = new Float64Array(COMPONENTS.length);
  /** Opening ARR lost for GRR: churned plus contracted ARR (price uplift and expansion excluded, as DOMAIN.md defines GRR). */
  grossLoss = 0;
  customersWon = 0;
  customersLost = 0;
  /** Qualified leads in the fiscal year. */
  leads = 0;
  /** Customers due for renewal this year and those that renewed (logo renewal = renewed / due). */
  customersDue = 0;
  customersRenewed = 0;
  /** ARR due for renewal this year (dollar renewal = renewed ARR after contraction / ARR due). */
  arrDue = 0;
  /** The year-level drivers as used this trial (after the market shift and stress), in plan.plannedDrivers order. */
  readonly drivers: Float64Array;
  /** Each driver's own year-level draw, before the market shift and stress, in plan.plannedDrivers order. */
  readonly own: Float64Array;
  /** The tier's extra per-trial figures, in plan.extras order. */
  readonly extras: Float64Array;
  /**
   * The year month by month as an actuals file would report it (index m - 1): leads created, new
   * deals signed, ARR renewed (before contraction). A re-forecast's closed months keep their
   * actuals out of these (NaN); the monthly record of a simulated year (`arrcast` tests, fit's
   * recovery) reads them with `events`.
   */
  readonly leadsByMonth = new Float64Array(12);
  readonly dealsByMonth = new Float64Array(12);
  readonly renewedByMonth = new Float64Array(12);

  constructor(plan: Pick<TierPlan, 'plannedDrivers' | 'extras'>) {
    this.drivers = new Float64Array(plan.plannedDrivers.length);
    this.own = new Float64Array(plan.plannedDrivers.length);
    this.extras = new Float64Array(plan.extras.length);
  }

  /**
   * Numbers in one trial's row of this outcome (`writeRow`): events, bookings, the seven counts, the
   * three monthly series, drivers, own draws and extras.
   */
  static rowWidth(plan: Pick<TierPlan, 'plannedDrivers' | 'extras'>): number {
    return ROW_FIXED + 2 * plan.plannedDrivers.length + plan.extras.length;
  }

  /**
   * Copy this trial's outcome into row `trial` of `rows` (rowWidth numbers a row), exactly: a tier
   * whose inputs did not change can be read back with `readRow` instead of simulated again.
   */
  writeRow(rows: Float64Array, trial: number): void {
    let at = trial * (ROW_FIXED + 2 * this.drivers.length + this.extras.length);
    rows.set(this.events, at);
    at += this.events.length;
    rows.set(this.booked, at);
    at += this.booked.length;
    rows[at++] = this.grossLoss;
    rows[at++] = this.customersWon;
    rows[at++] = this.customersLost;
    rows[at++] = this.leads;
    rows[at++] = this.customersDue;
    rows[at++] = this.customersRenewed;
    rows[at++] = this.arrDue;
    rows.set(this.leadsByMonth, at);
    at += 12;
    rows.set(this.dealsByMonth, at);
    at += 12;
    rows.set(this.renewedByMonth, at);
    at += 12;
    rows.set(this.drivers, at);
    at += this.drivers.length;
    rows.set(this.own, at);
    at += this.own.length;
    rows.set(this.extras, at);
  }

  /** Set this outcome to row `trial` of `rows`, as `writeRow` wrote it (the inverse, bit for bit). */
  readRow(rows: Float64Array, trial: number): void {
    let at = trial * (ROW_FIXED + 2 * this.drivers.length + this.extras.length);
    at = readSeries(this.events, rows, at);
    at = readSeries(this.booked, rows, at);
    this.grossLoss = rows[at++]!;
    this.customersWon = rows[at++]!;
    this.customersLost = rows[at++]!;
    this.leads = rows[at++]!;
    this.customersDue = rows[at++]!;
    this.customersRenewed = rows[at++]!;
    this.arrDue = rows[at++]!;
    at = readSeries(this.leadsByMonth, rows, at);
    at = readSeries(this.dealsByMonth, rows, at);
    at = readSeries(this.renewedByMonth, rows, at);
    at = readSeries(this.drivers, rows, at);
    at = readSeries(this.own, rows, at);
    readSeries(this.extras, rows, at);
  }

  /** Start a trial: all zero, or, in a re-forecast, the closed months' figures from the actuals. */
  reset(start?: TierStart): void {
    if (start) {
      this.events.set(start.events);
      this.booked.set(start.booked);
      const c = start.counts;
      this.grossLoss = c.grossLoss;
      this.customersWon = c.customersWon;
      this.customersLost = c.customersLost;
      this.leads = c.leads;
      this.customersDue = c.customersDue;
      this.customersRenewed = c.customersRenewed;
      this.arrDue = c.arrDue;
    } else {
      this.events.fill(0);
      this.booked.fill(0);
      this.grossLoss = 0;
      this.customersWon = 0;
      this.customersLost = 0;
      this.leads = 0;
      this.customersDue = 0;
      this.customersRenewed = 0;
      this.arrDue = 0;
    }
    this.leadsByMonth.fill(0);
    this.dealsByMonth.fill(0);
    this.renewedByMonth.fill(0);
    this.drivers.fill(NaN);
    this.own.fill(NaN);
    this.extras.fill(0);
  }
}

/** Fill `series` from rows[at..), returning the index after it (a loop: no view allocated per trial). */
function readSeries(series: Float64Array, rows: Float64Array, at: number): number {
  for (let i = 0; i < series.length; i++) series[i] = rows[at + i]!;
  return at + series.length;
}
