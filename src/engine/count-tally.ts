/**
 * A count column's values (or logo renewal's) kept as how many trials had each value, not trial by
 * trial: for a run whose outputs read nothing of them but their Stat (TrialStoreOptions.tallyCounts).
 * 4 bytes for each whole number up to the largest met (at most 256 KB), whatever the trials (a
 * million trials' uint16 column: 2 MB). Whole numbers 0..65,535 are counted in an array, grown as
 * larger ones come; any other value (larger, fractional, negative, non-finite: a count never is, but
 * nothing is assumed) in an open-addressing table keyed by the value's bits (ValueCounts), -0 apart from +0.
 */
export class CountTally {
  private low: Uint32Array = new Uint32Array(256);
  private readonly other = new ValueCounts();
  private negativeZeros = 0;

  /** Count each of values[from..to). Allocates nothing but room for new values. Complexity: O(to - from). */
  add(values: ArrayLike<number>, from = 0, to = values.length): void {
    let low = this.low;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if ((v & 0xffff) === v && !(v === 0 && 1 / v < 0)) {
        if (v >= low.length) low = this.grow(v);
        low[v]!++;
      } else if (v === 0) this.negativeZeros++;
      else this.other.add(v);
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
    const others = this.other.entries().filter(([v]) => Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
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

/** Bits of a float64, read through these. */
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/**
 * How many times each value was met, by the value's bits (-0 apart), in an open-addressing
 * table of typed arrays: counting a value allocates nothing (a Map boxes each fractional key it is
 * given, twice a value). Logo renewal is such a column: a few hundred fractions, a million times.
 */
class ValueCounts {
  private keys = new Float64Array(64);
  private counts = new Float64Array(64);
  private used = new Uint8Array(64);
  /** 32 - log2(slots): a slot is the top bits of the hash (Fibonacci hashing). */
  private shift = 26;
  private size = 0;

  /** Count `v` once; NaN is not kept (select reads the finite values only). Complexity: O(1) amortised. */
  add(v: number): void {
    if (Number.isNaN(v)) return;
    if (2 * (this.size + 1) > this.used.length) this.rehash(2 * this.used.length);
    const slot = this.slotOf(v);
    if (this.used[slot] === 0) {
      this.used[slot] = 1;
      this.keys[slot] = v;
      this.size++;
    }
    this.counts[slot]!++;
  }

  /** The values met and their counts, in no order. Complexity: O(table size). */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.used.length; i++) if (this.used[i] === 1) out.push([this.keys[i]!, this.counts[i]!]);
    return out;
  }

  /** The slot holding `v`, or the empty one where it goes (linear probing from the hash of its bits). */
  private slotOf(v: number): number {
    scratch[0] = v;
    const lo = scratchWords[0]!;
    const hi = scratchWords[1]!;
    const mask = this.used.length - 1;
    for (let slot = Math.imul(Math.imul(hi, 0x85ebca6b) ^ lo, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      if (this.used[slot] === 0) return slot;
      scratch[0] = this.keys[slot]!;
      if (scratchWords[0] === lo && scratchWords[1] === hi) return slot;
    }
  }

  /** Move every value into a table of `capacity` slots (a power of two). */
  private rehash(capacity: number): void {
    const { keys, counts, used } = this;
    this.keys = new Float64Array(capacity);
    this.counts = new Float64Array(capacity);
    this.used = new Uint8Array(capacity);
    this.shift = 32 - Math.log2(capacity);
    for (let i = 0; i < used.length; i++) {
      if (used[i] === 0) continue;
      const slot = this.slotOf(keys[i]!);
      this.used[slot] = 1;
      this.keys[slot] = keys[i]!;
      this.counts[slot] = counts[i]!;
    }
  }
}
