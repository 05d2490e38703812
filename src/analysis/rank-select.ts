/**
 * A few order statistics of a column without sorting it: the finite values are counted into
 * equal-width buckets of their range (a monotone map of the value, so every value of a lower
 * bucket is below every value of a higher one), and only the buckets holding a wanted rank are
 * gathered and sorted. The values read are the very values a full sort would put at those ranks,
 * bit for bit (-0 before +0, as `Float64Array.prototype.sort` orders them).
 *
 * What a summary reads of a column is about 30 ranks (9 percentiles, their neighbours and interval
 * bounds): at 100,000 values, two passes over the column and a few hundred values sorted, against
 * the 5 to 8 passes of a radix sort (math/sorted-values.ts).
 */

import { BLOCK, loadBlock } from '../math/float64-blocks.js';

/** Buckets per value, about: 16 values a bucket on average. */
const VALUES_PER_BUCKET = 16;
const MAX_BUCKETS = 1 << 16;
/** A wanted bucket holding more values than this is split again (its own range, its own buckets). */
const SPLIT_ABOVE = 2048;
/** Beyond this depth of splitting a bucket is sorted whole. */
const MAX_DEPTH = 4;

/**
 * The bucket counts and slots, kept between calls (256 KB each at most): a summary selects from about
 * a hundred columns, and at a million trials fresh ones were 40 MB of garbage that lingered until the
 * next full GC. A split bucket's selection reuses them too: its parent is done with them by then.
 */
let countsBuffer = new Int32Array(0);
let slotsBuffer = new Int32Array(0);

/** buckets + 1 zeros. */
function bucketCounts(buckets: number): Int32Array {
  if (countsBuffer.length < buckets + 1) countsBuffer = new Int32Array(MAX_BUCKETS + 1);
  return countsBuffer.subarray(0, buckets + 1).fill(0);
}

/** `buckets` times -1. */
function bucketSlots(buckets: number): Int32Array {
  if (slotsBuffer.length < buckets) slotsBuffer = new Int32Array(MAX_BUCKETS);
  return slotsBuffer.subarray(0, buckets).fill(-1);
}

/**
 * The values at the given 0-based `ranks` of the finite values of `values` sorted ascending, as a
 * map from rank to value. `count`, `min` and `max` are the finite values' count and extremes (as
 * moments() gives them). Ranks outside 0..count-1 are left out.
 *
 * @example selectRanks(Float32Array.of(5, NaN, 1, 3), [0, 2], { count: 3, min: 1, max: 5 }) // => Map { 0 => 1, 2 => 5 }
 * Complexity: O(n) (two passes), plus sorting the values of the wanted buckets.
 */
export function selectRanks(values: ArrayLike<number>, ranks: Iterable<number>, extent: { readonly count: number; readonly min: number; readonly max: number }): Map<number, number> {
  const wanted = [...new Set(ranks)].filter((r) => Number.isInteger(r) && r >= 0 && r < extent.count).sort((a, b) => a - b);
  const out = new Map<number, number>();
  if (wanted.length === 0) return out;
  selectInto(values, values.length, extent.count, extent.min, extent.max, wanted, 0, out, 0);
  return out;
}

/**
 * Select `wanted` (ascending ranks among the finite values of values[0..len)) into `out`, each
 * rank shifted by `base`. `count`, `min`, `max`: the finite values' count and extremes.
 */
