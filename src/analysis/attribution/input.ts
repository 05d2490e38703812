import { normalCdf, normalQuantile } from '../../math/normal-cdf.js';
import { type7Position } from '../../math/type7-position.js';
import { float32OrderKey } from '../../math/sorted-values.js';
import { BLOCK } from '../../math/float64-blocks.js';
import { meanAll } from '../../math/mean-all.js';
import { lowerBound, upperBound } from '../ranks.js';
import { TORNADO_HALF_WIDTH } from './tornado.js';

/**
 * One independent input of a metric, prepared once and shared by every metric it is attributed
 * to: the market factor or one driver's own year-level draw. Sorting happens here, once.
 */
export interface PreparedInput {
  /** Each trial's percentile of the input in (0, 1]: rank / n for an own draw, Φ(z) for the market. */
  readonly percentile: Float64Array;
  /** Each trial's bin 0..bins-1: equal-count bins of the input's ranks. */
  readonly bin: Uint16Array;
  readonly bins: number;
  /** The regressor, standardised: the own draw's value, or z for the market. */
  readonly x: Float64Array;
  /** The trials in ascending order of the input (ties in trial order): the neighbours firstOrderShares pairs. */
  readonly order: Int32Array;
  /**
   * The input's values sorted ascending: its empirical quantiles (z for the market); float32 when
   * the values were (an own draw's column), float64 otherwise.
   */
  readonly sorted: Float64Array | Float32Array;
  /**
   * How `percentile` was read: 'own', its rank; 'market', Φ(z) of a factor drawn from N(0, 1), whose
   * value at percentile p is then Φ⁻¹(p) (inputValueAt).
   */
  readonly kind: 'own' | 'market';
}

/**
 * The input's value at percentile p: Φ⁻¹(p) for a market factor read as N(0, 1), else its
 * empirical quantile (its sorted values, type 7).
 * @example inputValueAt(market, 0.1) // => -1.2816
 * Complexity: O(1).
 */
export function inputValueAt(input: PreparedInput, p: number): number {
  return input.kind === 'market' ? normalQuantile(p) : sortedQuantile(input.sorted, p);
}

/**
 * The input's percentile at value v, the inverse of inputValueAt: Φ(v) for a market factor read as
 * N(0, 1), else where v falls among its sorted values (type 7: index h / (n - 1), linear between
 * neighbours; the middle of a run of values equal to v; 0 below the least, 1 above the greatest).
 * @example inputPercentileAt(own, inputValueAt(own, 0.3)) // => 0.3 (between distinct values)
 * Complexity: O(log n).
 */
export function inputPercentileAt(input: PreparedInput, v: number): number {
  if (input.kind === 'market') return normalCdf(v);
  const s = input.sorted;
  const n = s.length;
  if (n < 2) return 0.5;
  if (v < s[0]!) return 0;
  if (v > s[n - 1]!) return 1;
  const lo = lowerBound(s, v);
  // A run of values equal to v: its middle.
  if (s[lo] === v) return ((lo + upperBound(s, v) - 1) / 2) / (n - 1);
  // s[lo - 1] < v < s[lo]
  return (lo - 1 + (v - s[lo - 1]!) / (s[lo]! - s[lo - 1]!)) / (n - 1);
}

/**
 * The drawn value a tornado end at percentile p stands for, and the percentile its trials share
 * (their average rank / n, as atomPercentileAt), when the input is discrete there. Its value at p is
 * the one drawn there (the least draw with at least a share p of the draws at or below it: type 1).
 * The input is discrete there when that value is itself an atom that can stand for the end (drawn
 * in atomMaterialRun(n) trials or more: a quarter of the band's), or when most of the draws of the
 * band around p (the ranks within halfWidth of p) are of such atoms: a discrete driver whose value
 * at p is rare, between values drawn often. The end is then the trials of that value alone, however
 * few. Undefined for the market and for continuous draws or many values each drawn a few times (the
 * end is then the band of trials around p).
 *
 * A value at p drawn in fewer than atomMinRun trials took the band: conversion 2% drawn in 2 of
 * 2,000 trials at the P10, with 1% in the 198 below, was shown beside revenue's median of the 1%
 * years (321k for about 620k), and, the type-7 quantile falling between 2% and a run of 5%, as a
 * value never drawn (4.7%). Taken whenever the value or a draw beside it was in a run of atomMinRun
 * (3 at 2,000 trials), a driver of 1,000 equally weighted values (about 2 trials each) took its P10
 * end from one value's trials in 174 of 200 seeds, 135 of them too few for an interval, where the
 * band held about 200 trials.
 *
 * @example drawnAtomAt(discrete1and2and5, 0.1) // => { value: 0.02, percentile: 0.09975 }
 * Complexity: O(log n), and O(halfWidth x n x log n) where the value at p is no atom.
 */
