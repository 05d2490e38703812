import type { ChunkResult } from '../model/simulate-chunk.js';
import type { Column, TrialLayout } from '../model/trial-layout.js';
import type { ChunkSpec } from './chunks.js';
import { RunningMoments } from '../math/running-moments.js';
import { freeBuffers } from './free-buffers.js';
import { CountTally } from './count-tally.js';

/**
 * Which columns a store keeps for its first trials only (see TrialStoreOptions.ownDrawTrials): the
 * drivers' own draws, read by the attribution from the first trials alone.
 */
const shortened = (c: Column) => c.kind === 'ownDraw';

/**
 * Which columns a store keeps as uint16 while every value fits: whole counts (customers won and
 * lost, leads), float32 in the layout, in chunk results and in part files. A count is a whole number
 * from 0 up; a uint16 holds each of 0..65,535 exactly, so the values read back are the float32 ones
 * bit for bit (-0 does not fit: a count is never -0, and would widen its column). At a million trials
 * this halves 4 MB a column (the example has 11). A column that meets a value that does not fit
 * (more than 65,535 leads in a trial, or anything not a whole number) is widened to float32 at once,
 * its values so far copied: see `fitsUint16` and TrialStore.put.
 */
const narrowed = (c: Column) => c.kind === 'count' && c.precision === 'f32';

/**
 * Which columns a store with tallyCounts keeps as tallies (CountTally): the counts, and logo renewal
 * (customers renewed / customers due: at most as many values as customers due). Their outputs read
 * their Stat only, and they take few distinct values, so a tally is small.
 */
const tallyable = (c: Column) => narrowed(c) || (c.kind === 'ratio' && c.ratio === 'logoRenewal' && c.precision === 'f32');

/** A stored column: float64 or float32 as the layout says, or uint16 for a count whose values all fit. */
export type StoredColumn = Float64Array | Float32Array | Uint16Array;

/** True when every value is a uint16 exactly: a whole number 0..65,535, and not -0. */
export function fitsUint16(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if ((v & 0xffff) !== v || (v === 0 && 1 / v < 0)) return false;
  }
  return true;
}

export interface TrialStoreOptions {
  /**
   * Keep the drivers' own draws (`own.*` columns) for the first this many trials only, when nothing
   * reads them beyond (the attribution reads the first ATTRIBUTION_TRIALS; trials.csv, part files and
   * a re-forecast read them all). At a million trials this saves 4 bytes a trial for each driver with
   * an own draw (61 MB for the example). Default: every trial.
   */
  readonly ownDrawTrials?: number;
  /**
   * Keep each count column (customers won and lost, leads) and logo renewal as how many trials had
   * each value (CountTally), not trial by trial: for a run whose outputs read nothing of them but
   * their Stat (the CLI without trials.csv). Such a column is undefined to `column` and empty in `columns`;
   * its moments (momentsOf) and order statistics (`tally`) are those of its values. At a million
   * trials this saves 2 MB a count and 4 MB a logo renewal (26 MB for the example). Default: false.
   */
  readonly tallyCounts?: boolean;
  /**
   * Keys (aliases resolved) of the columns the caller will keep when it releases the rest (release):
   * each gets an array of its own, outside the block the other columns share (see `slab`), so that
   * release frees the block without copying them out of it first (at a million trials, 8 MB a column
   * more at the peak). A hint for memory only: any column can be kept. Default: none.
   */
  readonly keepApart?: readonly string[];
}

/** The bits of a typed array's values, 32 at a time (a float64 as two words). */
const bits = (a: Float64Array | Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4);

/** True when words a[aFrom..aFrom + count) and b[bFrom..bFrom + count) are the same. Complexity: O(count). */
function sameWords(a: Uint32Array, aFrom: number, b: Uint32Array, bFrom: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}

/**
 * Copy words from[at..at + count) to to[into..]: a store copies a chunk's values into its columns by
 * their bits (exactly what TypedArray.prototype.set does between arrays of one type), without the view
 * per column and chunk that set() needs (about 90 a chunk, 90,000 in a million-trial run: garbage
 * that made the main thread's young generation grow; bench/RESULTS.md, twelfth session).
 * Complexity: O(count).
 */
