import { aggregateStep, CELLS, MAX_MASS_ABOVE_RANGE, withAggregatePmf, type AggregatePmf, type Severity } from '../math/aggregate-pmf.js';
import { checkSource } from './parameter-error.js';
import { uint32Reader, type RandomSource } from './source.js';

/** Tables for S_k with k = 2^j, j from SMALLEST_LOG2 to LARGEST_LOG2 (4 to 64 deals). */
export const SMALLEST_LOG2 = 2;
export const LARGEST_LOG2 = 6;
/** Points of each table's quantile function (what an interior draw reads: 8 KB of cell numbers, so the tables in use stay in cache). */
export const QUANTILES = 1 << 12;

// A table keeps its quantiles as grid cell numbers in a Uint16Array: a cell beyond 0xffff would wrap
// silently, so a larger grid fails here, when the module loads.
if (CELLS - 1 > 0xffff) throw new RangeError(`aggregate grids of ${CELLS} cells: a table's cell numbers must fit 16 bits (at most 65,536 cells)`);

const TWO_NEG_32 = 2.3283064365386963e-10;
const RELATIVE_CACHED = 1024;
/** Mass of each tail of an aggregate not kept in its table's CDF (drawn at the nearest kept cell). */
const TOP_MASS = 1e-15;

/**
 * The table of one S_{2^j}: its quantile function at the probabilities m / QUANTILES (exact for the
 * gridded aggregate: q[m] is the smallest grid value whose CDF reaches m / QUANTILES), and its whole
 * CDF for the two outermost intervals, where the quantile function is too steep to interpolate.
 */
export interface PowerTable {
  /** The gridded aggregate's figures but its pmf and its step (the step is `h`, below). */
  readonly aggregate: Omit<AggregatePmf, 'pmf' | 'h'>;
  /**
   * The quantile function as grid cells: q[m] = cells[m] h (`tableQuantile`). A cell number below
   * CELLS = 2^15 fits 16 bits, so the quantiles an interior draw reads are 8 KB rather than 32 KB of
   * doubles: the example's 55 tables' quantiles take 0.45 MB of cache rather than 1.8, and a draw's
   * reads miss it less (the workers' CPU a trial fell about 5-10%: bench/RESULTS.md). The outermost
   * two intervals read `cdf` instead (up to 256 KB a table, bisected: 2 draws in 4,096). cells[m] h
   * is the product the doubles held, so q[m] and every draw are the same.
   */
  readonly cells: Uint16Array;
  /** The grid step: value of cell i is i h (read by every draw, as a field of the table itself). */
  readonly h: number;
  /**
   * The CDF over the cells the outermost intervals can reach: `cdf[i]` is P(S <= (first + i) h), from
   * the first cell where it reaches TOP_MASS to the last where it is below 1 - TOP_MASS (the mass
   * beyond either end, at most TOP_MASS each, is drawn at that end: part of the total-variation error).
   */
  readonly cdf: Float64Array;
  readonly first: number;
  /**
   * Bound on E|interpolated draw - exact gridded draw|: an interior interval's draw stays within its
   * gap q[m + 1] - q[m], taken with probability 1 / QUANTILES; the outermost two are exact. So
   * (q[QUANTILES - 1] - q[1]) / QUANTILES.
   */
  readonly interpolationError: number;
}

/** Build the table of S_k from its gridded aggregate (whose pmf it overwrites with its CDF: see withAggregatePmf). */
function powerTable(aggregate: AggregatePmf): PowerTable {
  const { pmf, h, ...rest } = aggregate;
  const n = pmf.length;
  let i = 0;
  while (pmf[i] === 0) i++;
  let top = n - 1;
  while (top > 0 && pmf[top] === 0) top--;
  // The pmf becomes its CDF in place (a scratch array): no second grid-sized array. Each loop is a
  // function of its own, compiled once (see aggregatePmf).
  const cdf = cumulate(pmf);
  // On SharedArrayBuffers: a table built once in the main thread is handed to the workers without a copy (sum-tables.ts).
  const cells = new Uint16Array(new SharedArrayBuffer((QUANTILES + 1) * Uint16Array.BYTES_PER_ELEMENT));
  cells[0] = i;
  fillQuantileCells(cdf, i, cells);
  cells[QUANTILES] = top;
  const interpolationError = (cells[QUANTILES - 1]! * h - cells[1]! * h) / QUANTILES;
  // Keep the CDF from the first cell where it reaches TOP_MASS to the last below 1 - TOP_MASS: the two
  // outer intervals need no more (the interior cells between them are kept too: simpler than two pieces).
  const first = firstReaching(cdf, 0, TOP_MASS);
  const last = firstReaching(cdf, first, 1 - TOP_MASS);
  const kept = sharedFloat64(last + 1 - first);
  kept.set(cdf.subarray(first, last + 1));
  return { aggregate: rest, cells, h, cdf: kept, first, interpolationError };
}