export function drawnAtomAt(input: PreparedInput, p: number, halfWidth = TORNADO_HALF_WIDTH): { value: number; percentile: number } | undefined {
  if (input.kind === 'market') return undefined;
  const s = input.sorted;
  const n = s.length;
  if (n === 0) return undefined;
  const value = s[Math.max(0, Math.ceil(p * n) - 1)]!;
  const r = lowerBound(s, value);
  const end = upperBound(s, value);
  const material = atomMaterialRun(n, halfWidth);
  const atom = { value, percentile: (r + 1 + end) / 2 / n };
  if (end - r >= material) return atom;
  // The band's ranks, and how many of its draws are of runs of `material` or more: most, and the band
  // would be the other values' trials (the 1% years beside a rare 2%); few, and it is the values near p.
  const lo = Math.max(0, Math.floor((p - halfWidth) * n));
  const hi = Math.min(n, Math.ceil((p + halfWidth) * n));
  const most = (hi - lo) / 2;
  let inAtoms = 0;
  for (let i = lo; i < hi; ) {
    if (inAtoms + (hi - i) < most) return undefined;
    const runEnd = upperBound(s, s[i]!);
    if (runEnd - lowerBound(s, s[i]!) >= material) inAtoms += Math.min(runEnd, hi) - i;
    i = runEnd;
  }
  return inAtoms >= most && hi > lo ? atom : undefined;
}

/**
 * The fewest equal draws of n that stand for a tornado end by themselves: a quarter of the trials of
 * the band (2 x halfWidth x n: 50 of 2,000 at P5 to P15), and at least atomMinRun(n).
 * @example atomMaterialRun(2_000) // => 50
 */
export function atomMaterialRun(n: number, halfWidth = TORNADO_HALF_WIDTH): number {
  return Math.max(atomMinRun(n), Math.ceil((2 * halfWidth * n) / 4));
}

/**
 * The fewest equal draws of n read as a discrete value rather than ties of a continuous draw: 3, and
 * 0.1% of the draws from 3,000. A continuous draw stored as float32 repeats a value by rounding:
 * at 50,000 trials a renewal rate has about a thousand pairs and a few triples (scenarios/example.yaml,
 * seed 1), and a run of 0.1% of the trials (50) would need a spread of a few float32 steps. A
 * discrete value of two draws only (a weight near 1 / n) is then taken as a continuous draw's.
 * @example atomMinRun(2_000) // => 3; atomMinRun(50_000) // => 50
 */
export function atomMinRun(n: number): number {
  return Math.max(3, Math.ceil(n / 1000));
}

/**
 * The value a driver can take at a crossing beside a run of equal draws (a discrete or empirical
 * driver): for 'at least' v, the least draw >= v, with the share of draws below it as its
 * percentile; for 'at most' v, the greatest draw <= v, with the share at or below it. Undefined
 * when that draw is not in a run of two or more (continuous draws: v stands), or for the market.
 * @example drawnValueAt(discrete357, 0.0602, true) // => { value: 0.07, percentile: 0.667 }
 * Complexity: O(log n).
 */
export function drawnValueAt(input: PreparedInput, v: number, atLeast: boolean): { value: number; percentile: number } | undefined {
  if (input.kind === 'market') return undefined;
  const s = input.sorted;
  const n = s.length;
  if (atLeast) {
    const i = lowerBound(s, v);
    if (i >= n || upperBound(s, s[i]!) - i < 2) return undefined;
    return { value: s[i]!, percentile: i / n };
  }
  const j = upperBound(s, v);
  if (j === 0 || j - lowerBound(s, s[j - 1]!) < 2) return undefined;
  return { value: s[j - 1]!, percentile: j / n };
}

/**
 * How many equal-count bins for n trials: about 250 trials a bin, from 4 to 20. More bins cut the
 * discretisation bias but add (2K - 1) / n of noise to each share.
 *
 * @example binCount(100_000) // => 20
 * Complexity: O(1).
 */
