import { componentIndex } from '../model/components.js';
import { emptyTierStart, type ScenarioStart, type TierStart } from '../model/horizon.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import type { TierPlan } from '../model/tier-plan.js';
import type { MonthlyFile, MonthlyMeasure, MonthlyRow } from './monthly-record.js';

const C_NEW = componentIndex('newBusiness');
const C_RENEWAL = componentIndex('renewal');
const C_EXP = componentIndex('existingExpansion');
const C_UPLIFT = componentIndex('priceUplift');
const C_CONTRACTION = componentIndex('contraction');
const C_CHURN = componentIndex('churn');

/**
 * The state at the end of the first `months` closed months, from validated actuals (see
 * validate-actuals.ts for what the file must give). Pure.
 *
 * @example scenarioStart(plan, file, 5).tiers.SMB.events // the closed months' ARR changes by component
 * Complexity: O(tiers x months).
 */
export function scenarioStart(plan: ScenarioPlan, file: MonthlyFile, months: number): ScenarioStart {
  const tiers: Record<string, TierStart> = {};
  for (const t of plan.tiers) {
    const rows = file.byTier.get(t.name) ?? [];
    Object.defineProperty(tiers, t.name, { value: tierStart(t, rows.slice(0, months), months), enumerable: true });
  }
  return { months, tiers };
}

const value = (row: MonthlyRow, m: MonthlyMeasure): number => row.values[m] ?? NaN;

/**
 * The company's revenue (MRR) of each closed month as the actuals give it: each tier's reported
 * revenue, or its ending ARR / 12 (the model's convention), summed over `tiers` in their order, in
 * float64 (the per-trial MRR columns are float32, which cannot hold every amount exactly).
 *
 * @example closedMonthsMrr(['SMB'], file, 2) // => [ending_arr of month 1 / 12, ... of month 2 / 12]
 */
export function closedMonthsMrr(tiers: readonly string[], file: MonthlyFile, months: number): number[] {
  const mrr = new Array<number>(months).fill(0);
  for (const name of tiers) (file.byTier.get(name) ?? []).slice(0, months).forEach((r, i) => (mrr[i]! += r.values.revenue ?? (r.values.ending_arr ?? 0) / 12));
  return mrr;
}

type Existing = NonNullable<TierPlan['existing']>;

/**
 * ARR due for renewal in closed month i + 1: the file's due_arr when it gives one, else what the
 * scenario's book or renewal calendar has due then.
 *
 * @example closedMonthDueArr(e, { ...row, values: { due_arr: 1.2e6 } }, 0) // => 1200000
 */
export function closedMonthDueArr(e: Existing, row: MonthlyRow, i: number): number {
  const stated = value(row, 'due_arr');
  if (!Number.isNaN(stated)) return stated;
  return e.book ? e.book.arrDueIn[i]! : e.due[i]! * e.averageArr;
}

/**
 * Customers of an aggregate book due in closed month i + 1: the file's due_arr over the book's
 * average ARR, rounded, when it gives one; else the calendar's count.
 */
export function closedMonthDueCount(e: Existing, row: MonthlyRow, i: number): number {
  const stated = value(row, 'due_arr');
  return Number.isNaN(stated) || !(e.averageArr > 0) ? e.due[i]! : Math.round(stated / e.averageArr);
}
const orZero = (x: number): number => (Number.isNaN(x) ? 0 : x);

/** A customer book's monthly-billed customers' ARR (they absorb its mid-term leavers first, bookShareAfterLeavers). */
const monthlyBilledArr = (book: NonNullable<Existing['book']>): number => book.monthlyArr.reduce((a, x) => a + x, 0);

/**
 * A closed month's renewed ARR of `due` (stated, or `due` less the stated churn) and its churn
 * beyond what did not renew (`beyond`: mid-term leavers when positive).
 */