function selectInto(values: ArrayLike<number>, len: number, count: number, min: number, max: number, wanted: readonly number[], base: number, out: Map<number, number>, depth: number): void {
  if (min === max && min !== 0) {
    // Equal nonzero doubles are the same bits: every rank holds this value.
    for (const r of wanted) out.set(base + r, min);
    return;
  }
  const buckets = Math.max(1, Math.min(MAX_BUCKETS, Math.ceil(count / VALUES_PER_BUCKET)));
  const scale = buckets / (max - min);
  // ±0 only, a range too narrow or too wide to scale, or a column too deep in splits: sort it whole.
  if (!(scale > 0 && scale < Infinity) || depth >= MAX_DEPTH || count <= SPLIT_ABOVE) {
    sortAndRead(values, len, count, wanted, base, out);
    return;
  }
  const last = buckets - 1;
  const counts = bucketCounts(buckets);
  countBuckets(values, len, min, scale, last, counts);
  // counts[b] becomes the rank of bucket b's first value.
  for (let b = 1; b <= buckets; b++) counts[b]! += counts[b - 1]!;
  // The wanted buckets, each with its wanted ranks, and where its values go in the gathered array.
  const slot = bucketSlots(buckets);
  const picked: Array<{ readonly bucket: number; readonly first: number; readonly size: number; at: number; readonly ranks: number[] }> = [];
  for (const r of wanted) {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (counts[mid]! <= r) lo = mid;
      else hi = mid - 1;
    }
    const prev = picked[picked.length - 1];
    if (prev && prev.bucket === lo) prev.ranks.push(r);
    else picked.push({ bucket: lo, first: counts[lo]!, size: counts[lo + 1]! - counts[lo]!, at: 0, ranks: [r] });
  }
  let gathered = 0;
  // Where each picked bucket's next value goes in the gathered array.
  const next = new Int32Array(picked.length);
  for (let k = 0; k < picked.length; k++) {
    const p = picked[k]!;
    slot[p.bucket] = k;
    p.at = gathered;
    next[k] = gathered;
    gathered += p.size;
  }
  const values64 = new Float64Array(gathered);
  gatherBuckets(values, len, min, scale, last, slot, next, values64);
  for (const p of picked) {
    const part = values64.subarray(p.at, p.at + p.size);
    const local = p.ranks.map((r) => r - p.first);
    if (p.size > SPLIT_ABOVE) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < part.length; i++) {
        const v = part[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      selectInto(part, part.length, part.length, lo, hi, local, base + p.first, out, depth + 1);
    } else sortAndRead(part, part.length, part.length, local, base + p.first, out);
  }
}

/** The passes' block of the column, as float64 (math/float64-blocks.ts): each pass reads one array type. */
const block = new Float64Array(BLOCK);

/**
 * Count the finite values of values[0..len) by bucket: bucket b = floor((v - min) scale), at most
 * `last`, counted in counts[b + 1].
 */
function countBuckets(values: ArrayLike<number>, len: number, min: number, scale: number, last: number, counts: Int32Array): void {
  for (let from = 0; from < len; from += BLOCK) {
    const size = Math.min(BLOCK, len - from);
    loadBlock(values, from, from + size, block);
    for (let i = 0; i < size; i++) {
      const v = block[i]!;
      if (!Number.isFinite(v)) continue;
      const b = Math.floor((v - min) * scale);
      counts[(b > last ? last : b) + 1]!++;
    }
  }
}

/**
 * Copy the finite values of the wanted buckets (slot[b] >= 0: the picked bucket's number) into
 * `into`, in trial order within a bucket, each at next[slot] (advanced).
 */
function gatherBuckets(values: ArrayLike<number>, len: number, min: number, scale: number, last: number, slot: Int32Array, next: Int32Array, into: Float64Array): void {
  for (let from = 0; from < len; from += BLOCK) {
    const size = Math.min(BLOCK, len - from);
    loadBlock(values, from, from + size, block);
    for (let i = 0; i < size; i++) {
      const v = block[i]!;
      if (!Number.isFinite(v)) continue;
      const b = Math.floor((v - min) * scale);
      const k = slot[b > last ? last : b]!;
      if (k < 0) continue;
      into[next[k]!++] = v;
    }
  }
}

/** The plain way, for small or degenerate parts: the finite values copied, sorted, and read at each rank. */
function sortAndRead(values: ArrayLike<number>, len: number, count: number, wanted: readonly number[], base: number, out: Map<number, number>): void {
  const copy = new Float64Array(count);
  let n = 0;
  for (let from = 0; from < len; from += BLOCK) {
    const size = Math.min(BLOCK, len - from);
    loadBlock(values, from, from + size, block);
    for (let i = 0; i < size; i++) {
      const v = block[i]!;
      if (Number.isFinite(v)) copy[n++] = v;
    }
  }
  copy.sort();
  for (const r of wanted) out.set(base + r, copy[r]!);
}

/** Count and extremes of the finite values: the extent selectRanks reads. O(n). */
export function finiteExtent(values: ArrayLike<number>): { count: number; min: number; max: number } {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count, min, max };
}