export function binCount(n: number): number {
  return Math.max(4, Math.min(20, Math.floor(n / 250)));
}

/**
 * The order of the values: each rounded to float32, its bits made order-preserving as an unsigned
 * 32-bit key (sign bit flipped for positives, all bits flipped for negatives; -0 keyed as +0), then a stable LSD
 * radix sort of the indices by key in three passes of 11, 11 and 10 bits. Float32 rounding only ties
 * values within 6e-8 of each other (relative): the model stores its columns in float32 anyway.
 *
 * @example Array.from(radixOrder(Float64Array.of(0.3, -1, 0.2)).order) // => [1, 2, 0]
 * Complexity: O(n) time (3 passes), O(n) memory.
 */
export function radixOrder(values: ArrayLike<number>, scratch?: OrderScratch): { order: Int32Array; keys: Uint32Array } {
  const n = values.length;
  const keys = scratch ? scratch.keys.subarray(0, n) : new Uint32Array(n);
  orderKeys(values, keys);
  const order = scratch ? scratch.order.subarray(0, n) : new Int32Array(n);
  const next = scratch ? scratch.next.subarray(0, n) : new Int32Array(n);
  // Made before the loop below: a loop V8 compiles while it runs deoptimised at its exit on code
  // that had not run yet (this construction), once a call.
  const count = new Int32Array(3 * 2048);
  for (let i = 0; i < n; i++) order[i] = i;
  // Every pass's digit counted in one read of the keys (a pass's counts are those of all the keys,
  // whatever their order), then three passes, back and forth: order -> next -> order -> next.
  countDigits(keys, count);
  orderPass(keys, order, next, 0, 0x7ff, count.subarray(0, 2048));
  orderPass(keys, next, order, 11, 0x7ff, count.subarray(2048, 4096));
  orderPass(keys, order, next, 22, 0x3ff, count.subarray(4096));
  return { order: next, keys };
}

/** radixOrder's block of values rounded to float32, and its bits. */
const rounded = new Float32Array(BLOCK);
const roundedBits = new Uint32Array(rounded.buffer);

/**
 * Each value's order key: rounded to float32 (a typed array's values a block at a time, natively:
 * the same rounding as one by one), -0 read as +0 (so the two tie), its bits made order-preserving (float32OrderKey).
 */
function orderKeys(values: ArrayLike<number>, keys: Uint32Array): void {
  const typed = ArrayBuffer.isView(values) && !(values instanceof DataView);
  for (let from = 0; from < keys.length; from += BLOCK) {
    const size = Math.min(BLOCK, keys.length - from);
    if (typed) rounded.set((values as unknown as Float64Array).subarray(from, from + size));
    else for (let i = 0; i < size; i++) rounded[i] = values[from + i]!;
    // -0 is read as +0: equal values, one key, so they tie (the keys of the two differ).
    for (let i = 0; i < size; i++) {
      const bits = roundedBits[i]!;
      keys[from + i] = float32OrderKey(bits === 0x80000000 ? 0 : bits);
    }
  }
}

/** The counts of each key's three digits (bits 0-10, 11-21, 22-31): count[d x 2048 + digit]. */
function countDigits(keys: Uint32Array, count: Int32Array): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    count[key & 0x7ff]!++;
    count[2048 + ((key >>> 11) & 0x7ff)]!++;
    count[4096 + (key >>> 22)]!++;
  }
}

/**
 * One stable counting pass of the indices in `order` into `next`, by the digit (key >>> shift) & mask
 * of their keys, given how many keys have each digit (countDigits; made the digits' first positions here).
 */
function orderPass(keys: Uint32Array, order: Int32Array, next: Int32Array, shift: number, mask: number, count: Int32Array): void {
  const n = order.length;
  let sum = 0;
  for (let b = 0; b <= mask; b++) {
    const c = count[b]!;
    count[b] = sum;
    sum += c;
  }
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    next[count[(keys[i]! >>> shift) & mask]!++] = i;
  }
}

/** Buffers for radixOrder to work in (each at least as long as the values); what it returns are views of them. */
interface OrderScratch {
  readonly keys: Uint32Array;
  readonly order: Int32Array;
  readonly next: Int32Array;
}

/**
 * prepareInput's radixOrder buffers, kept between calls (it hands none of them out): a summary ranks
 * about 17 inputs of 50,000 trials, 10 MB of garbage with fresh ones each time.
 */
let orderScratch: OrderScratch | undefined;

