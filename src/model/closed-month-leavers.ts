import type { Stream } from '../random/source.js';
import { smallestKeysToAmount } from './smallest-keys-to-amount.js';

/**
 * A re-forecast's monthly-billed customers of a customer book after M closed months whose actuals
 * state the ARR that left (see customer-book-simulator.ts for the model and why). Each trial:
 * 1. who left in the closed months: key_i = E_i / w_i with E_i = -ln(1 - V_i) exponential (V_i from
 *    its own stream) and w_i = q_i / (1 - q_i) = p_i^(-M/12) - 1 the odds of having left by month M
 *    at the trial's renewal rate (p_i the customer's chance of staying the year); the smallest keys
 *    are taken, in key order, until their ARR is nearest the stated ARR (smallest-keys-to-amount.ts);
 * 2. each customer still there leaves in months M + 1..12 with its hazard: with its uniform x of the
 *    customers' stream, it leaves at t = ceil(12 ln x / ln p_i) months after M when t <= 12 - M
 *    (P(t <= T) = 1 - p_i^(T/12)), else stays.
 * A renewal rate of 1 keeps every customer (none can have left, none leaves); of 0, every customer
 * had left by month M (key 0) and any still there leaves in month M + 1.
 *
 * O(customers) a trial (the transcendental functions once a trial per distinct odds multiplier), no
 * allocation.
 */
export class ClosedMonthLeavers {
  /** ARR lost in the simulated months of the last trial. */
  lostArr = 0;
  private readonly keys: Float64Array;
  /** The trial's key uniforms V_i. */
  private readonly uniforms: Float64Array;
  /** Each customer's group: the customers of one odds multiplier share their chances (computed once a trial a group). */
  private readonly groupOf: Int32Array;
  private readonly groupOdds: Float64Array;
  /** The trial's ln(1 / p), odds of having left by month M, and chance of staying to year end, by group. */
  private readonly logInverseP: Float64Array;
  private readonly leftOdds: Float64Array;
  private readonly stayRest: Float64Array;
  private readonly order: Int32Array;
  private readonly gone: Uint8Array;
  /** M / 12 and (12 - M) / 12: the closed and the simulated share of the year. */
  private readonly closedShare: number;
  private readonly openShare: number;

  constructor(
    private readonly arr: Float64Array,
    odds: Float64Array,
    private readonly statedArr: number,
    private readonly closed: number,
    private readonly stream: Stream,
  ) {
    const n = arr.length;
    this.keys = new Float64Array(n);
    this.uniforms = new Float64Array(n);
    const groups = new Map<number, number>();
    this.groupOf = Int32Array.from(odds, (x) => {
      let g = groups.get(x);
      if (g === undefined) groups.set(x, (g = groups.size));
      return g;
    });
    this.groupOdds = Float64Array.from(groups.keys());
    this.logInverseP = new Float64Array(groups.size);
    this.leftOdds = new Float64Array(groups.size);
    this.stayRest = new Float64Array(groups.size);
    this.order = new Int32Array(n);
    this.gone = new Uint8Array(n);
    this.closedShare = closed / 12;
    this.openShare = (12 - closed) / 12;
  }

  /**
   * One trial at renewal odds `o` (`certain`: a rate of 1): draws who left, then when each customer
   * still there leaves, writing churn into `ev` (component `churn`, by month). `us[offset + i]` is
   * customer i's uniform. Returns the number that leave; their ARR is in `lostArr`.
   */
  runStayers(o: number, certain: boolean, us: Float64Array, offset: number, ev: Float64Array, churn: number): number {
    const { arr, keys, gone, groupOf, groupOdds, logInverseP, leftOdds, stayRest } = this;
    const n = arr.length;
    for (let g = 0; g < groupOdds.length; g++) {
      // ln(1 / p) = ln(1 + 1 / k), k = o x odds the customer's odds of staying the year.
      const l = certain ? 0 : Math.log1p(1 / (o * groupOdds[g]!));
      logInverseP[g] = l;
      leftOdds[g] = Math.expm1(this.closedShare * l);
      stayRest[g] = Math.exp(-this.openShare * l);
    }
    const v = this.stream.fill(this.uniforms);
    for (let i = 0; i < n; i++) {
      const w = leftOdds[groupOf[i]!]!;
      keys[i] = w > 0 ? -Math.log1p(-v[i]!) / w : Infinity;
    }
    smallestKeysToAmount(keys, arr, this.statedArr, this.order, gone);
    let lost = 0;
    let lostArr = 0;
    if (!certain) {
      const months = 12 - this.closed;
      for (let i = 0; i < n; i++) {
        if (gone[i] === 1) continue;
        const g = groupOf[i]!;
        const l = logInverseP[g]!;
        const x = us[offset + i]!;
        // Stays to year end: x < p^((12 - M)/12).
        if (x < stayRest[g]!) continue;
        const t = l === Infinity ? 1 : Math.min(months, Math.max(1, Math.ceil((-12 * Math.log(x)) / l - 1e-12)));
        lost++;
        lostArr += arr[i]!;
        ev[churn * 12 + this.closed + t - 1]! -= arr[i]!;
      }
    }
    this.lostArr = lostArr;
    return lost;
  }
}