function copyWords(from: Uint32Array, at: number, to: Uint32Array, into: number, count: number): void {
  for (let i = 0; i < count; i++) to[into + i] = from[at + i]!;
}

/**
 * Per-trial results of a run, one typed array per column (float64 for headline totals, float32
 * for breakdowns), filled chunk by chunk at each chunk's offset, so the order of arrival does not
 * matter.
 *
 * A column whose values are, bit for bit, those of an earlier column of the same type in every chunk
 * added so far (a tier's ending ARR and its bookings when nothing is booked for later years, dollar
 * renewal and GRR...) is not written: `columns` hands out the earlier column's array for it, and its
 * own array, allocated but never touched, takes no memory (4 MB a column at a million trials). The
 * first chunk that differs gives it its own values (the shared array copied, then the chunk's written).
 */
export class TrialStore {
  /** Read only: a column shared with an earlier one is that column's array. */
  readonly columns: ReadonlyArray<StoredColumn>;
  /** What `columns` hands out (a shared column: its twin's array). */
  private readonly view: StoredColumn[];
  /** Each column's own array (a shared column's untouched until it differs; a uint16 one replaced when widened). */
  private readonly own: StoredColumn[];
  /** Per column: -1 before the first chunk, c for a column of its own, else the earlier column it shares. */
  private readonly twin: Int32Array;
  private readonly chunkSums: Array<Float64Array | undefined>;
  /** True when some column holds fewer than `trials` trials (TrialStoreOptions.ownDrawTrials). */
  readonly shortened: boolean;
  /**
   * Each column's moments, folded chunk by chunk in chunk order as the chunks come in (see
   * momentsOf); undefined once values were put in by other means (putValues, merging parts).
   */
  private running: RunningMoments[] | undefined;
  /** Per chunk: its first trial and its trials, once it is in (-1 before). */
  private readonly spans: Int32Array;
  /**
   * The block every column is a view of, until `release` frees it. One block, not an array a column:
   * a block of 32 MiB or more is always mapped by glibc's malloc (its dynamic mmap threshold rises
   * to at most that) and unmapped when freed, whereas columns of 4 or 8 MB were taken from its heap
   * once a freed mapping had raised the threshold, and freeing them gave nothing back: a quiet
   * million-trial run kept the store's 290 MB resident to its end (bench/RESULTS.md, eleventh session).
   */
  private slab: ArrayBuffer | undefined;
  /** Chunks 0 .. folded - 1 are folded into `running`. */
  private folded = 0;
  /** Per column: its tally when it is kept as one (TrialStoreOptions.tallyCounts). */
  private readonly tallies: ReadonlyArray<CountTally | undefined>;
  /**
   * Per chunk in and not yet folded into the moments (chunks arrive in any order): its tallied
   * columns' values, one after the other (the chunk's buffers are reused for the next chunk).
   */
  private readonly pending: Array<Float32Array | undefined>;
  /** Buffers of folded chunks' tallied values, to reuse. */
  private readonly spare: Float32Array[] = [];
  /** Per column: its index among a chunk's float64 columns (ChunkResult.wide) or its float32 ones (narrow). */
  private readonly slot: Int32Array;
  /** Per column: 2 when it is float64 (two words a value), else 1. */
  private readonly wordsPerValue: Uint8Array;
  /** Per column: the words of its own array (undefined for a uint16 one). */
  private readonly ownWords: Array<Uint32Array | undefined>;
  /** Number of tallied columns. */
  private readonly talliedColumns: number;

