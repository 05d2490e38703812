/**
 * What pooling other tiers for a tier with no history of its own takes (pooled-renewal.ts,
 * pooled-book-share.ts): their two series summed month by month, and how far one tier's ratio may lie
 * from the pool's.
 */

/**
 * `part` and `whole` of every tier summed month by month (index 0 = month 1), the pool fitted as one
 * tier's. The series all have the history's months.
 *
 * @example sumByMonth([{ part: [1, 2], whole: [10, 10] }, { part: [3, 4], whole: [20, 20] }]) // => { part: [4, 6], whole: [30, 30] }
 * Complexity: O(months × tiers).
 */
export function sumByMonth(series: ReadonlyArray<{ readonly part: ArrayLike<number>; readonly whole: ArrayLike<number> }>): { part: Float64Array; whole: Float64Array } {
  const n = series[0]?.whole.length ?? 0;
  const part = new Float64Array(n);
  const whole = new Float64Array(n);
  for (const s of series)
    for (let i = 0; i < n; i++) {
      part[i]! += s.part[i]!;
      whole[i]! += s.whole[i]!;
    }
  return { part, whole };
}

/**
 * How far one tier's ratio may lie from the pool's: τ_b² = (Σ (r_t − r̄)² + τ0²) / k over the k
 * tiers' ratios, their spread pooled with one pseudo-observation of judgement τ0 (as the drift
 * between years is), so a single tier still gets a spread.
 *
 * @example betweenTiers([0.9, 0.8], 0.1) // => sqrt((0.05² + 0.05² + 0.1²) / 2) = 0.0866
 * Complexity: O(tiers).
 */
export function betweenTiers(ratios: readonly number[], prior: number): number {
  const mean = ratios.reduce((a, r) => a + r, 0) / ratios.length;
  return Math.sqrt((ratios.reduce((a, r) => a + (r - mean) ** 2, 0) + prior ** 2) / ratios.length);
}
