import { binomial } from '../random/binomial.js';
import type { RandomSource } from '../random/source.js';
import type { LagPmf } from './lag-pmf.js';

/**
 * The part of a cohort still to come after the horizon starts. n units entered in a closed month
 * (leads created, customers gone live); each becomes an event with probability p after a lag drawn
 * from `lag`. Of those, the events with lag <= d fell in closed months; the rest are
 * Binomial(n, p P(lag > d)) (thinning: each unit independently converts and lands after d), split
 * over lags d+1..max by the pmf restricted to them (a multinomial by sequential binomials).
 *
 * Approximation: it does not condition on how many of the cohort's events already happened (the
 * actuals give events by month, not by cohort); for rare events (p P(lag <= d) small) the
 * difference is of order p.
 *
 * @example new TailSplitter(lagPmf({ dist: 'discrete', values: [0, 1], weights: [1, 1] }), s).split(100, 1, 0) // counts[1] ~ Binomial(100, 0.5)
 * Complexity: O(max) per split; tables O(max^2) once.
 */
export class TailSplitter {
  readonly counts: Float64Array;
  /** P(lag > d), by d. */
  private readonly tail: Float64Array;
  /** conditional[d * (max + 1) + j] = P(lag = j | lag >= j, lag > d). */
  private readonly conditional: Float64Array;
  private readonly binomial: (n: number, p: number) => number;

  constructor(
    private readonly lag: LagPmf,
    source: RandomSource,
  ) {
    const w = lag.max + 1;
    this.counts = new Float64Array(w);
    this.tail = new Float64Array(w);
    this.conditional = new Float64Array(w * w);
    for (let d = 0; d <= lag.max; d++) {
      let t = 0;
      for (let j = d + 1; j <= lag.max; j++) t += lag.pmf[j]!;
      this.tail[d] = t;
      let rest = t;
      for (let j = d + 1; j <= lag.max; j++) {
        this.conditional[d * w + j] = rest > 0 ? Math.min(1, lag.pmf[j]! / rest) : 0;
        rest -= lag.pmf[j]!;
      }
    }
    this.binomial = binomial(source);
  }

  /** P(lag > d): the share of a cohort's events still to come d months after it started. */
  tailAfter(d: number): number {
    return d < 0 ? 1 : d > this.lag.max ? 0 : this.tail[d]!;
  }

  /** Split the events of n units with probability p still to come after d months; counts[j] holds those at lag j (0 for j <= d). */
  split(n: number, p: number, d: number): Float64Array {
    const counts = this.counts;
    counts.fill(0);
    const t = this.tailAfter(d);
    if (n <= 0 || t <= 0 || p <= 0) return counts;
    let remaining = this.binomial(n, Math.min(1, p * t));
    const w = this.lag.max + 1;
    const first = Math.max(0, d + 1);
    for (let j = first; remaining > 0 && j <= this.lag.max; j++) {
      const q = d < 0 ? this.lag.conditional[j]! : this.conditional[d * w + j]!;
      const c = j === this.lag.max ? remaining : this.binomial(remaining, q);
      counts[j] = c;
      remaining -= c;
    }
    return counts;
  }
}
