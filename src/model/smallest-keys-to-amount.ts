/** Below this many, a range is sorted by insertion. */
const SMALL = 16;

/**
 * Marks (`taken[i] = 1`) items in the order of their keys, smallest first, so that the amount taken
 * comes nearest `target`: each item whose amount fits what is still needed is taken, one that does not
 * fit is passed over; at the end, if something is still needed, the first item passed over is taken
 * when that leaves the total nearer `target` (it overshoots by less than the shortfall). So items of
 * one amount a take round(target / a) of them, the smallest keys. A `target` of 0 or less takes
 * nothing. Equal keys go in an order fixed by the inputs, so the result depends on nothing else.
 *
 * In place, with no allocation: `order` is scratch of at least `keys.length`. O(n log n) expected
 * (a three-way quicksort of `order` by key).
 *
 * @example smallestKeysToAmount([0.3, 0.1, 0.2], [5, 5, 5], 10, order, taken) // taken = [0, 1, 1]
 */
export function smallestKeysToAmount(keys: Float64Array, amount: Float64Array, target: number, order: Int32Array, taken: Uint8Array): void {
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    taken[i] = 0;
  }
  if (!(target > 0)) return;
  sortByKey(keys, order, 0, n);
  let need = target;
  let passed = -1;
  for (let j = 0; j < n && need > 0; j++) {
    const i = order[j]!;
    const a = amount[i]!;
    if (a <= need) {
      taken[i] = 1;
      need -= a;
    } else if (passed < 0) passed = i;
  }
  if (need > 0 && passed >= 0 && amount[passed]! - need < need) taken[passed] = 1;
}

/** Three-way quicksort of order[lo, hi) by keys (median-of-three pivot), insertion sort below SMALL. */
function sortByKey(keys: Float64Array, order: Int32Array, lo: number, hi: number): void {
  while (hi - lo > SMALL) {
    const pivot = medianOfThree(keys[order[lo]!]!, keys[order[(lo + hi) >>> 1]!]!, keys[order[hi - 1]!]!);
    // [lo, lt) below the pivot, [lt, gt) equal, [gt, hi) above.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i < gt) {
      const k = keys[order[i]!]!;
      if (k < pivot) swap(order, lt++, i++);
      else if (k > pivot) swap(order, i, --gt);
      else i++;
    }
    // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
    if (lt - lo < hi - gt) {
      sortByKey(keys, order, lo, lt);
      lo = gt;
    } else {
      sortByKey(keys, order, gt, hi);
      hi = lt;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const o = order[i]!;
    const k = keys[o]!;
    let j = i - 1;
    while (j >= lo && keys[order[j]!]! > k) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = o;
  }
}

function swap(order: Int32Array, a: number, b: number): void {
  const t = order[a]!;
  order[a] = order[b]!;
  order[b] = t;
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
