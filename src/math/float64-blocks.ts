/**
 * A column read as float64, one block at a time. A store's columns are Float64Array, Float32Array
 * or Uint16Array (engine/trial-store.ts), so a loop that reads them directly meets three array types
 * at one load: V8 then compiles it for one type, meets another and throws the code away, a few times
 * a column (at 100,000 trials the summary's selection was about half of its cold run). Copying a
 * block into a Float64Array first (TypedArray.prototype.set widens float32 and uint16 exactly, bit
 * for bit, natively: about 0.2 ns a value) leaves the loop one type to read.
 */

/** Values per block: 32 KB of float64, in cache. */
export const BLOCK = 4096;

/**
 * Copy values[from..to) into block[0..to - from), exactly (a typed array natively, anything else
 * value by value). `to - from` must not exceed block.length.
 *
 * @example loadBlock(Float32Array.of(1.5, 2, 3), 1, 3, block) // block[0] = 2, block[1] = 3
 * Complexity: O(to - from).
 */
export function loadBlock(values: ArrayLike<number>, from: number, to: number, block: Float64Array): void {
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) block.set((values as unknown as Float64Array).subarray(from, to));
  else for (let i = from; i < to; i++) block[i - from] = values[i]!;
}
