/**
 * The mean of all the values, summed in order (the same bits wherever it is taken).
 * @example meanAll(Float64Array.of(1, 2, 6)) // => 3
 * Complexity: O(n).
 */
export function meanAll(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s / v.length;
}