function orderScratchFor(n: number): OrderScratch {
  if (!orderScratch || orderScratch.keys.length < n) orderScratch = { keys: new Uint32Array(n), order: new Int32Array(n), next: new Int32Array(n) };
  return orderScratch;
}

/**
 * Room for the arrays of several inputs in one ArrayBuffer (attributionInputs): `inputs` inputs of n
 * trials each. Why one block: an input's arrays are 400 KB each at 50,000 trials, small enough that
 * glibc's malloc serves them from its heap, which keeps the freed memory resident after the summary
 * (about 22 MB for the example's 17 inputs, resident through the report at a million trials); one
 * block of 22 MB is mapped on its own and unmapped once collected. The values are the same.
 */
export class InputArena {
  private readonly buffer: ArrayBuffer;
  private readonly reused: boolean;
  private at = 0;

  /**
   * `reuse`: a block the caller is done with (a summary's sort buffers: summarize.ts), taken instead
   * of a new one when it is large enough; each array handed out of it is zeroed first (an input with
   * no spread reads zeros), and only those: bytes an input does not take (a float32 input's sorted
   * values take half of what bytesPerInput allows) are never touched, so take no memory.
   */
  constructor(n: number, inputs: number, reuse?: ArrayBuffer) {
    const bytes = inputs * InputArena.bytesPerInput(n);
    this.reused = reuse !== undefined && reuse.byteLength >= bytes;
    this.buffer = this.reused ? reuse! : new ArrayBuffer(bytes);
  }

  /** At most how many bytes one input's arrays take: sorted, percentile and x (float64), order (int32) and bin (uint16), each rounded up to 8 bytes. */
  static bytesPerInput(n: number): number {
    return 3 * 8 * n + Math.ceil((4 * n) / 8) * 8 + Math.ceil((2 * n) / 8) * 8;
  }

  float64(n: number): Float64Array {
    const a = new Float64Array(this.buffer, this.at, n);
    this.at += 8 * n;
    return this.reused ? a.fill(0) : a;
  }

  /** n float32 values, rounded up to 8 bytes (what follows stays aligned for float64). */
  float32(n: number): Float32Array {
    const a = new Float32Array(this.buffer, this.at, n);
    this.at += Math.ceil((4 * n) / 8) * 8;
    return this.reused ? a.fill(0) : a;
  }

  /** n int32 values, rounded up to 8 bytes. */
  int32(n: number): Int32Array {
    const a = new Int32Array(this.buffer, this.at, n);
    this.at += Math.ceil((4 * n) / 8) * 8;
    return this.reused ? a.fill(0) : a;
  }

  uint16(n: number): Uint16Array {
    const a = new Uint16Array(this.buffer, this.at, n);
    this.at += Math.ceil((2 * n) / 8) * 8;
    return this.reused ? a.fill(0) : a;
  }
}

/**
 * Prepare an input from its per-trial values. `kind: 'own'` ranks them (percentile = average rank /
 * n, ties sharing one); `kind: 'market'` reads them as z ~ N(0, 1) and uses Φ(z). Bins are always
 * equal-count bins of the ranks: bin = floor((rank - 1) K / n), ties in one bin.
 *
 * @example prepareInput(Float64Array.of(0.3, 0.1, 0.2, 0.4), 'own', 2).percentile // => [0.75, 0.25, 0.5, 1]
 * Complexity: O(n), a radix sort.
 */
export function prepareInput(values: ArrayLike<number>, kind: 'own' | 'market', bins = binCount(values.length), arena?: InputArena): PreparedInput {
  // Any kind but 'market' ('markets', 'Market') was read as 'own': ranks for percentiles, not Φ(z).
  if (kind !== 'own' && kind !== 'market') throw new RangeError(`prepareInput: kind must be 'own' or 'market' (got ${typeof kind === 'string' ? JSON.stringify(kind) : typeof kind})`);
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`prepareInput: bins must be a whole number, at least 1 (got ${typeof bins === 'number' ? bins : typeof bins})`);
  const n = values.length;
  // Every pass reads a float64 copy of the values (the same numbers: a float32's is exact), so each
  // loop meets one array type whatever the column's: the market's z is float64, an own draw float32,
  // and a loop that met both was compiled again for the second (a run prepares about 17 inputs once each).
  const v = float64Copy(values);
  const { order, keys } = radixOrder(v, orderScratchFor(n));
  // A float32 input's values in order are float32 too (the same numbers, half the memory: 17 inputs
  // of 50,000 trials are a million-trial summary's largest block, beside the whole store).
  const single = values instanceof Float32Array;
  const sorted = single ? (arena ? arena.float32(n) : new Float32Array(n)) : arena ? arena.float64(n) : new Float64Array(n);
  const percentile = arena ? arena.float64(n) : new Float64Array(n);
  const bin = arena ? arena.uint16(n) : new Uint16Array(n);
  const k = Math.max(1, Math.min(bins, n));
  rankInto(order, keys, k, percentile, bin);
  if (single) gatherFloat32(v, order, sorted as Float32Array);
  else gatherFloat64(v, order, sorted as Float64Array);
  if (kind === 'market') marketPercentiles(v, percentile);
  // radixOrder's order is a view of the scratch buffers the next input reuses: kept as a copy.
  const kept = arena ? arena.int32(n) : new Int32Array(n);
  kept.set(order);
  return { percentile, bin, bins: k, x: standardise(v, arena), order: kept, sorted, kind };
}

