/**
 * The bins firstOrderShares fits an input in: prepareInput's K equal-count bins, with the two outer
 * ones split in halves towards the extremes. Why: a metric that curves strongly in an input (a large
 * market loading moves volumes by e^(b z)) curves most in the tails, where an equal-count bin is
 * widest; a line in the outer 1/K of the trials read a market loaded 2 on leads at 69% for a true
 * 99.999% (bench/attribution-curvature.mjs). Halving down to TAIL_MIN_TRIALS gives the tails bins as
 * narrow as their curvature needs, at 2 parameters a bin (a few more bins in all: log2 of the outer
 * bin's trials). The extreme bin of each tail (20 to 39 trials) is still too wide for e^(2.5 z):
 * there the metric's noise is estimated from neighbours instead (firstOrderShares), once the outer bin
 * was halved NEIGHBOURS_AFTER_HALVINGS times (160 trials or more: from 640 trials at K = 4). Neighbours'
 * noise estimate is noisier than a line's residuals (it adds about 1.4 x sqrt(m) / n to every share, m
 * the trials it covers), so it covers the extreme eighth of an outer bin at most. Below 40 trials in
 * an outer bin (160 trials at K = 4) nothing changes: more bins there would only add noise.
 */
export interface TailBins {
  /** Each trial's bin, 0..count-1, in ascending order of the input (a refinement of prepareInput's). */
  readonly bin: Uint16Array;
  readonly count: number;
  /**
   * The bins whose noise comes from neighbour triples: [from, to) positions in the input's order
   * (input.order), the extreme bin of each tail halved NEIGHBOURS_AFTER_HALVINGS times or more.
   */
  readonly neighbourRanges: ReadonlyArray<{ readonly bin: number; readonly from: number; readonly to: number }>;
  /** The outer bins' positions in the input's order: the low one is [0, lowEnd), the high one [highStart, n). */
  readonly lowEnd: number;
  readonly highStart: number;
}

/** The fewest trials of a tail bin: one of 2 x this is halved, a smaller one is not. */
export const TAIL_MIN_TRIALS = 20;

/** A tail's extreme bin has its noise estimated from neighbours once its outer bin was halved this many times. */
export const NEIGHBOURS_AFTER_HALVINGS = 3;

/**
 * Position ranges of one outer bin, [from, to) of `size` positions starting at `start`, halved
 * towards the extreme (the low end when `low`), innermost first.
 */
function halves(start: number, size: number, low: boolean): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let rest = size;
  while (rest >= 2 * TAIL_MIN_TRIALS) {
    const h = Math.floor(rest / 2);
    // The inner rest - h positions of what remains form a bin; the extreme h remain.
    parts.push(low ? [start + h, start + rest] : [start + size - rest, start + size - h]);
    rest = h;
  }
  parts.push(low ? [start, start + rest] : [start + size - rest, start + size]);
  return parts;
}

/**
 * The input's tail bins (see TailBins), written into `out` (n values).
 * @example tailBins(input, out).count // => 32 at 50,000 trials (K = 20: 18 inner bins, 7 a tail)
 * Complexity: O(n).
 */
export function tailBins(bin: Uint16Array, bins: number, order: Int32Array, out: Uint16Array): TailBins {
  const n = order.length;
  if (bins < 2 || n === 0) {
    out.set(bin);
    return { bin: out, count: bins, neighbourRanges: [], lowEnd: 0, highStart: n };
  }
  // Equal-count bins of the ranks: bin 0 is the first positions of the order, bin K - 1 the last.
  let lowSize = 0;
  while (lowSize < n && bin[order[lowSize]!] === 0) lowSize++;
  let highSize = 0;
  while (highSize < n - lowSize && bin[order[n - 1 - highSize]!] === bins - 1) highSize++;
  const low = halves(0, lowSize, true).reverse(); // extreme first
  const high = halves(n - highSize, highSize, false);
  // halves gives one range more than it halved.
  const neighbourBins = new Set<number>();
  const ranges: Array<[number, number]> = [...low];
  const innerFirst = low.length;
  for (let k = 1; k < bins - 1; k++) ranges.push([-1, -1]);
  ranges.push(...high);
  const count = ranges.length;
  if (low.length > NEIGHBOURS_AFTER_HALVINGS) neighbourBins.add(0);
  if (high.length > NEIGHBOURS_AFTER_HALVINGS) neighbourBins.add(count - 1);
  // Inner bins keep prepareInput's, shifted past the low tail's.
  for (let r = lowSize; r < n - highSize; r++) out[order[r]!] = innerFirst + bin[order[r]!]! - 1;
  const neighbourRanges: Array<{ bin: number; from: number; to: number }> = [];
  ranges.forEach(([from, to], b) => {
    if (from < 0) return;
    for (let r = from; r < to; r++) out[order[r]!] = b;
    if (neighbourBins.has(b)) neighbourRanges.push({ bin: b, from, to });
  });
  return { bin: out, count, neighbourRanges, lowEnd: lowSize, highStart: n - highSize };
}