function closedMonthFlows(row: MonthlyRow, due: number): { renewedArr: number; beyond: number } {
  const renewed = value(row, 'renewed_arr');
  const statedChurn = value(row, 'churned_arr');
  const churned = !Number.isNaN(statedChurn) ? statedChurn : !Number.isNaN(renewed) ? Math.max(0, due - renewed) : 0;
  const renewedArr = Number.isNaN(renewed) ? Math.max(0, due - churned) : renewed;
  return { renewedArr, beyond: churned - Math.max(0, due - renewedArr) };
}

/** A customer book's customers due for renewal in fiscal month m (1..12), by its customers' dates. */
export function bookCustomersDueIn(book: NonNullable<Existing['book']>, m: number): number {
  return book.dueFrom[m]! - book.dueFrom[m - 1]!;
}

/** What came up for renewal in each closed month, and an aggregate book's share of customers still there after them. */
export interface ClosedMonthsDue {
  /** ARR due in closed month i + 1. */
  readonly arr: Float64Array;
  /**
   * Customers due in closed month i + 1: an aggregate book's (see closedMonthDueCount), or a customer
   * book's own customers due then, none when the file states that nothing came up (due_arr 0: its
   * dates are a plan, the file the fact; they are neither renewed nor lost, nor learned from).
   */
  readonly count: Int32Array;
  /**
   * An aggregate book's share of its calendar still to come up after the closed months: less the
   * closed months' mid-term leavers, and the customers due later who came up early (1 when none).
   */
  readonly stillThere: number;
  /** Whether any of an aggregate book's customers left mid-term in the closed months. */
  readonly leftMidTerm: boolean;
  /**
   * An aggregate book's customers that came up in the closed months beyond its calendar's (the
   * file's due_arr above it, on the running total: a month below the calendar lets a later one
   * above it catch up), taken off the calendar after them.
   */
  readonly cameUpEarly: number;
  /**
   * A customer book's mid-term leavers of closed month i + 1 that were customers due in a later closed
   * month which renewed and churned less than they had due (the file says they were gone by then):
   * their ARR, taken off that month's due, and their count.
   */
  readonly leftBeforeDueArr: Float64Array;
  readonly leftBeforeDue: Int32Array;
}

/**
 * What came up for renewal in each of the first `months` closed months: the file's due_arr when it
 * gives one (closedMonthDueArr, closedMonthDueCount), else the book's or calendar's, where an
 * aggregate book's calendar after a month with mid-term leavers (churned_arr beyond what the due
 * customers did not renew) keeps only the share of customers still there, as the simulated months
 * do (dueAfterLeavers), each month's count rounded. The re-forecast's start, its learning and the
 * CLI's checks read this one rule: before, the closed months after 60 of 120 customers left
 * mid-term still had the full calendar due, so the library (which does not check) learned a renewal
 * rate of 0.67 from months that renewed all their 5 due customers, and the CLI refused the file.
 *
 * A customer book's mid-term leavers beyond what its monthly-billed customers hold (they absorb
 * leavers first, bookShareAfterLeavers) are, first, customers due in a later closed month that
 * renewed and churned less than the book has due then (both stated, no due_arr): those customers are
 * not due there again. Before, a customer due in month 3 who left in month 2 (month 3 renewing and
 * churning nothing) counted as lost twice, and a customer due later was taken out of the renewals.
 *
 * @example closedMonthsDue(e120Customers, [{ renewed 100k, churned 600k }, { renewed 50k, churned 0 }], 2).count // => [10, 5]
 */
