import { confidenceRanks, intervalOutsideSample, ONE_TRIAL } from './order-statistics.js';
import { type7Position } from '../math/type7-position.js';
import { SortWorkspace } from '../math/sorted-values.js';
import { quantile, type QuantileEstimate } from './tail.js';
import { expectedShortfallEstimate, sortedShortfallEstimate, type ShortfallEstimate } from './shortfall.js';

/**
 * The type-7 p-quantile of ascending sorted[0..n), with its distribution-free 95% interval: the
 * same numbers `quantile()` (tail.ts) selects, read from a sorted copy.
 *
 * @example sortedEstimate(Float64Array.of(1, 2, 3, 4), 4, 0.5).value // => 2.5
 * Complexity: O(1).
 */
export function sortedEstimate(sorted: Float64Array, n: number, p: number): QuantileEstimate {
  return estimateAt((rank) => sorted[rank]!, n, p);
}

/**
 * The same estimate from any reader of the ascending order statistics (`at(rank)`, 0-based): what
 * sortedEstimate reads of a sorted copy, read from wherever the order statistics are (rank-select.ts).
 * From a single value the interval is null (ONE_TRIAL), and so it is when its 95% interval would
 * reach beyond the lowest or highest value (intervalOutsideSample: a P1 of 100 trials).
 *
 * @example estimateAt((r) => [1, 2, 3, 4][r]!, 4, 0.5).value // => 2.5
 * Complexity: O(1), four reads at most.
 */
export function estimateAt(at: (rank: number) => number, n: number, p: number): QuantileEstimate {
  const h = type7Position(n, p);
  const lo = Math.floor(h);
  const xlo = at(lo);
  const value = h === lo ? xlo : xlo + (h - lo) * (at(lo + 1) - xlo);
  // One value: no neighbouring order statistic to bound the quantile with (ONE_TRIAL).
  if (n < 2) return { value, interval: null, notEstimable: ONE_TRIAL };
  const outside = intervalOutsideSample(n, p);
  if (outside !== undefined) return { value, interval: null, notEstimable: outside };
  const [a, b] = confidenceRanks(n, p);
  return { value, interval: [at(a), at(b)] };
}

/**
 * Expected shortfall from ascending sorted[0..n): the mean of the lowest ceil(share x n) values
 * (sortedShortfallEstimate's: compensated sum in ascending order), the value its interval is centred on.
 * Complexity: O(share x n).
 */
export function sortedShortfall(sorted: Float64Array, n: number, share: number): number {
  return sortedShortfallEstimate(sorted, n, share).value;
}

interface Wanted {
  readonly quantiles: Set<number>;
  readonly shortfalls: Set<number>;
}

interface Known {
  readonly quantiles: Map<number, QuantileEstimate>;
  readonly shortfalls: Map<number, ShortfallEstimate>;
}

/**
 * Order statistics of columns, each column ordered once: what the decisions read (budgets, P10s,
 * expected shortfalls) is declared first (`want`), then computed for a column the first time its
 * values are at hand in order, whoever ordered them (`record` from sorted values, `recordLowest` from
 * the summary's selection and its sorted lowest values), and only the
 * few numbers are kept, never the sorted copy: a million-trial summary holds one sorted column at a
 * time.
 */
export class OrderFigures {
  private readonly wanted = new Map<string, Wanted>();
  private readonly known = new Map<string, Known>();
  private scratch: Float64Array | undefined;
  private workspace: SortWorkspace | undefined;

  /** Declare figures of column `key` that will be asked for. */
  want(key: string, figures: { readonly quantiles?: readonly number[]; readonly shortfalls?: readonly number[] }): void {
    const w = this.wanted.get(key) ?? { quantiles: new Set<number>(), shortfalls: new Set<number>() };
    for (const p of figures.quantiles ?? []) w.quantiles.add(p);
    for (const s of figures.shortfalls ?? []) w.shortfalls.add(s);
    this.wanted.set(key, w);
  }

  /** True when column `key` has figures wanted and not computed yet. */
  needs(key: string): boolean {
    return this.wanted.has(key) && !this.known.has(key);
  }

  /** True when column `key` has figures wanted that need its values in order (an expected shortfall), not only some ranks. */
  needsOrder(key: string): boolean {
    return (this.wanted.get(key)?.shortfalls.size ?? 0) > 0;
  }

  /**
   * How many of column `key`'s n lowest values its wanted shortfalls add (the largest
   * ceil(share x n), at least 1): what recordLowest needs in order. 0 when none is wanted.
   */
  lowestNeeded(key: string, n: number): number {
    let k = 0;
    for (const s of this.wanted.get(key)?.shortfalls ?? []) k = Math.max(k, Math.max(1, Math.ceil(s * n)));
    return Math.min(k, n);
  }