/** Running sums of `pmf`, in place. */
function cumulate(pmf: Float64Array): Float64Array {
  for (let j = 1; j < pmf.length; j++) pmf[j] = pmf[j - 1]! + pmf[j]!;
  return pmf;
}

/** cells[m], 0 < m < QUANTILES: the smallest grid cell (from cell `i` on) whose CDF reaches m / QUANTILES. */
function fillQuantileCells(cdf: Float64Array, i: number, cells: Uint16Array): void {
  const n = cdf.length;
  for (let m = 1; m < QUANTILES; m++) {
    while (i < n - 1 && cdf[i]! < m / QUANTILES) i++;
    cells[m] = i;
  }
}

/** A table's quantile q[m] = cells[m] h, 0 <= m <= QUANTILES: the smallest grid value whose CDF reaches m / QUANTILES. */
export function tableQuantile(t: PowerTable, m: number): number {
  return t.cells[m]! * t.h;
}

/** The first cell from `from` on where the CDF reaches `p` (the last cell if none does). */
function firstReaching(cdf: Float64Array, from: number, p: number): number {
  let i = from;
  while (i < cdf.length - 1 && cdf[i]! < p) i++;
  return i;
}

const sharedFloat64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT));

/**
 * The sums of k independent deals of one severity, sampled from tables of the aggregate
 * distribution (aggregate-pmf.ts) instead of deal by deal. Tables of S_k for k = 4, 8, 16, 32, 64,
 * each built the first time it is needed (deterministic: no random draw goes into a table); then
 * k = 64 q + r is drawn as q draws of S_64, one draw of S_{2^j} per set bit j >= 2 of r, and the
 * last r mod 4 deals (0 to 3) one by one from `single`. A table draw is one 32-bit uniform u: linear
 * interpolation of the table's quantile function at u, or, in the outermost intervals (u below
 * 1 / QUANTILES or above 1 - 1 / QUANTILES), exact inversion of its CDF.
 *
 * Error bound (`meanAbsError(k)`), in a coupling with an exact sum of k deals: E|S_table - S_exact|
 * <= the sum over the table draws of (a) the grid's rounding, sqrt(2^j h_j^2 / 4 + 4^j bias_j^2)
 * (each deal rounded to the nearest grid point: independent errors within h_j / 2 of mean bias_j, see
 * aggregatePmf), and (b) the interpolation, PowerTable.interpolationError; the deals drawn one by
 * one are exact. The means differ by at most the same. Truncation, wrap and the CDF's cut at
 * 1 - 1e-15 add a total-variation error below 2^j 1e-12 + 1e-9 a table draw. For a lognormal of sigma 0.6 that is below 0.2% of the
 * sum's mean from 4 to 200 deals, 0.25% at sigma 0.77 from 16 (test/random/compound-sum.test.ts checks it).
 */
export class CompoundSumTables {
  private readonly tables: (PowerTable | undefined)[] = [];
  /**
   * The RangeError of each table that could not be built, by j: thrown again, not built again (a
   * failed build costs as much as a table, and the rule asks for it on every sum of 1,024 deals or more).
   */
  private readonly failures: (RangeError | undefined)[] = [];
  private readonly relative = new Float64Array(RELATIVE_CACHED).fill(Number.NaN);

  constructor(readonly severity: Severity) {}

