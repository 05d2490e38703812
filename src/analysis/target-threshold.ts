/**
 * What a stored column must reach for a target: the target itself in a float64 column (the
 * headline metrics), the target as float32 stores it in a float32 column (a tier's metrics, kept to
 * about 7 significant digits). Every value that reaches the target reaches it as stored too, since
 * rounding to float32 keeps order; against the target as written, a tier's ending ARR of exactly
 * 123,456,785 (stored 123,456,784) missed 123,456,785 in every trial.
 *
 * @example targetThreshold(tierEndingArr, 123_456_785) // => 123456784 when tierEndingArr is a Float32Array
 */
export function targetThreshold(column: ArrayLike<number>, value: number): number {
  return column instanceof Float32Array ? Math.fround(value) : value;
}