  constructor(
    readonly layout: TrialLayout,
    readonly trials: number,
    chunks: number,
    options: TrialStoreOptions = {},
  ) {
    const short = Math.min(trials, options.ownDrawTrials ?? trials);
    const tallied = (c: Column) => options.tallyCounts === true && tallyable(c);
    const rows = (c: Column) => (tallied(c) ? 0 : shortened(c) ? short : trials);
    // Every column is a view of one block (see `slab`), but those the caller will keep (keepApart).
    const apart = new Set<number>();
    for (const key of options.keepApart ?? []) {
      const i = layout.index.get(layout.aliases.get(key) ?? key);
      if (i !== undefined) apart.add(i);
    }
    const bytes = (c: Column) => rows(c) * (c.precision === 'f64' ? 8 : narrowed(c) ? 2 : 4);
    const offsets = layout.columns.map(() => 0);
    let end = 0;
    layout.columns.forEach((c, i) => {
      offsets[i] = end;
      if (!apart.has(i)) end += Math.ceil(bytes(c) / 8) * 8;
    });
    const slab = new ArrayBuffer(end);
    this.slab = slab;
    this.own = layout.columns.map((c, i) => {
      const [buffer, at] = apart.has(i) ? [new ArrayBuffer(bytes(c)), 0] : [slab, offsets[i]!];
      return c.precision === 'f64' ? new Float64Array(buffer, at, rows(c)) : narrowed(c) ? new Uint16Array(buffer, at, rows(c)) : new Float32Array(buffer, at, rows(c));
    });
    this.view = [...this.own];
    this.columns = this.view;
    this.twin = new Int32Array(this.own.length).fill(-1);
    this.shortened = layout.columns.some((c) => rows(c) < trials);
    this.tallies = layout.columns.map((c) => (tallied(c) ? new CountTally() : undefined));
    this.chunkSums = new Array<Float64Array | undefined>(chunks).fill(undefined);
    this.running = layout.columns.map(() => new RunningMoments());
    this.spans = new Int32Array(2 * chunks).fill(-1);
    this.pending = new Array<Float32Array | undefined>(chunks).fill(undefined);
    this.talliedColumns = this.tallies.filter((t) => t).length;
    this.wordsPerValue = Uint8Array.from(layout.columns, (c) => (c.precision === 'f64' ? 2 : 1));
    let wide = 0;
    let narrow = 0;
    this.slot = Int32Array.from(layout.columns, (c) => (c.precision === 'f64' ? wide++ : narrow++));
    this.ownWords = this.own.map((a) => (a instanceof Uint16Array ? undefined : bits(a)));
  }

  /** Bytes needed to store `trials` trials of this layout (every column whole, none narrowed to uint16: the most it takes). */
  static bytesPerTrial(layout: TrialLayout): number {
    return layout.columns.reduce((sum, c) => sum + (c.precision === 'f64' ? 8 : 4), 0);
  }

