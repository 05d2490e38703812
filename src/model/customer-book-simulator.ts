import type { Stream } from '../random/source.js';
import { componentIndex } from './components.js';
import { ShareDraw } from './book-share-draw.js';
import type { BookRates } from './existing-book-simulator.js';
import type { TierOutcome } from './tier-outcome.js';
import type { TierPlan } from './tier-plan.js';
import { ClosedMonthLeavers } from './closed-month-leavers.js';

const C_EXP = componentIndex('existingExpansion');
const C_UPLIFT = componentIndex('priceUplift');
const C_CONTRACTION = componentIndex('contraction');
const C_CHURN = componentIndex('churn');
const C_RENEWAL = componentIndex('renewal');

/**
 * A book read customer by customer. Each customer due this year renews or not (Bernoulli) with
 * its own probability p_i = o k_i / (1 + o k_i), where o is the odds of the trial's renewal rate
 * (after the market shift, so the market moves every customer together) and k_i the customer's
 * odds multiplier from the renewal adjustments. One uniform U decides each customer:
 *   U >= p_i: churns;  otherwise V = U / p_i is again uniform on [0, 1) (conditioning), and
 *   V < c contracts (probability c), V < c + (1 - c) e expands, else renews flat.
 * So a customer costs one uniform plus a size draw only when it contracts or expands: the loop
 * over 20,000 customers creates no object and calls no exp or log.
 *
 * Monthly-billed customers have no renewal date: they leave by a monthly hazard h with
 * (1 - h)^12 = p_i (DOMAIN.md: monthly = 1 - (1 - annual)^(1/12), not annual / 12). A leaver's
 * month comes from the same uniform: given U >= p_i, W = (U - p_i) / (1 - p_i) is uniform and the
 * month is the smallest m with 1 - p_i^(m/12) >= W (1 - p_i). They see no uplift, contraction or
 * expansion (nothing is renegotiated without a renewal).
 *
 * In a re-forecast whose actuals state churned_arr, the closed months' monthly-billed leavers are
 * facts (their ARR, TierStart.monthlyLeftArr), so the simulated months draw only from the customers
 * still there, each leaving in months M + 1..12 by its hazard given that it stayed through month M
 * (it stays to year end with probability p_i^((12 - M)/12)). The actuals say how much ARR left, not
 * who: each trial draws who left from the customers' chances of having left by month M at the trial's
 * renewal rate, q_i = 1 - p_i^(M/12), taking the customers with the smallest keys E_i / w_i (E_i
 * exponential, w_i = q_i / (1 - q_i): successive sampling by odds, Efraimidis and Spirakis) until their
 * ARR is nearest the stated one (closed-month-leavers.ts). This is exact when the monthly-billed
 * customers share one ARR and one renewal odds (the stated ARR gives the count, and customers alike
 * are exchangeable); with different odds, successive sampling approximates the conditional law of who
 * left given how many, and with different ARRs the count is the nearest the ARRs allow. Without
 * churned_arr nothing is known of them: each draws its leaving month from the start of the year and
 * a leaver of a closed month is taken as in the actuals.
 */
export class CustomerBookSimulator {
  private readonly uniform: Stream;
  private readonly contractionSize: ShareDraw | undefined;
  private readonly expansionSize: ShareDraw | undefined;
  /**
   * Scratch list of the customers that contract or expand this trial (indices into the due arrays):
   * the contracting ones from the front, the expanding ones from the back (a customer does at most
   * one), so pass 1 stores into one array.
   */
  private readonly changing: Int32Array;
  /** The trial's customer uniforms, one per due then per monthly-billed customer, filled in one block. */
  private readonly uniforms: Float64Array;
  /** The trial's contraction or expansion shares, in customer order (ShareDraw.fill). */
  private readonly shares: Float64Array;
  /** A re-forecast's closed-month leavers of the monthly-billed customers, when the actuals state them. */
  private readonly left: ClosedMonthLeavers | undefined;

