import { COMPONENTS } from './components.js';
import { DRIVER_KINDS } from './drivers/driver-kinds.js';
import type { TierDriver } from './drivers/tier-drivers.js';
import type { TierPlan } from './tier-plan.js';
import type { TierStart } from './horizon.js';

const NC = COMPONENTS.length;
/** Where each part of the row starts: events, bookings, the seven counts, the three monthly series, then the plan's drivers, own draws and extras. */
const EVENTS = 0;
const BOOKED = EVENTS + NC * 12;
const COUNTS = BOOKED + NC;
const LEADS_BY_MONTH = COUNTS + 7;
const DEALS_BY_MONTH = LEADS_BY_MONTH + 12;
const RENEWED_BY_MONTH = DEALS_BY_MONTH + 12;
const DRIVERS = RENEWED_BY_MONTH + 12;
const GROSS_LOSS = COUNTS;
const CUSTOMERS_WON = COUNTS + 1;
const CUSTOMERS_LOST = COUNTS + 2;
const LEADS = COUNTS + 3;
const CUSTOMERS_DUE = COUNTS + 4;
const CUSTOMERS_RENEWED = COUNTS + 5;
const ARR_DUE = COUNTS + 6;

/**
 * The two halves of a tier's year. They draw from streams of their own and write disjoint fields of
 * the outcome: new business (leads, deals, pipeline, reps, new customers' expansion) and the opening
 * book (renewals, churn, contraction, uplift, expansion). So either can be read back while the other
 * is simulated (tier-rows.ts).
 */
export const TIER_PARTS = ['newBusiness', 'book'] as const;
export type TierPart = (typeof TIER_PARTS)[number];
export const NEW_BUSINESS = 0;
export const BOOK = 1;

/** The components new business writes; the book writes the others. */
const NEW_BUSINESS_COMPONENTS: ReadonlySet<string> = new Set(['newBusiness', 'newCustomerExpansion']);

/**
 * What one trial produced for one tier, before it is reduced to revenue, bookings and ARR. Every
 * figure lives in one row of numbers (`row`; the arrays below are views of it), reused from trial
 * to trial (nothing is allocated per trial), so a trial's outcome is saved and read back whole
 * with one copy (writeRow, readRow) or by part (readPart).
 *
 * Timing convention: an event dated fiscal month m (a deal going live, a renewal, a churn) takes
 * effect from the start of month m, so it counts in month m's MRR and contributes
 * amount x (13 - m) / 12 to the year's recognized revenue.
 */
export class TierOutcome {
  /** The whole outcome: events, bookings, counts, monthly series, drivers, own draws, extras. */
  readonly row: Float64Array;
  /** ARR change by component and month, dated when it goes live: events[c * 12 + (m - 1)], currency. */
  readonly events: Float64Array;
  /** Bookings by component (contract value signed in the year, at signing), currency. */
  readonly booked: Float64Array;
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
  readonly leadsByMonth: Float64Array;
  readonly dealsByMonth: Float64Array;
  readonly renewedByMonth: Float64Array;
  /**
   * New business signed in each month (index m - 1), at signing, whenever it goes live: what an
   * actuals file's `new_arr` states. Outside `row` (not saved, cached or read back): only the monthly
   * record of a simulated year reads it; `events` dates the same ARR when it goes live.
   */
  readonly signedByMonth = new Float64Array(12);
  /** Positions in `row` of each part's fields (TIER_PARTS order). */
  private readonly partFields: readonly [Int32Array, Int32Array];

  constructor(plan: Pick<TierPlan, 'plannedDrivers' | 'extras'>) {
    const nd = plan.plannedDrivers.length;
    this.row = new Float64Array(TierOutcome.rowWidth(plan));
    const view = (start: number, length: number) => this.row.subarray(start, start + length);
    this.events = view(EVENTS, NC * 12);
    this.booked = view(BOOKED, NC);
    this.leadsByMonth = view(LEADS_BY_MONTH, 12);
    this.dealsByMonth = view(DEALS_BY_MONTH, 12);
    this.renewedByMonth = view(RENEWED_BY_MONTH, 12);
    this.drivers = view(DRIVERS, nd);
    this.own = view(DRIVERS + nd, nd);
    this.extras = view(DRIVERS + 2 * nd, plan.extras.length);
    this.partFields = partFields(plan.plannedDrivers, plan.extras.length);
  }

  /** Numbers in one trial's row (`row`): events, bookings, the seven counts, the three monthly series, drivers, own draws and extras. */
  static rowWidth(plan: Pick<TierPlan, 'plannedDrivers' | 'extras'>): number {
    return DRIVERS + 2 * plan.plannedDrivers.length + plan.extras.length;
  }