  /** The table of S_{2^j}, built on first use (about 10 ms). Throws a RangeError if its grid cannot hold the sum (the same one each time). */
  table(j: number): PowerTable {
    let t = this.tables[j];
    if (!t) {
      const failed = this.failures[j];
      if (failed) throw failed;
      try {
        t = withAggregatePmf(this.severity, 1 << j, (aggregate) => {
          if (!(aggregate.massAboveRange <= MAX_MASS_ABOVE_RANGE))
            throw new RangeError(`compound sum of ${1 << j} deals: ${aggregate.massAboveRange} of its mass lies beyond its grid`);
          return powerTable(aggregate);
        });
      } catch (err) {
        if (err instanceof RangeError) this.failures[j] = err;
        throw err;
      }
      this.tables[j] = t;
    }
    return t;
  }

  /**
   * Build every table of the set, S_4 to S_64 (about 5 ms each). A table whose grid cannot hold its
   * sum is left unbuilt: a draw that needs it throws its RangeError then, as without this.
   */
  buildAll(): void {
    for (let j = SMALLEST_LOG2; j <= LARGEST_LOG2; j++) {
      try {
        this.table(j);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
      }
    }
  }

  /** The tables built so far, by j (undefined where none is). */
  built(): readonly (PowerTable | undefined)[] {
    return this.tables;
  }

  /**
   * Take the table of S_{2^j} built elsewhere (another thread, by this code, for this same severity:
   * the same numbers it would build), unless this set has built its own.
   */
  adopt(j: number, table: PowerTable): void {
    if (j >= SMALLEST_LOG2 && j <= LARGEST_LOG2) this.tables[j] ??= table;
  }

  /**
   * The bound on E|S_table - S_exact| of a sum of k deals (the class comment); it also bounds the error
   * of the mean. Infinity when a table the sum needs cannot be built (its grid cannot hold the sum: a
   * severity with a tail far beyond its bulk, such as Beta(0.02, 5)): the tables cannot draw it.
   */
  meanAbsError(k: number): number {
    // The tables a sum of k deals draws: floor(k / 64) of S_64, one S_2^j per set bit j >= 2 of the rest.
    let bound = 0;
    for (let j = SMALLEST_LOG2; j <= LARGEST_LOG2; j++) {
      const times = j === LARGEST_LOG2 ? Math.floor(k / (1 << LARGEST_LOG2)) : (k >> j) & 1;
      if (times === 0) continue;
      const t = this.builtOrNone(j);
      if (!t) return Number.POSITIVE_INFINITY;
      const n = 1 << j;
      const { h } = t;
      const { biasPerDeal } = t.aggregate;
      bound += times * (Math.sqrt((n * h * h) / 4 + n * n * biasPerDeal * biasPerDeal) + t.interpolationError);
    }
    return bound;
  }

  /** The table of S_{2^j}, or undefined when its grid cannot hold the sum (`table`'s RangeError). */
  private builtOrNone(j: number): PowerTable | undefined {
    try {
      return this.table(j);
    } catch (err) {
      if (err instanceof RangeError) return undefined;
      throw err;
    }
  }

  /**
   * meanAbsError(64) over the standard deviation of a sum of 64 deals: whether the grid resolves the
   * sum's spread, not only its mean. The grid spans [0, 2R) whatever the spread, so for a severity
   * whose spread is tiny beside its mean (a lognormal of sigma 0.001, a Beta(1e6, 1)) the tables'
   * error is within 0.1% of the mean yet many times the sum's standard deviation. Infinity when the
   * table cannot be built.
   */
  spreadError(): number {
    const k = 1 << LARGEST_LOG2;
    return this.meanAbsError(k) / Math.sqrt(k * this.severity.variance);
  }