export function closedMonthsDue(e: Existing, rows: readonly MonthlyRow[], months: number): ClosedMonthsDue {
  const arr = new Float64Array(months);
  const count = new Int32Array(months);
  const aggregate = e.book === undefined && e.customers > 0;
  const average = e.averageArr > 0 ? e.averageArr : NaN;
  let live = aggregate ? e.customers : 0;
  let stillThere = 1;
  let leftMidTerm = false;
  // An aggregate book's customers come up so far beyond (above 0) or short of the calendar's.
  let aheadOfCalendar = 0;
  let cameUpEarly = 0;
  const book = e.book;
  const leftBeforeDueArr = new Float64Array(months);
  const leftBeforeDue = new Int32Array(months);
  // A customer book's due ARR of each closed month that neither renewed nor churned (both stated, no
  // due_arr), less what earlier months' leavers were matched to; and the monthly-billed ARR not yet left.
  const unaccounted = new Float64Array(months);
  const taken = new Float64Array(months);
  const takenCount = new Int32Array(months);
  let monthlyLeft = book ? monthlyBilledArr(book) : 0;
  if (book)
    for (let i = 0; i < months; i++) {
      const v = rows[i]!.values;
      if (v.due_arr === undefined && v.renewed_arr !== undefined && v.churned_arr !== undefined) unaccounted[i] = Math.max(0, book.arrDueIn[i]! - v.renewed_arr - v.churned_arr);
    }
  for (let i = 0; i < months; i++) {
    const row = rows[i]!;
    const statedDue = value(row, 'due_arr');
    if (!Number.isNaN(statedDue) || !aggregate || stillThere === 1) {
      arr[i] = closedMonthDueArr(e, row, i) - taken[i]!;
      count[i] = book ? (statedDue === 0 ? 0 : bookCustomersDueIn(book, i + 1) - takenCount[i]!) : closedMonthDueCount(e, row, i);
    } else {
      count[i] = Math.round(e.due[i]! * stillThere);
      arr[i] = count[i]! * e.averageArr;
    }
    if (book) {
      const beyond = Math.max(0, closedMonthFlows(row, arr[i]!).beyond);
      const monthlyPart = Math.min(beyond, monthlyLeft);
      monthlyLeft -= monthlyPart;
      let residual = beyond - monthlyPart;
      for (let j = i + 1; j < months && residual > 0.5; j++) {
        const take = Math.min(residual, unaccounted[j]!);
        if (!(take > 0.5)) continue;
        const n = bookCustomersDueIn(book, j + 1);
        const each = n > 0 ? book.arrDueIn[j]! / n : take;
        const customers = Math.min(n - takenCount[j]!, Math.max(1, Math.round(take / each)));
        unaccounted[j]! -= take;
        taken[j]! += take;
        takenCount[j]! += customers;
        leftBeforeDueArr[i]! += take;
        leftBeforeDue[i]! += customers;
        residual -= take;
      }
      continue;
    }
    if (!aggregate) continue;
    // Customers due later that came up now (due_arr above the calendar) are not due again: the
    // calendar after this month keeps only what is left of it, in proportion, as after mid-term
    // leavers. Before, the simulated months renewed the whole calendar again: 120 customers at
    // 10,000 (10 due a month), 20 coming up and renewing in month 1, at a renewal rate of 50%,
    // ended the year at 650,000, not 1,200,000 - 0.5 x 100 x 10,000 = 700,000 (the library
    // re-forecast it so, and the CLI did not refuse it).
    aheadOfCalendar += count[i]! - (stillThere === 1 ? e.due[i]! : Math.round(e.due[i]! * stillThere));
    if (aheadOfCalendar > 0) {
      let later = 0;
      for (let j = i + 1; j < 12; j++) later += e.due[j]! * stillThere;
      stillThere = later > aheadOfCalendar ? stillThere * (1 - aheadOfCalendar / later) : 0;
      cameUpEarly += aheadOfCalendar;
      aheadOfCalendar = 0;
    }
    const { renewedArr, beyond } = closedMonthFlows(row, arr[i]!);
    const r = Number.isNaN(average) ? 0 : Math.min(count[i]!, Math.max(0, Math.round(renewedArr / average)));
    live = Math.max(0, live - (count[i]! - r));
    if (beyond > 0.5 && e.averageArr > 0) {
      const leavers = Math.max(1, Math.round(beyond / e.averageArr));
      // Any live customer may leave mid-term, whenever it is due: those due later go with the others,
      // in proportion.
      stillThere *= live > leavers ? 1 - leavers / live : 0;
      live = Math.max(0, live - leavers);
      leftMidTerm = true;
    }
  }
  return { arr, count, stillThere, leftMidTerm, cameUpEarly, leftBeforeDueArr, leftBeforeDue };
}