  /** Opening ARR lost for GRR: churned plus contracted ARR (price uplift and expansion excluded, as DOMAIN.md defines GRR). */
  get grossLoss(): number {
    return this.row[GROSS_LOSS]!;
  }
  set grossLoss(v: number) {
    this.row[GROSS_LOSS] = v;
  }
  get customersWon(): number {
    return this.row[CUSTOMERS_WON]!;
  }
  set customersWon(v: number) {
    this.row[CUSTOMERS_WON] = v;
  }
  get customersLost(): number {
    return this.row[CUSTOMERS_LOST]!;
  }
  set customersLost(v: number) {
    this.row[CUSTOMERS_LOST] = v;
  }
  /** Qualified leads in the fiscal year. */
  get leads(): number {
    return this.row[LEADS]!;
  }
  set leads(v: number) {
    this.row[LEADS] = v;
  }
  /** Customers due for renewal this year and those that renewed (logo renewal = renewed / due). */
  get customersDue(): number {
    return this.row[CUSTOMERS_DUE]!;
  }
  set customersDue(v: number) {
    this.row[CUSTOMERS_DUE] = v;
  }
  get customersRenewed(): number {
    return this.row[CUSTOMERS_RENEWED]!;
  }
  set customersRenewed(v: number) {
    this.row[CUSTOMERS_RENEWED] = v;
  }
  /** ARR due for renewal this year (dollar renewal = renewed ARR after contraction / ARR due). */
  get arrDue(): number {
    return this.row[ARR_DUE]!;
  }
  set arrDue(v: number) {
    this.row[ARR_DUE] = v;
  }

  /** Copy this trial's outcome into row `trial` of `rows` (rowWidth numbers a row), exactly. */
  writeRow(rows: Float64Array, trial: number): void {
    rows.set(this.row, trial * this.row.length);
  }

  /** Set this outcome to row `trial` of `rows`, as writeRow wrote it (bit for bit). */
  readRow(rows: Float64Array, trial: number): void {
    const row = this.row;
    const at = trial * row.length;
    for (let i = 0; i < row.length; i++) row[i] = rows[at + i]!;
  }

  /**
   * Set only the fields of `part` (NEW_BUSINESS or BOOK) from row `trial` of `rows`, leaving the
   * other part's: a trial whose other part is simulated live, before or after.
   */
  readPart(rows: Float64Array, trial: number, part: number): void {
    const row = this.row;
    const at = trial * row.length;
    const fields = this.partFields[part]!;
    for (let i = 0; i < fields.length; i++) row[fields[i]!] = rows[at + fields[i]!]!;
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
      this.row.fill(0, EVENTS, LEADS_BY_MONTH);
    }
    this.row.fill(0, LEADS_BY_MONTH, DRIVERS);
    this.signedByMonth.fill(0);
    this.drivers.fill(NaN);
    this.own.fill(NaN);
    this.extras.fill(0);
  }
}

/**
 * The positions in a row of each part's fields: new business has its components' events and
 * bookings, customers won, leads, leads and deals by month, its drivers and every extra; the book
 * the rest. A driver belongs to the book when its scenario field is under `existing`.
 */
function partFields(drivers: readonly TierDriver[], extras: number): [Int32Array, Int32Array] {
  const parts: [number[], number[]] = [[], []];
  COMPONENTS.forEach((c, k) => {
    const part = NEW_BUSINESS_COMPONENTS.has(c) ? NEW_BUSINESS : BOOK;
    for (let m = 0; m < 12; m++) parts[part].push(EVENTS + k * 12 + m);
    parts[part].push(BOOKED + k);
  });
  parts[BOOK].push(GROSS_LOSS, CUSTOMERS_LOST, CUSTOMERS_DUE, CUSTOMERS_RENEWED, ARR_DUE);
  parts[NEW_BUSINESS].push(CUSTOMERS_WON, LEADS);
  for (let m = 0; m < 12; m++) {
    parts[NEW_BUSINESS].push(LEADS_BY_MONTH + m, DEALS_BY_MONTH + m);
    parts[BOOK].push(RENEWED_BY_MONTH + m);
  }
  const nd = drivers.length;
  drivers.forEach((d, i) => {
    const part = DRIVER_KINDS[d.kind].field(0)[0] === 'existing' ? BOOK : NEW_BUSINESS;
    parts[part].push(DRIVERS + i, DRIVERS + nd + i);
  });
  for (let x = 0; x < extras; x++) parts[NEW_BUSINESS].push(DRIVERS + 2 * nd + x);
  return [Int32Array.from(parts[0]), Int32Array.from(parts[1])];
}
