/**
 * A count column's values (or logo renewal's) kept as how many trials had each value, not trial by
 * trial: for a run whose outputs read nothing of them but their Stat (TrialStoreOptions.tallyCounts).
 * 4 bytes for each whole number up to the largest met (at most 256 KB), whatever the trials (a
 * million trials' uint16 column: 2 MB). Whole numbers 0..65,535 are counted in an array, grown as
 * larger ones come; any other value (larger, fractional, negative, non-finite: a count never is, but
 * nothing is assumed) in a map, -0 apart from +0 (a Map key does not tell them apart).
 */
export class CountTally {
  private low: Uint32Array = new Uint32Array(256);
  private readonly other = new Map<number, number>();
  private negativeZeros = 0;

  /** Count each of `values`. Complexity: O(values.length). */
  add(values: ArrayLike<number>): void {
    let low = this.low;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if ((v & 0xffff) === v && !(v === 0 && 1 / v < 0)) {
        if (v >= low.length) low = this.grow(v);
        low[v]!++;
      } else if (v === 0) this.negativeZeros++;
      else this.other.set(v, (this.other.get(v) ?? 0) + 1);
    }
  }

  /** Room for whole numbers up to `v` (powers of two, at most 65,536), the counts so far kept. */
  private grow(v: number): Uint32Array {
    let size = this.low.length;
    while (size <= v) size *= 2;
    const low = new Uint32Array(size);
    low.set(this.low);
    this.low = low;
    return low;
  }

  /**
   * The values at the given 0-based `ranks` of the finite values counted, in ascending order (-0
   * before +0, as Float64Array.prototype.sort orders them): what selectRanks (analysis/rank-select.ts)
   * gives for the column's values. Ranks outside 0..finite count - 1 are left out.
   * Complexity: O(65,536 + k log k) for k values outside 0..65,535, plus O(ranks log ranks).
   */
  select(ranks: Iterable<number>): Map<number, number> {
    // The distinct finite values ascending, with their counts: the map's below 0 (and -0), 0..65,535, the map's above.
    const others = [...this.other].filter(([v]) => Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
    const below = others.filter(([v]) => v < 0);
    const above = others.filter(([v]) => v > 0);
    const wanted = [...new Set(ranks)].sort((a, b) => a - b);
    const out = new Map<number, number>();
    let w = 0;
    let seen = 0;
    const take = (value: number, count: number) => {
      seen += count;
      for (; w < wanted.length && wanted[w]! < seen; w++) if (wanted[w]! >= 0) out.set(wanted[w]!, value);
    };
    for (const [v, c] of below) take(v, c);
    if (this.negativeZeros > 0) take(-0, this.negativeZeros);
    // 0..65,535 merged with the map's values above 0 (fractions among them, larger ones after).
    let a = 0;
    for (let v = 0; v < this.low.length && w < wanted.length; v++) {
      for (; a < above.length && above[a]![0] < v; a++) take(above[a]![0], above[a]![1]);
      if (this.low[v]! > 0) take(v, this.low[v]!);
    }
    for (; a < above.length; a++) take(above[a]![0], above[a]![1]);
    return out;
  }
}
