import { ratioOfSums } from './ratio-of-sums.js';
import { fitBookShare, type BookShareFit } from './book-share.js';
import { betweenTiers, sumByMonth } from './pooled-tiers.js';

/** One tier's contraction (or expansion) ARR and ARR renewed, month by month (index 0 = month 1). */
export interface BookShareSeries {
  readonly name: string;
  readonly part: ArrayLike<number>;
  readonly renewed: ArrayLike<number>;
}

/** A contraction or expansion share taken from other tiers, for a tier whose own cannot be fitted. */
export interface PooledBookShareFit extends BookShareFit {
  /** The tiers pooled, and each one's Σ part / Σ renewed of its last 12 months. */
  readonly tiers: readonly string[];
  readonly tierShares: readonly number[];
  /** The pool's own year-level sd (its estimate's error and the drift between years). */
  readonly poolSd: number;
  /** How far a tier's share may lie from the pool's: τ_b² = (Σ (s_t − s̄)² + τ0²) / tiers. */
  readonly between: number;
  /** The judgement τ0 pooled into `between` (BETWEEN_TIERS_SHARE_PRIOR × the pool's share). */
  readonly betweenPrior: number;
}

/**
 * How far one tier's contraction or expansion share may differ from the other tiers' (judgement,
 * relative to the pool's share): the pseudo-observation pooled with their spread. A share has no
 * natural scale in points (contraction runs 1-5% of ARR renewed, expansion 5-30%), so the judgement
 * is relative, as the drift between years is (DRIFT_PRIOR.bookShareRelative): a new tier's book may
 * contract or expand half as much again, or half as much, as the others'.
 */
export const BETWEEN_TIERS_SHARE_PRIOR = 0.5;

/**
 * The contraction (or expansion) share of a tier with a book but nothing yet renewed (launched
 * within the last 12 months), pooled as its dollar renewal is (pooled-renewal.ts): the other tiers'
 * contraction_arr (expansion_arr) and renewed_arr, their ARR at risk, summed month by month and
 * fitted as one tier's (book-share.ts: Σ part / Σ renewed of the last 12 months, its interval and
 * year-level sd). Next year's sd for THIS tier adds how far a tier's share lies from the pool's:
 * τ_b² = (Σ (s_t − s̄)² + τ0²) / k over the k tiers pooled, τ0 = BETWEEN_TIERS_SHARE_PRIOR × the
 * pool's share, so sd = √(pool sd² + τ_b²). Tiers with no ARR renewed in their last 12 months
 * have no share and are left out. Returns undefined when none has any.
 *
 * @example fitPooledBookShare([{ name: 'A', part: Array(12).fill(2), renewed: Array(12).fill(100) }], 'contraction')?.between // => √(0.01² / 1) = 0.01
 * Complexity: O(months × tiers).
 */
export function fitPooledBookShare(series: readonly BookShareSeries[], kind: 'contraction' | 'expansion'): PooledBookShareFit | undefined {
  const pooled = series.filter((s) => ratioOfSums(s.part, s.renewed).whole > 0);
  if (pooled.length === 0) return undefined;
  const { part, whole: renewed } = sumByMonth(pooled.map((s) => ({ part: s.part, whole: s.renewed })));
  // No customer count: the units of an interval at zero variance are the pooled months (Kish's).
  const pool = fitBookShare(part, renewed, kind);
  const tierShares = pooled.map((s) => ratioOfSums(s.part, s.renewed).value);
  const betweenPrior = BETWEEN_TIERS_SHARE_PRIOR * pool.share.value;
  const between = betweenTiers(tierShares, betweenPrior);
  const sd = Math.sqrt(pool.year.sd ** 2 + between ** 2);
  return { ...pool, year: { ...pool.year, sd }, tiers: pooled.map((s) => s.name), tierShares, poolSd: pool.year.sd, between, betweenPrior };
}
