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
 * In place, with no allocation: `order` is scratch of at least `keys.length`. Expected O(n): a
 * quickselect finds the first item that does not fit (the items before it, by key, are taken whole,
 * a side of a pivot at a time); after it only the items that fit what is then still needed (less
 * than that item's amount: none when amounts are alike) are heaped and taken smallest key first.
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
  // order[0, lo) is taken; order[lo, hi) is unsorted; every key of order[hi, n) is at least every key before it.
  let need = target;
  let lo = 0;
  let hi = n;
  let passed = -1;
  while (passed < 0 && lo < n && need > 0) {
    // The range ran out with everything in it taken (the rounding of its sum): go on with the rest.
    if (lo >= hi) hi = n;
    let end: number;
    if (hi - lo <= SMALL) {
      sortByKey(keys, order, lo, hi);
      end = hi;
    } else {
      const pivot = medianOfThree(keys[order[lo]!]!, keys[order[(lo + hi) >>> 1]!]!, keys[order[hi - 1]!]!);
      const lt = partition(keys, order, lo, hi, pivot);
      let below = 0;
      for (let j = lo; j < lt; j++) below += amount[order[j]!]!;
      if (below > need) {
        hi = lt;
        continue;
      }
      for (; lo < lt; lo++) taken[order[lo]!] = 1;
      need -= below;
      end = bounds[0]!;
    }
    // order[lo, end) in key order (sorted, or the pivot's equals): taken one by one while they fit.
    for (; lo < end; lo++) {
      const i = order[lo]!;
      if (amount[i]! > need) {
        passed = i;
        break;
      }
      taken[i] = 1;
      need -= amount[i]!;
    }
  }
  if (passed < 0 || !(need > 0)) return;
  // The rest, order[lo, n), holds no taken item; the one passed over (order[lo]) has its smallest key.
  // Only items that fit what is still needed can be taken after it: gather them into a heap by key
  // and take them smallest first while anything is needed (usually a few: need is below one item's amount).
  let m = lo;
  for (let j = lo; j < n; j++) {
    const i = order[j]!;
    if (i !== passed && amount[i]! <= need) {
      order[j] = order[m]!;
      order[m++] = i;
    }
  }
  for (let j = lo + ((m - lo) >> 1) - 1; j >= lo; j--) siftDown(keys, order, lo, m, j);
  while (m > lo && need > 0) {
    const i = order[lo]!;
    order[lo] = order[--m]!;
    siftDown(keys, order, lo, m, lo);
    if (amount[i]! <= need) {
      taken[i] = 1;
      need -= amount[i]!;
    }
  }
  if (need > 0 && amount[passed]! - need < need) taken[passed] = 1;
}

/** Restores the min-heap by key of order[base, end) below position j (children of base + r at base + 2r + 1, + 2). */
function siftDown(keys: Float64Array, order: Int32Array, base: number, end: number, j: number): void {
  const item = order[j]!;
  const k = keys[item]!;
  for (;;) {
    let c = base + 2 * (j - base) + 1;
    if (c >= end) break;
    if (c + 1 < end && keys[order[c + 1]!]! < keys[order[c]!]!) c++;
    if (keys[order[c]!]! >= k) break;
    order[j] = order[c]!;
    j = c;
  }
  order[j] = item;
}

/** Where partition puts gt (so it returns two numbers without an array a call). */
const bounds = new Int32Array(1);

/** Three-way partition of order[lo, hi) around pivot: [lo, lt) below, [lt, gt) equal, [gt, hi) above; returns lt, gt in bounds[0]. */
function partition(keys: Float64Array, order: Int32Array, lo: number, hi: number, pivot: number): number {
  let lt = lo;
  let gt = hi;
  let i = lo;
  while (i < gt) {
    const k = keys[order[i]!]!;
    if (k < pivot) swap(order, lt++, i++);
    else if (k > pivot) swap(order, i, --gt);
    else i++;
  }
  bounds[0] = gt;
  return lt;
}

/** Three-way quicksort of order[lo, hi) by keys (median-of-three pivot), insertion sort below SMALL. */
function sortByKey(keys: Float64Array, order: Int32Array, lo: number, hi: number): void {
  while (hi - lo > SMALL) {
    const pivot = medianOfThree(keys[order[lo]!]!, keys[order[(lo + hi) >>> 1]!]!, keys[order[hi - 1]!]!);
    const lt = partition(keys, order, lo, hi, pivot);
    const gt = bounds[0]!;
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