  /**
   * Copy a chunk's values into place (a shortened column takes the rows it has room for). Allocates
   * nothing but two views of the chunk (a uint16 column aside, and a chunk that comes before the
   * chunks ahead of it, whose tallied values wait in a buffer reused from chunk to chunk).
   */
  add(spec: ChunkSpec, result: ChunkResult): void {
    const n = result.trials;
    const wideWords = bits(result.wide);
    const narrowWords = bits(result.narrow);
    // Tallied columns: counted now; their moments are folded in chunk order, from the chunk itself
    // when it is the next to fold (arrived, below), else from a copy made here.
    if (this.talliedColumns > 0) {
      const early = spec.index !== this.folded && spec.index >= 0 && spec.index < this.pending.length;
      let copy: Float32Array | undefined;
      if (early) {
        copy = this.spare.pop();
        if (copy === undefined || copy.length < this.talliedColumns * n) copy = new Float32Array(this.talliedColumns * n);
        this.pending[spec.index] = copy;
      }
      const copied = copy && bits(copy);
      let t = 0;
      for (let c = 0; c < this.own.length; c++) {
        const tally = this.tallies[c];
        if (!tally) continue;
        const from = this.slot[c]! * n;
        tally.add(result.narrow, from, from + n);
        if (copied) copyWords(narrowWords, from, copied, t * n, n);
        t++;
      }
    }
    // Column c's values in the chunk are the words [at, at + count) of the wide or the narrow ones
    // (wordsAt, wordCount).
    const source = (c: number) => (this.wordsPerValue[c] === 2 ? wideWords : narrowWords);
    const first = this.twin[0] === -1;
    for (let c = 0; c < this.own.length; c++) {
      if (first) {
        // The first chunk in: a column shares the first earlier one of its own that has the same
        // length and the same bits here.
        this.twin[c] = c;
        if (this.wordCount(c, spec, n) === 0) continue;
        for (let i = 0; i < c; i++) {
          if (this.twin[i] !== i || this.own[i]!.length !== this.own[c]!.length || this.own[i]!.constructor !== this.own[c]!.constructor) continue;
          if (!sameWords(source(i), this.wordsAt(i, n), source(c), this.wordsAt(c, n), this.wordCount(c, spec, n))) continue;
          this.twin[c] = i;
          this.view[c] = this.view[i]!;
          break;
        }
      } else if (this.twin[c] !== c && !sameWords(source(this.twin[c]!), this.wordsAt(this.twin[c]!, n), source(c), this.wordsAt(c, n), this.wordCount(c, spec, n))) this.separate(c);
    }
    for (let c = 0; c < this.own.length; c++) {
      const count = this.wordCount(c, spec, n);
      if (this.twin[c] !== c || count === 0) continue;
      const own = this.ownWords[c];
      const at = this.wordsAt(c, n);
      if (own) copyWords(source(c), at, own, spec.offset * this.wordsPerValue[c]!, count);
      else this.put(c, result.narrow.subarray(at, at + count), spec.offset);
    }
    // A copy: the chunk's buffers are reused for the next chunk.
    this.chunkSums[spec.index] = result.componentSums.slice();
    this.arrived(spec, result);
  }

  /** Where column c's values of a chunk of n trials start, in words of its wide or narrow values. */
  private wordsAt(c: number, n: number): number {
    return this.slot[c]! * n * this.wordsPerValue[c]!;
  }

  /** How many words of column c a chunk gives it (none for a tallied column, nor for a shortened one the chunk is past). */
  private wordCount(c: number, spec: ChunkSpec, n: number): number {
    return (this.tallies[c] ? 0 : Math.max(0, Math.min(n, this.own[c]!.length - spec.offset))) * this.wordsPerValue[c]!;
  }

  /**
   * Chunk `spec` is in: fold it, and every chunk after it that is already in, into the columns'
   * moments, in chunk order (the order of the trials, whatever order the chunks came in). A column
   * shared with a twin is read through its view: the same bits, for every chunk in so far.
   */
  private arrived(spec: ChunkSpec, result?: ChunkResult): void {
    if (!this.running || spec.index < 0 || spec.index >= this.chunkSums.length) return;
    this.spans[2 * spec.index] = spec.offset;
    this.spans[2 * spec.index + 1] = spec.trials;
    for (; this.folded < this.chunkSums.length && this.spans[2 * this.folded]! >= 0; this.folded++) {
      const offset = this.spans[2 * this.folded]!;
      const trials = this.spans[2 * this.folded + 1]!;
      // A tallied column's values of this chunk: in the chunk itself when it is the one just in, else
      // in the copy add made, one column after the other.
      const copy = this.pending[this.folded];
      this.pending[this.folded] = undefined;
      let t = 0;
      for (let c = 0; c < this.running.length; c++) {
        if (this.tallies[c]) {
          if (copy) this.running[c]!.fold(copy, t * trials, (t + 1) * trials);
          else this.running[c]!.fold(result!.narrow, this.slot[c]! * trials, (this.slot[c]! + 1) * trials);
          t++;
          continue;
        }
        const column = this.view[c]!;
        const end = Math.min(offset + trials, column.length);
        if (end > offset) this.running[c]!.fold(column, offset, end);
      }
      if (copy) this.spare.push(copy);
    }
  }

  /**
   * The moments of the column with this key (aliases resolved), folded chunk by chunk as the run
   * went on: the numbers RunningMoments gives folding the whole column at once, bit for bit.
   * Undefined until every chunk is in, for an unknown key, and for a store filled by putValues.
   */
  momentsOf(key: string): RunningMoments | undefined {
    if (!this.running || this.folded < this.chunkSums.length) return undefined;
    const i = this.layout.index.get(this.layout.aliases.get(key) ?? key);
    return i === undefined ? undefined : this.running[i];
  }