  /** The 0-based ranks the wanted quantiles of column `key` read among its n values (none for a key not wanted). */
  ranks(key: string, n: number): number[] {
    const ranks: number[] = [];
    for (const p of this.wanted.get(key)?.quantiles ?? [])
      estimateAt(
        (rank) => {
          ranks.push(rank);
          return 0;
        },
        n,
        p,
      );
    return ranks;
  }

  /**
   * Compute the wanted quantiles of column `key` from a reader of its order statistics (`at(rank)`
   * for the ranks `ranks(key, n)` gives), all of its n values finite. For a column with no shortfall
   * wanted (needsOrder false).
   */
  recordAt(key: string, at: (rank: number) => number, n: number): void {
    const w = this.wanted.get(key);
    if (!w || n === 0) return;
    if (w.shortfalls.size > 0) throw new Error(`${key}: a shortfall needs the sorted values`);
    this.known.set(key, { quantiles: new Map([...w.quantiles].map((p) => [p, estimateAt(at, n, p)])), shortfalls: new Map() });
  }

  /**
   * Compute every wanted figure of column `key` from a reader of its order statistics (`at(rank)`
   * for the ranks `ranks(key, n)` gives) and its lowestNeeded(key, n) lowest values in ascending
   * order, lowest[0..), all of its n values finite: the numbers `record` gives from the whole column
   * sorted, bit for bit (the shortfalls add the same values in the same order).
   */
  recordLowest(key: string, at: (rank: number) => number, lowest: Float64Array, n: number): void {
    const w = this.wanted.get(key);
    if (!w || n === 0) return;
    if (lowest.length < this.lowestNeeded(key, n)) throw new Error(`${key}: ${lowest.length} lowest values, fewer than the shortfalls add`);
    this.known.set(key, {
      quantiles: new Map([...w.quantiles].map((p) => [p, estimateAt(at, n, p)])),
      shortfalls: new Map([...w.shortfalls].map((s) => [s, sortedShortfallEstimate(lowest, n, s)])),
    });
  }

  /**
   * Compute every wanted figure of column `key` from its values sorted ascending, sorted[0..n), which
   * must be all of the column's values (none left out as non-finite).
   */
  record(key: string, sorted: Float64Array, n: number): void {
    const w = this.wanted.get(key);
    if (!w || n === 0) return;
    this.known.set(key, {
      quantiles: new Map([...w.quantiles].map((p) => [p, sortedEstimate(sorted, n, p)])),
      shortfalls: new Map([...w.shortfalls].map((s) => [s, sortedShortfallEstimate(sorted, n, s)])),
    });
  }

  /** The p-quantile of column `key` (values: the column), sorting it now if no one has. */
  quantile(key: string, values: ArrayLike<number>, p: number): QuantileEstimate {
    const q = this.lookup(key, values).quantiles.get(p);
    if (!q) throw new Error(`quantile ${p} of ${key} was not declared`);
    return q;
  }

  /** The expected shortfall at `share` of column `key`, sorting it now if no one has. */
  expectedShortfall(key: string, values: ArrayLike<number>, share: number): number {
    return this.shortfallEstimate(key, values, share).value;
  }

  /** The expected shortfall at `share` of column `key` with its 95% interval, centred on that same value. */
  shortfallEstimate(key: string, values: ArrayLike<number>, share: number): ShortfallEstimate {
    const s = this.lookup(key, values).shortfalls.get(share);
    if (s === undefined) throw new Error(`shortfall ${share} of ${key} was not declared`);
    return s;
  }

  private lookup(key: string, values: ArrayLike<number>): Known {
    const known = this.known.get(key);
    if (known) return known;
    if (!this.scratch || this.scratch.length < values.length) this.scratch = new Float64Array(values.length);
    this.workspace ??= new SortWorkspace();
    const n = this.workspace.sortFinite(values, this.scratch);
    if (n === values.length) this.record(key, this.scratch, n);
    else {
      // Decisions read columns whose values are all finite; were one not, the selection of old (which
      // keeps every value) answers, as it always did.
      const w = this.wanted.get(key) ?? { quantiles: new Set<number>(), shortfalls: new Set<number>() };
      const scratch = new Float64Array(values.length);
      this.known.set(key, {
        quantiles: new Map([...w.quantiles].map((p) => [p, quantile(values, p, scratch)])),
        shortfalls: new Map([...w.shortfalls].map((s) => [s, expectedShortfallEstimate(values, s, scratch)])),
      });
    }
    return this.known.get(key)!;
  }
}
