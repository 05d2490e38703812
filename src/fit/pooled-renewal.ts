import { ratioOfSums } from './ratio-of-sums.js';
import { fitRenewal, type RenewalFit } from './renewal.js';
import { betweenTiers, sumByMonth } from './pooled-tiers.js';

/** One tier's ARR due and renewed, month by month (index 0 = month 1). */
export interface RenewalSeries {
  readonly name: string;
  readonly due: ArrayLike<number>;
  readonly renewed: ArrayLike<number>;
}

/** A renewal rate taken from other tiers, for a tier whose own cannot be fitted. */
export interface PooledRenewalFit extends RenewalFit {
  /** The tiers pooled, and each one's Σ renewed / Σ due of its last 12 months. */
  readonly tiers: readonly string[];
  readonly tierRates: readonly number[];
  /** The pool's own year-level sd (its estimate's error and the drift between years). */
  readonly poolSd: number;
  /** How far a tier's rate may lie from the pool's: τ_b² = (Σ (r_t − r̄)² + τ0²) / tiers. */
  readonly between: number;
  /** The judgement τ0 pooled into `between`. */
  readonly betweenPrior: number;
}

/**
 * How far one tier's dollar renewal may differ from the other tiers' (judgement, points): the
 * pseudo-observation pooled with their spread. A new tier's first renewals are its first customers'
 * and can run well apart from a mature book's; 10 points is about the gap between an SMB and a
 * mid-market book, and with one other tier it is all there is.
 */
export const BETWEEN_TIERS_PRIOR = 0.1;

/**
 * The dollar renewal rate of a tier with a book but nothing yet due (launched within the last 12
 * months: its renewal is not in the history), from what is known: the other tiers' ARR due and
 * renewed summed month by month, fitted as one tier's (renewal.ts: Σ renewed / Σ due of the last 12
 * months with its sandwich interval, and its year-level sd). Next year's sd for THIS tier adds how far
 * a tier's rate lies from the pool's: τ_b² = (Σ (r_t − r̄)² + τ0²) / k over the k tiers pooled (their
 * spread pooled with one judgement, BETWEEN_TIERS_PRIOR, as the drift between years is), so
 * sd = √(pool sd² + τ_b²). Returns undefined when no series has ARR due in its last 12 months.
 *
 * @example fitPooledRenewal([{ name: 'A', due: Array(12).fill(100), renewed: Array(12).fill(90) }])?.between // => 0.1
 * Complexity: O(months × tiers).
 */
export function fitPooledRenewal(series: readonly RenewalSeries[]): PooledRenewalFit | undefined {
  const pooled = series.filter((s) => ratioOfSums(s.renewed, s.due).whole > 0);
  if (pooled.length === 0) return undefined;
  const { part: renewed, whole: due } = sumByMonth(pooled.map((s) => ({ part: s.renewed, whole: s.due })));
  const pool = fitRenewal(due, renewed);
  const tierRates = pooled.map((s) => ratioOfSums(s.renewed, s.due).value);
  const between = betweenTiers(tierRates, BETWEEN_TIERS_PRIOR);
  const sd = Math.sqrt(pool.year.sd ** 2 + between ** 2);
  return { ...pool, year: { ...pool.year, sd }, tiers: pooled.map((s) => s.name), tierRates, poolSd: pool.year.sd, between, betweenPrior: BETWEEN_TIERS_PRIOR };
}