/**
 * A customer book's share of its group of closed month i + 1 still due: the month's due ARR
 * (closedMonthsDue: a due_arr below the group's, or the group less customers gone mid-term before)
 * over the group's, 1 when all of it (or more) is due and for an aggregate book. The one rule by
 * which the start's customer counts (tierStart) and the likelihood (likelihood-terms.ts) take a
 * partly due month: that part of the group, whichever customers they are.
 *
 * @example bookDueShare(bookOf3x100k, { arr: [200000], ... }, 0) // => 0.6666666666666666
 */
export function bookDueShare(e: Existing, closedDue: ClosedMonthsDue, i: number): number {
  const bookDue = e.book?.arrDueIn[i] ?? 0;
  const due = closedDue.arr[i]!;
  return e.book && bookDue > 0 && due < bookDue ? Math.max(0, due) / bookDue : 1;
}

/**
 * New ARR of the closed months' signings expected to be live by the end of closed month m of a
 * tier with a service-start lag: the sum over months j <= m of new_arr of j x P(lag <= m - j).
 *
 * @example expectedLiveBy(plan, rows, 2) // lag 0 or 1 at 1/2 each, 100 then 60 signed => 100 + 30
 */
export function expectedLiveBy(plan: TierPlan, rows: readonly MonthlyRow[], m: number): number {
  const pmf = plan.newBusiness?.serviceStart.pmf;
  if (!pmf) return 0;
  let live = 0;
  for (let j = 1; j <= m; j++) {
    let p = 0;
    for (let l = 0; l <= m - j && l < pmf.length; l++) p += pmf[l]!;
    live += orZero(value(rows[j - 1]!, 'new_arr')) * Math.min(1, p);
  }
  return live;
}

/**
 * The ARR of a customer who leaves outside a renewal: a book's monthly-billed customers on average
 * (the only ones who can leave in a month without a renewal), else the tier's average ARR.
 *
 * @example leaverArr(aggregateOf1200000Over120) // => 10000
 */
function leaverArr(e: Existing): number {
  const monthly = e.book?.monthlyArr;
  if (monthly && monthly.length > 0) return monthly.reduce((a, x) => a + x, 0) / monthly.length;
  return e.averageArr;
}

/**
 * One tier's state. Each closed month's ARR change is split into the components the file states:
 * new business (new_arr when deals go live at signing; with a service-start lag, the closed
 * months' signings expected to go live in the month, up to the change the stated flows leave
 * unexplained), expansion, contraction and churn; what the stated flows do not explain of the
 * change in ending_arr (price uplift, deals signed before the year going live) counts as price
 * uplift and other, booked but for a customer book's escalator steps of the month. Revenue of a month is its live ARR / 12
 * (the model's convention), or the file's `revenue` when it gives one.
 *
 * Renewal counts of a book given as aggregates are the renewed (or churned) ARR over the tier's
 * average ARR, rounded: every customer of such a book carries that average.
 */