  /** Give shared column `c` its own values: its twin's so far (the same bits in every chunk in). */
  private separate(c: number): void {
    const shared = this.view[c]!;
    this.view[c] = this.own[c]!;
    this.twin[c] = c;
    this.put(c, shared, 0);
  }

  /**
   * Write `values` into column `c` (its own array) from row `offset` on. A uint16 column takes them
   * when every one fits (fitsUint16); otherwise it is first widened to float32 (its values so far
   * copied, exactly), so no value is ever changed by its column's type.
   */
  private put(c: number, values: ArrayLike<number>, offset: number): void {
    const column = this.own[c]!;
    if (column instanceof Uint16Array && !fitsUint16(values)) this.widen(c);
    this.own[c]!.set(values, offset);
  }

  /** Make uint16 column `c` a float32 one holding the same values, wherever it is handed out. */
  private widen(c: number): void {
    const narrow = this.own[c]!;
    const wide = new Float32Array(narrow.length);
    wide.set(narrow);
    this.own[c] = wide;
    this.ownWords[c] = bits(wide);
    this.view.forEach((v, i) => {
      if (v === narrow) this.view[i] = wide;
    });
  }

  /**
   * Write `values` (a part's trials, merging) into column `c` from row `offset` on, through the same
   * check as a chunk's (a uint16 column widened first when one does not fit). For a store filled by
   * parts only: a column shared with another (see add) is not expected here.
   */
  putValues(c: number, values: ArrayLike<number>, offset: number): void {
    if (this.tallies[c]) throw new Error(`column ${this.layout.columns[c]!.key} is kept as a tally (tallyCounts): parts go into a store of their own`);
    if (this.twin[c]! >= 0 && this.twin[c] !== c) throw new Error(`column ${this.layout.columns[c]!.key} shares another's values; parts go into a store of their own`);
    // Not folded as it goes: the summary reads such a store's moments from its columns.
    this.running = undefined;
    this.put(c, values, offset);
  }

  /** Copy the given chunks' trials and sums from another store of the same layout (a shorter run). */
  copyChunks(from: TrialStore, chunks: readonly ChunkSpec[]): void {
    if (this.tallies.some((t) => t) || from.tallies.some((t) => t)) throw new RangeError('a run whose counts are kept as tallies (tallyCounts) neither resumes nor is resumed from: its counts are not kept trial by trial');
    // Copied column by column: no column shares another's array from here on.
    this.twin.forEach((t, c) => {
      if (t >= 0 && t !== c) this.separate(c);
      else this.twin[c] = c;
    });
    for (const spec of chunks) {
      this.own.forEach((col, c) => {
        const end = Math.min(spec.offset + spec.trials, col.length);
        if (end <= spec.offset) return;
        const source = from.columns[c]!;
        // A RangeError, as every other refusal of a resumeFrom: the caller's to fix, not arrcast's fault.
        if (source.length < end)
          throw new RangeError(
            `column ${this.layout.columns[c]!.key} of the run to resume holds ${source.length} trials, fewer than the ${end} this run keeps (${from.released?.[c] === 1 ? 'its per-trial values were released: writeReport with releaseTrials' : 'its own draws were kept for fewer trials: ownDrawTrials'}); resume from a run that keeps them`,
          );
        this.put(c, source.subarray(spec.offset, end), spec.offset);
      });
      const sums = from.chunkSums[spec.index];
      if (!sums) throw new Error(`chunk ${spec.index} is missing from the run to resume`);
      this.chunkSums[spec.index] = sums.slice();
      this.arrived(spec);
    }
  }

  /** Number of chunks this store holds the component sums of. */
  get chunks(): number {
    return this.chunkSums.length;
  }

  /** The component sums of chunk `index` (see ChunkResult.componentSums), or undefined if it is not in yet. */
  chunkSumsAt(index: number): Float64Array | undefined {
    return this.chunkSums[index];
  }

