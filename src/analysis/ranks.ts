/** A float64 copy; `set` is native for typed arrays (Float64Array.from would iterate). */
export function copyOf(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  out.set(values);
  return out;
}

/** Index of the first element >= x in ascending `sorted` (n if none). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > x in ascending `sorted` (n if none). */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks 1..n of the values, ties given their average rank (the usual convention for Spearman's
 * rank correlation). A native sort of a copy, then each value's rank by binary search.
 *
 * @example ranks([10, 30, 20, 20]) // => Float64Array [1, 4, 2.5, 2.5]
 * Complexity: O(n log n).
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const sorted = copyOf(values).sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // Positions lo..hi-1 hold v: average 1-based rank. The second search only when v is tied.
    const lo = lowerBound(sorted, v);
    const hi = lo + 1 < n && sorted[lo + 1] === v ? upperBound(sorted, v) : lo + 1;
    out[i] = (lo + hi + 1) / 2;
  }
  return out;
}

/**
 * Pearson correlation of two equally long arrays (Spearman's when both are ranks).
 * Returns 0 when either has no spread.
 * Complexity: O(n).
 */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