export function tierStart(plan: TierPlan, rows: readonly MonthlyRow[], months: number): TierStart {
  const start = emptyTierStart(months);
  const ev = start.events;
  const booked = start.booked;
  const e = plan.existing;
  const liveAtSigning = plan.newBusiness === undefined || plan.newBusiness.serviceStart.max === 0;
  let before = e?.openingArr ?? 0;
  let wentLive = 0;
  let revenueAdjustment = 0;
  let leads = 0;
  let won = 0;
  let lost = 0;
  let due = 0;
  let renewedCount = 0;
  let arrDue = 0;
  let grossLoss = 0;
  // A customer book's monthly-billed leavers of the closed months, by their ARR: known when the file
  // states churned_arr (its header is the same on every row), unknown (NaN) otherwise.
  const monthlyBilled = (e?.book?.monthlyArr.length ?? 0) > 0;
  let monthlyLeftArr = monthlyBilled && months > 0 && rows.every((r) => r.values.churned_arr !== undefined) ? 0 : NaN;
  const average = e && e.averageArr > 0 ? e.averageArr : NaN;
  // What came up for renewal in each closed month, and an aggregate book's share of customers still
  // there after its mid-term leavers (see closedMonthsDue, dueAfterLeavers).
  const closedDue = e ? closedMonthsDue(e, rows, months) : undefined;
  // A customer book's churn beyond its due customers' (mid-term leavers), and those leavers' count.
  let bookLeftArr = 0;
  let bookLeavers = 0;
  // A customer book's monthly-billed customers absorb its mid-term leavers first, up to their ARR
  // (bookShareAfterLeavers); what is beyond left its annual customers, counted at their average there.
  const monthlyTotal = e?.book ? monthlyBilledArr(e.book) : 0;
  for (let m = 1; m <= months; m++) {
    const row = rows[m - 1]!;
    const i = m - 1;
    const newArr = orZero(value(row, 'new_arr'));
    const contracted = orZero(value(row, 'contraction_arr'));
    const expanded = orZero(value(row, 'expansion_arr'));
    const renewed = value(row, 'renewed_arr');
    // A file may give renewed_arr without churned_arr: the ARR due that did not renew is the churn
    // (as renewed_arr is the ARR due less churned_arr when only churned_arr is given). Taken as 0, it
    // fell into the ending ARR's unexplained change and was booked as negative price uplift: 6 of 12
    // customers at 100k churning read bookings of 18k and churn of 0.
    const statedChurn = value(row, 'churned_arr');
    const churned = !Number.isNaN(statedChurn) ? statedChurn : closedDue && !Number.isNaN(renewed) ? Math.max(0, closedDue.arr[i]! - renewed) : 0;
    start.leads[i] = value(row, 'leads');
    start.deals[i] = value(row, 'deals');
    start.newArr[i] = value(row, 'new_arr');
    leads += orZero(start.leads[i]!);
    won += orZero(start.deals[i]!);
    const stated = value(row, 'ending_arr');
    const statedFlows = (liveAtSigning ? newArr : 0) + expanded - contracted - churned;
    const ending = Number.isNaN(stated) ? before + statedFlows : stated;
    // With a service-start lag, the month's new ARR going live is not stated: it is what the
    // closed months' signings are expected to have put live by the month (new_arr of month j x
    // P(lag <= m - j)) less what went live before, up to what the stated flows leave unexplained;
    // it is new business, not price uplift (which NRR counts, and which would book it a second time).
    const goesLive = liveAtSigning ? newArr : Math.min(Math.max(0, ending - before - statedFlows), Math.max(0, expectedLiveBy(plan, rows, m) - wentLive));
    wentLive += goesLive;
    ev[C_NEW * 12 + i] = goesLive;
    ev[C_EXP * 12 + i] = expanded;
    ev[C_CONTRACTION * 12 + i] = -contracted;
    ev[C_CHURN * 12 + i] = -churned;
    const flows = goesLive + expanded - contracted - churned;
    const other = ending - before - flows;
    ev[C_UPLIFT * 12 + i] = other;
    // A customer book's multi-year escalators stepping up in the month are uplift without a
    // signature: the model books none of them (customer-book-simulator.ts), so the part of the
    // unexplained change they account for is ARR, not bookings. Booked whole, a re-forecast after
    // the step counted it as bookings that the plan, and a re-forecast before the step, did not.
    const stepped = Math.min(Math.max(0, other), e?.book?.escalation[i] ?? 0);
    booked[C_NEW]! += newArr;
    booked[C_EXP]! += expanded;
    booked[C_UPLIFT]! += other - stepped;
    grossLoss += churned + contracted;
    // Renewals: the book's due customers of the month, and those that renewed.
    if (e) {
      // What came up for renewal is the file's due_arr when it gives one (the scenario's calendar
      // is a plan; the closed month is a fact), else the calendar's.
      const dueArr = closedDue!.arr[i]!;
      const renewedArr = Number.isNaN(renewed) ? Math.max(0, dueArr - churned) : renewed;
      booked[C_RENEWAL]! += renewedArr - contracted;
      arrDue += dueArr;
      if (e.book) {
        // The book's customers due then; none where the file states that nothing came up (closedMonthsDue).
        // Less due than the month's group (a due_arr below it) is that share of its customers, as the
        // likelihood weighs it (bookDueShare): 100,000 renewed of 200,000 due of three customers of
        // 100,000 was read as 2 of 3 renewing (logo renewal 0.667), not 1 of 2.
        const n = Math.min(closedDue!.count[i]!, Math.round(bookCustomersDueIn(e.book, i + 1) * bookDueShare(e, closedDue!, i)));
        due += n;
        // At most every customer due renews (a file renewing more is refused by the CLI, validate-actuals.ts).
        const share = dueArr > 0 ? Math.min(1, renewedArr / dueArr) : 0;
        renewedCount += Math.round(n * share);
        lost += n - Math.round(n * share);
      } else {
        const dueCount = closedDue!.count[i]!;
        due += dueCount;
        const r = Number.isNaN(average) ? 0 : Math.min(dueCount, Math.max(0, Math.round(renewedArr / average)));
        renewedCount += r;
        lost += dueCount - r;
      }
      // Churn beyond what the month's due customers lost (a monthly-billed customer of a book, or a
      // customer leaving mid-term) is customers lost too, at the ARR such a customer carries: the
      // simulated months skip those leavers as being in the actuals, so uncounted here they were
      // counted nowhere.
      const beyond = churned - Math.max(0, dueArr - renewedArr);
      // Which part of churned_arr was the monthly-billed customers' is known only when the month also
      // states renewed_arr, or had nothing due: without it the split above blames renewals for all the
      // churn up to the ARR due, and "no monthly-billed customer left" would be taken as a fact (the
      // renewal rate learned towards 1, and the leavers never taken out of the book).
      if (Number.isNaN(renewed) && dueArr > 0) monthlyLeftArr = NaN;
      monthlyLeftArr += Math.max(0, beyond);
      if (beyond > 0.5) {
        const each = leaverArr(e);
        // Of a book with monthly-billed customers, only the part they can still account for is
        // counted at their average: 150,000 gone from five of 10,000 and one annual customer of
        // 100,000 counted 15 customers lost, not 6.
        const monthlyPart = e.book && monthlyTotal > 0 ? Math.min(beyond, Math.max(0, monthlyTotal - bookLeftArr)) : beyond;
        const leavers = each > 0 && monthlyPart > 0.5 ? Math.max(1, Math.round(monthlyPart / each)) : 0;
        lost += leavers;
        if (e.book) {
          // Leavers who were due in a later closed month are not due there (closedMonthsDue), nor
          // taken from the customers due after the closed months; counted here where the
          // monthly-billed average did not count them.
          bookLeftArr += beyond - closedDue!.leftBeforeDueArr[i]!;
          if (monthlyTotal > 0) lost += closedDue!.leftBeforeDue[i]!;
          bookLeavers += leavers;
        }
      }
    }
    const reported = value(row, 'revenue');
    if (!Number.isNaN(reported)) {
      const adjustment = reported - ending / 12;
      start.mrrAdjustment[i] = adjustment;
      revenueAdjustment += adjustment;
    }
    before = ending;
  }
  const pool = e?.book && bookLeftArr > 0 ? bookShareAfterLeavers(e.book, months, bookLeftArr, bookLeavers) : {};
  // The annual customers' leavers beyond what the monthly-billed ones account for (counted above
  // only for a book without monthly-billed customers).
  if (monthlyTotal > 0) lost += pool.poolLeavers ?? 0;
  return {
    ...start,
    revenueAdjustment,
    counts: { leads, customersWon: won, customersLost: lost, customersDue: due, customersRenewed: renewedCount, arrDue, grossLoss },
    // Only what the monthly-billed customers can account for is theirs (the rest left annual
    // customers mid-term): uncapped, the monthly-billed likelihood weighed 150,000 gone from 50,000.
    ...(Number.isNaN(monthlyLeftArr) ? {} : { monthlyLeftArr: Math.min(monthlyLeftArr, monthlyTotal) }),
    ...(closedDue && (closedDue.leftMidTerm || closedDue.cameUpEarly > 0) && e ? { dueAfter: dueAfterLeavers(e.due, months, closedDue.stillThere) } : {}),
    ...(pool.bookShare ? { bookShare: pool.bookShare } : {}),
  };
}