/**
 * prepareInput's ranks: runs of equal (float32) values share their average 1-based rank; each trial's
 * percentile (rank / n; the market's is then Φ(z): marketPercentiles) and bin. A function of its
 * own whose loop is followed only by its end: V8 compiles a long loop while it runs (on-stack
 * replacement), and code after it that had not run yet deoptimised that compiled loop at its exit.
 */
function rankInto(order: Int32Array, keys: Uint32Array, k: number, percentile: Float64Array, bin: Uint16Array): void {
  const n = order.length;
  for (let r = 0; r < n; ) {
    let end = r + 1;
    while (end < n && keys[order[end]!] === keys[order[r]!]) end++;
    const rank = (r + 1 + end) / 2;
    for (let j = r; j < end; j++) {
      const i = order[j]!;
      percentile[i] = rank / n;
      bin[i] = Math.min(k - 1, Math.floor(((rank - 1) * k) / n));
    }
    r = end;
  }
}

/** The values in `order` (an input's sorted values), one function per array type so each loop meets one. */
function gatherFloat64(values: Float64Array, order: Int32Array, out: Float64Array): void {
  for (let j = 0; j < out.length; j++) out[j] = values[order[j]!]!;
}

function gatherFloat32(values: Float64Array, order: Int32Array, out: Float32Array): void {
  for (let j = 0; j < out.length; j++) out[j] = values[order[j]!]!;
}

/** A market factor's percentiles: Φ(z) of each trial's z (in place of rankInto's rank / n). */
function marketPercentiles(z: Float64Array, percentile: Float64Array): void {
  for (let i = 0; i < z.length; i++) percentile[i] = normalCdf(z[i]!);
}

/** prepareInput's float64 copy of an input's values, kept between calls (it hands it out to no one). */
let valuesScratch = new Float64Array(0);

/** The values as a float64 view of valuesScratch (a typed array's copied natively: exact). */
function float64Copy(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  if (valuesScratch.length < n) valuesScratch = new Float64Array(n);
  const v = valuesScratch.subarray(0, n);
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) v.set(values as unknown as Float64Array);
  else for (let i = 0; i < n; i++) v[i] = values[i]!;
  return v;
}

/**
 * (v - mean) / sd, or zeros when v has no spread. O(n). Each pass is a function of its own whose loop
 * is followed only by its return (see rankInto): called once an input, a loop followed by more code
 * deoptimised at its exit on every call.
 */
function standardise(values: Float64Array, arena?: InputArena): Float64Array {
  const n = values.length;
  const m = meanAll(values);
  const sd = Math.sqrt(squaredDeviations(values, m) / n);
  const out = arena ? arena.float64(n) : new Float64Array(n);
  if (sd > 0) standardiseInto(values, m, sd, out);
  return out;
}

function squaredDeviations(values: Float64Array, m: number): number {
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i]! - m) ** 2;
  return ss;
}

function standardiseInto(values: Float64Array, m: number, sd: number, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) out[i] = (values[i]! - m) / sd;
}

/**
 * The type-7 p-quantile of ascending `sorted`.
 * @example sortedQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 * Complexity: O(1).
 */
export function sortedQuantile(sorted: Float64Array | Float32Array, p: number): number {
  const n = sorted.length;
  const h = type7Position(n, Math.min(1, Math.max(0, p)));
  const lo = Math.floor(h);
  return lo + 1 < n ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}