  /** Put the component sums of chunk `index` in place (merging parts: their trials are copied column by column). */
  setChunkSums(index: number, sums: Float64Array): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.chunkSums.length) throw new RangeError(`chunk ${index} is outside this store (0 to ${this.chunkSums.length - 1})`);
    this.chunkSums[index] = sums.slice();
  }

  /** The column with this key (see TrialLayout; aliases resolved), or undefined (also once released, see release, or tallied, see tally). */
  column(key: string): StoredColumn | undefined {
    const i = this.layout.index.get(this.layout.aliases.get(key) ?? key);
    return i === undefined || this.released?.[i] === 1 || this.tallies[i] ? undefined : this.columns[i];
  }

  /** The tally of the count column with this key when it is kept as one (TrialStoreOptions.tallyCounts), else undefined. */
  tally(key: string): CountTally | undefined {
    const i = this.layout.index.get(this.layout.aliases.get(key) ?? key);
    return i === undefined ? undefined : this.tallies[i];
  }

  /** Per column: 1 once its values were released (see release). */
  private released: Uint8Array | undefined;

  /**
   * Give up the per-trial values of every column but those with the keys in `keep` (aliases
   * resolved), for a caller that owns the run and reads nothing else of its trials from here on (the
   * CLI, once the run is summarised, before its report is written): their arrays are detached at once
   * and their memory returned when the event loop next turns, not at V8's next full collection
   * (freeBuffers). A released column is undefined to `column` and empty in `columns`; its moments
   * (momentsOf) and the component sums stay. A kept column keeps its values in an array of its own
   * (copied out of the store's block, which goes whole): read it through `column` or `columns` after
   * this, as an array taken before reads empty. Releasing again releases more, never brings one back.
   */
  release(keep: Iterable<string>): void {
    const kept = new Set<StoredColumn>();
    for (const key of keep) {
      const c = this.column(key);
      if (c) kept.add(c);
    }
    const freed = new Set<ArrayBuffer>();
    const slab = this.slab;
    // A kept column that is a view of the block is copied out of it (once, however many names read
    // it), so that the block goes whole; a column widened out of it (widen) has a buffer of its own.
    const copies = new Map<StoredColumn, StoredColumn>();
    const keptOut = (a: StoredColumn): StoredColumn => {
      if (a.buffer !== slab) return a;
      let copy = copies.get(a);
      if (copy === undefined) copies.set(a, (copy = a.slice() as StoredColumn));
      return copy;
    };
    const empty = (a: StoredColumn): StoredColumn => {
      if (kept.has(a)) return keptOut(a);
      if (a.length > 0 && a.buffer !== slab) freed.add(a.buffer as ArrayBuffer);
      return a instanceof Float64Array ? new Float64Array(0) : a instanceof Uint16Array ? new Uint16Array(0) : new Float32Array(0);
    };
    const released = (this.released ??= new Uint8Array(this.own.length));
    this.view.forEach((v, c) => {
      if (kept.has(v)) {
        this.view[c] = keptOut(v);
        return;
      }
      released[c] = 1;
      this.view[c] = empty(v);
    });
    // A column's own array (unwritten for one that shares its twin's) goes unless it is what a kept column reads.
    this.own.forEach((o, c) => {
      this.own[c] = empty(o);
      this.ownWords[c] = undefined;
    });
    if (slab !== undefined) {
      freed.add(slab);
      this.slab = undefined;
    }
    freeBuffers([...freed]);
  }

  /**
   * Component sums over all trials, added in chunk order (float addition is not associative, so a
   * fixed order keeps results bit-identical whichever worker finished first).
   */
  componentSums(): Float64Array {
    const first = this.chunkSums.find((s) => s !== undefined);
    const total = new Float64Array(first?.length ?? 0);
    for (const sums of this.chunkSums) {
      if (!sums) throw new Error('a chunk is missing from the run');
      for (let k = 0; k < total.length; k++) total[k]! += sums[k]!;
    }
    return total;
  }
}