/**
 * A customer book's share still there of its annual and multi-year customers not due in the `months`
 * closed months, when `leftArr` of ARR (`leavers` customers) left mid-term: what its monthly-billed
 * customers cannot account for (they absorb leavers first, up to their ARR: closed-month-leavers.ts)
 * is taken from those customers in proportion to their ARR, since the file does not say which left.
 * Without it the simulated months renewed or churned the leavers again: of 100,000, 200,000 (due in
 * month 9) and 300,000 (month 10), 200,000 gone in month 2 and a 50% renewal rate, the year ended at
 * 148,000 on average instead of 250,000, at -100,000 in a quarter of the trials.
 *
 * Also returns those customers' count (`poolLeavers`), the leavers beyond the monthly-billed ones.
 *
 * @example bookShareAfterLeavers(thatBook, 2, 200_000, 1) // => { bookShare: { arr: 0.6, customers: 0.5 }, poolLeavers: 1 }
 */
export function bookShareAfterLeavers(
  book: NonNullable<Existing['book']>,
  months: number,
  leftArr: number,
  leavers: number,
): { bookShare?: { arr: number; customers: number }; poolLeavers?: number } {
  const monthlyTotal = monthlyBilledArr(book);
  const residual = leftArr - monthlyTotal;
  if (!(residual > 0.5)) return {};
  const poolArr = book.openingArr - monthlyTotal - (months > 0 ? book.arrDueBy[months - 1]! : 0);
  const poolCount = book.customers - book.monthlyArr.length - book.dueFrom[months]!;
  // With monthly-billed customers the leavers were counted at their average ARR; the rest are the
  // pool's customers at the pool's average, and beyond the pool's ARR customers due in the closed
  // months (renewed there) at theirs: uncounted, a customer renewed in month 1 who left in month 2
  // with five monthly-billed ones counted 5 customers lost, not 6.
  const inPool = Math.min(residual, Math.max(0, poolArr));
  const overflow = residual - inPool;
  const closedCount = book.dueFrom[months]!;
  const closedArr = months > 0 ? book.arrDueBy[months - 1]! : 0;
  const fromPool = inPool > 0.5 && poolCount > 0 ? Math.max(1, Math.round(inPool / (poolArr / poolCount))) : 0;
  const fromClosed = overflow > 0.5 && closedCount > 0 && closedArr > 0 ? Math.max(1, Math.round(overflow / (closedArr / closedCount))) : 0;
  const poolLeavers = book.monthlyArr.length === 0 ? leavers : fromPool + fromClosed;
  return {
    bookShare: {
      arr: poolArr > 0 ? Math.max(0, 1 - residual / poolArr) : 0,
      customers: poolCount > 0 ? Math.max(0, 1 - (book.monthlyArr.length === 0 ? leavers : fromPool) / poolCount) : 0,
    },
    poolLeavers,
  };
}

/**
 * An aggregate book's customers due in each month after the `months` closed months when only a
 * share `stillThere` of them is still live: the calendar's counts after them scaled by it, its
 * cumulative rounded to whole customers (as the calendar itself is), 0 in the closed months.
 * Before December 2026 the simulated months renewed the full calendar, so a customer who had left
 * mid-term churned (or renewed) a second time: 60 of 120 customers at 10,000 gone in month 1 (the 10
 * due renewing), at a renewal rate of 50%, ended the year at about 50,000 instead of 325,000.
 *
 * @example dueAfterLeavers(Int32Array.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10), 1, 0.5) // => [0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]
 */
export function dueAfterLeavers(due: Int32Array, months: number, stillThere: number): Int32Array {
  const out = new Int32Array(12);
  let cumulative = 0;
  let taken = 0;
  for (let m = months + 1; m <= 12; m++) {
    cumulative += due[m - 1]!;
    const upTo = Math.round(cumulative * stillThere);
    out[m - 1] = upTo - taken;
    taken = upTo;
  }
  return out;
}