  /**
   * A lower bound on relativeError(k) read from the tables' grid steps alone, building no table: each
   * table draw's term of meanAbsError, sqrt(n h^2 / 4 + n^2 bias^2) + interpolationError, is at least
   * sqrt(n h^2 / 4), and its h is known before the table is built (aggregateStep: the same double). The
   * terms are summed in meanAbsError's order and each floating-point operation is monotone, so the
   * computed floor is at most the computed relativeError(k) (Infinity where a table cannot be built).
   * Where it is already above the rule's limit the rule says "deal by deal" without building tables
   * only to read their error (the example's widest ACVs, sigma 0.77 to 0.86: bench/RESULTS.md).
   */
  relativeErrorFloor(k: number): number {
    let floor = 0;
    for (let j = SMALLEST_LOG2; j <= LARGEST_LOG2; j++) {
      const times = j === LARGEST_LOG2 ? Math.floor(k / (1 << LARGEST_LOG2)) : (k >> j) & 1;
      if (times === 0) continue;
      const n = 1 << j;
      const h = aggregateStep(this.severity, n);
      floor += times * Math.sqrt((n * h * h) / 4);
    }
    return floor / (k * this.severity.mean);
  }

  /** meanAbsError(k) over the sum's mean, k mean: what the rule of bindSum reads (cached for k < 1024). */
  relativeError(k: number): number {
    if (k >= RELATIVE_CACHED) return this.meanAbsError(k) / (k * this.severity.mean);
    let r = this.relative[k]!;
    if (Number.isNaN(r)) r = this.relative[k] = this.meanAbsError(k) / (k * this.severity.mean);
    return r;
  }

  /**
   * Bind a sampler of S_k to a stream: `(k) => the sum of k deals`, k a whole number >= 0;
   * `single(n)` draws the sum of n <= 3 deals exactly from the same stream.
   */
  bind(source: RandomSource, single: (n: number) => number): (k: number) => number {
    const out = new Float64Array(1);
    const into = this.bindInto(
      source,
      (n) => {
        out[0] = single(n);
      },
      out,
    );
    return (k) => {
      into(k);
      return out[0]!;
    };
  }

  /**
   * `bind` writing each sum into `out[0]` instead of returning it (a fractional number returned from
   * a call that is not inlined is boxed, a heap number a sum; a slot is not): `(k) => void`, and
   * `single(n)` writes the sum of n <= 3 deals into the same `out[0]`. The same uniforms, the same
   * arithmetic, the same sums as `bind`.
   */
  bindInto(source: RandomSource, single: (n: number) => void, out: Float64Array): (k: number) => void {
    checkSource('compoundSum', source);
    const read = uint32Reader(source);
    // draw writes its value here rather than returning it (not boxed where draw is not inlined).
    const drawn = new Float64Array(1);
    const draw = (t: PowerTable): void => {
      const u = read() * TWO_NEG_32;
      const x = u * QUANTILES;
      const m = Math.floor(x);
      const cells = t.cells;
      if (m > 0 && m < QUANTILES - 1) {
        // q[m] + (x - m) (q[m + 1] - q[m]) with q[m] = cells[m] h, the product a table of doubles held.
        const h = t.h;
        const q = cells[m]! * h;
        drawn[0] = q + (x - m) * (cells[m + 1]! * h - q);
        return;
      }
      // The outermost intervals: the smallest grid cell whose CDF exceeds u, by bisection.
      const cdf = t.cdf;
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      drawn[0] = (t.first + lo) * t.h;
    };
    // The tables built (or adopted) so far, read in place; `table` builds one on first use.
    const built = this.tables;
    return (k: number): void => {
      let s = 0;
      if (k >= 1 << LARGEST_LOG2) {
        const top = built[LARGEST_LOG2] ?? this.table(LARGEST_LOG2);
        for (let q = Math.floor(k / (1 << LARGEST_LOG2)); q > 0; q--) {
          draw(top);
          s += drawn[0]!;
        }
      }
      // One table draw per set bit j of k from SMALLEST_LOG2 up, in that order: the set bits are
      // visited (lowest first) rather than each bit tested, so only the loop's exit is a branch
      // on the random count.
      let bits = (k >> SMALLEST_LOG2) & ((1 << (LARGEST_LOG2 - SMALLEST_LOG2)) - 1);
      while (bits !== 0) {
        const low = bits & -bits;
        const j = 31 - Math.clz32(low) + SMALLEST_LOG2;
        draw(built[j] ?? this.table(j));
        s += drawn[0]!;
        bits ^= low;
      }
      const rest = k & ((1 << SMALLEST_LOG2) - 1);
      if (rest > 0) {
        single(rest);
        out[0] = s + out[0]!;
      } else out[0] = s;
    };
  }
}