  constructor(
    private readonly plan: TierPlan,
    stream: (driver: string) => Stream,
  ) {
    const e = plan.existing!;
    this.uniform = stream('customers');
    this.contractionSize = e.contraction && new ShareDraw(e.contraction.size, stream('contraction.size'));
    this.expansionSize = e.expansion && new ShareDraw(e.expansion.size, stream('expansion.size'));
    const due = e.book!.dueArr.length;
    this.changing = new Int32Array(due);
    this.uniforms = new Float64Array(due + e.book!.monthlyArr.length);
    this.shares = new Float64Array(due);
    const stated = plan.start?.monthlyLeftArr;
    const closed = plan.start?.months ?? 0;
    if (stated !== undefined && closed > 0 && closed < 12 && e.book!.monthlyArr.length > 0) {
      this.left = new ClosedMonthLeavers(e.book!.monthlyArr, e.book!.monthlyOdds, stated, closed, stream('customers.left'));
    }
  }

  run(rates: BookRates, out: TierOutcome): void {
    const book = this.plan.existing!.book!;
    const ev = out.events;
    const booked = out.booked;
    // Every customer's uniform of this trial in one fill: the same draws, in the same order, as one
    // call per customer, read inline below.
    const us = this.uniform.fill(this.uniforms);
    const { uplift, renewal } = rates;
    const c = rates.contraction;
    const ce = c + (1 - c) * rates.expansion;
    // Base odds; a rate of exactly 1 renews everyone (odds infinite), 0 no one. Each customer's k is
    // o x odds + k0 and y is U (s + k): o = renewal odds, k0 = 0, s = 1 for a rate below 1 (k and y
    // exactly as o x odds and U (1 + k), since adding +0 to a product >= 0 changes no bit), and o = 0,
    // k0 = 1, s = 0 for a certain renewal (k = 1, y = U: p = 1; the customer's odds are finite). So the
    // loop holds no test of which case it is in.
    const certain = renewal >= 1;
    const o = certain ? 0 : renewal / (1 - renewal);
    const k0 = certain ? 1 : 0;
    const s = certain ? 0 : 1;

    const { dueArr, dueMonth, dueOdds, dueFrom } = book;
    // A re-forecast: customers due in the closed months are in the actuals; the rest are still due.
    const closed = this.plan.start?.months ?? 0;
    const firstDue = dueFrom[closed]!;
    // Mid-term leavers of the closed months taken from the customers not due in them (start-state.ts
    // bookShareAfterLeavers): each keeps that share of its ARR and counts as that share of a customer.
    const arrShare = this.plan.start?.bookShare?.arr ?? 1;
    const customerShare = this.plan.start?.bookShare?.customers ?? 1;
    // Pass 1 decides every customer with its uniform and no other call, so the loop stays tight;
    // pass 2 draws the sizes of the few that contract or expand.
    const changing = this.changing;
    const last = changing.length - 1;
    let nContracting = 0;
    let nExpanding = 0;
    let lostCount = 0;
    let grossLoss = 0;
    let retainedTotal = 0;
    const renewedByMonth = out.renewedByMonth;
    // Month by month (the due customers are sorted by month, each month's run starting at dueFrom):
    // each month's churn, uplift and renewed ARR add up in locals, in customer order, and are stored once.
    for (let slot = closed; slot < 12; slot++) {
      const from = dueFrom[slot]!;
      const to = dueFrom[slot + 1]!;
      if (from === to) continue;
      let churnArr = ev[C_CHURN * 12 + slot]!;
      let upliftArr = ev[C_UPLIFT * 12 + slot]!;
      let renewedArr = renewedByMonth[slot]!;
      for (let i = from; i < to; i++) {
        const arr = dueArr[i]! * arrShare;
        // U < p with p = k / (1 + k) is U (1 + k) < k, and V = U / p < c is U (1 + k) < c k: the
        // same tests without a division (a certain renewal: p = 1, so y = U against 1).
        const k = o * dueOdds[i]! + k0;
        const y = us[i]! * (s + k);
        // Without branches (the outcomes are random, so branches would be mispredicted): each
        // outcome is a 0 or 1 that multiplies what it adds (adding 0 x arr changes no sum, as ARR
        // and the sums start at +0 and are >= 0), and a list takes the customer only if it counts it.
        const churns = +(y >= k);
        const renews = 1 - churns;
        const contracts = renews * +(y < c * k);
        const keeps = renews - contracts;
        lostCount += churns;
        grossLoss += churns * arr;
        churnArr -= churns * arr;
        renewedArr += renews * arr;
        changing[nContracting] = i;
        nContracting += contracts;
        changing[last - nExpanding] = i;
        nExpanding += keeps * +(y < ce * k);
        retainedTotal += keeps * arr;
        upliftArr += keeps * arr * uplift;
      }
      ev[C_CHURN * 12 + slot] = churnArr;
      ev[C_UPLIFT * 12 + slot] = upliftArr;
      renewedByMonth[slot] = renewedArr;
    }
    // Every due customer that did not churn renewed (whole numbers: the same count as adding them up).
    const renewed = dueArr.length - firstDue - lostCount;
    // Each list's shares drawn in one call (book-share-draw.ts), in customer order. Only a book with
    // contraction has contracting customers (and only with expansion, expanding ones).
    const shares = this.shares;
    if (nContracting > 0) this.contractionSize!.fill(shares, nContracting);
    for (let j = 0; j < nContracting; j++) {
      const i = changing[j]!;
      const arr = dueArr[i]! * arrShare;
      const slot = dueMonth[i]! - 1;
      const cut = shares[j]! * arr;
      const retained = arr - cut;
      ev[C_CONTRACTION * 12 + slot]! -= cut;
      // GRR excludes price and upsell: a contraction counts in full even when the uplift offsets it.
      grossLoss += cut;
      retainedTotal += retained;
      ev[C_UPLIFT * 12 + slot]! += retained * uplift;
    }
    if (nExpanding > 0) this.expansionSize!.fill(shares, nExpanding);
    // In customer order: the expanding customers were stored from the back.
    for (let j = 0; j < nExpanding; j++) {
      const i = changing[last - j]!;
      const added = shares[j]! * dueArr[i]! * arrShare * rates.expansionScale;
      ev[C_EXP * 12 + dueMonth[i]! - 1]! += added;
      booked[C_EXP]! += added;
    }
    booked[C_RENEWAL]! += retainedTotal;
    booked[C_UPLIFT]! += retainedTotal * uplift;
    out.customersDue += (dueArr.length - firstDue) * customerShare;
    out.customersRenewed += renewed * customerShare;
    out.arrDue += (closed === 0 ? book.arrDue : book.arrDue - book.arrDueBy[closed - 1]!) * arrShare;
    lostCount *= customerShare;

    const { monthlyArr, monthlyOdds } = book;
    const offset = dueArr.length;
    if (this.left) {
      lostCount += this.left.runStayers(o, certain, us, offset, ev, C_CHURN);
      grossLoss += this.left.lostArr;
    } else for (let i = 0; i < monthlyArr.length; i++) {
      const k = certain ? 1 : o * monthlyOdds[i]!;
      const x = us[offset + i]!;
      if ((certain ? x : x * (1 + k)) < k) continue;
      const p = k / (1 + k);
      const arr = monthlyArr[i]!;
      // The leaving month: smallest m with p^(m/12) <= 1 - W (1 - p); p = 0 leaves at once.
      const month = p <= 0 ? 1 : Math.min(12, Math.max(1, Math.ceil((12 * Math.log(1 - (x - p))) / Math.log(p) - 1e-12)));
      // Actuals without churned_arr: a leaver of a closed month is in them, in expectation only.
      if (month <= closed) continue;
      lostCount++;
      grossLoss += arr;
      ev[C_CHURN * 12 + month - 1]! -= arr;
    }
    out.customersLost += lostCount;
    out.grossLoss += grossLoss;

    const esc = book.escalation;
    for (let m = closed; m < 12; m++) ev[C_UPLIFT * 12 + m]! += esc[m]! * arrShare;
  }
}
