import type { ChunkResult } from '../model/simulate-chunk.js';
import type { Column, TrialLayout } from '../model/trial-layout.js';
import type { ChunkSpec } from './chunks.js';

/**
 * Which columns a store keeps for its first trials only (see TrialStoreOptions.ownDrawTrials): the
 * drivers' own draws, read by the attribution from the first trials alone.
 */
const shortened = (c: Column) => c.kind === 'ownDraw';

export interface TrialStoreOptions {
  /**
   * Keep the drivers' own draws (`own.*` columns) for the first this many trials only, when nothing
   * reads them beyond (the attribution reads the first ATTRIBUTION_TRIALS; trials.csv, part files and
   * a re-forecast read them all). At a million trials this saves 4 bytes a trial for each driver with
   * an own draw (61 MB for the example). Default: every trial.
   */
  readonly ownDrawTrials?: number;
}

/**
 * Per-trial results of a run, one typed array per column (float64 for headline totals, float32
 * for breakdowns), filled chunk by chunk at each chunk's offset, so the order of arrival does not
 * matter.
 */
export class TrialStore {
  readonly columns: ReadonlyArray<Float64Array | Float32Array>;
  private readonly chunkSums: Array<Float64Array | undefined>;
  /** True when some column holds fewer than `trials` trials (TrialStoreOptions.ownDrawTrials). */
  readonly shortened: boolean;

  constructor(
    readonly layout: TrialLayout,
    readonly trials: number,
    chunks: number,
    options: TrialStoreOptions = {},
  ) {
    const short = Math.min(trials, options.ownDrawTrials ?? trials);
    const rows = (c: Column) => (shortened(c) ? short : trials);
    this.columns = layout.columns.map((c) => (c.precision === 'f64' ? new Float64Array(rows(c)) : new Float32Array(rows(c))));
    this.shortened = layout.columns.some((c) => rows(c) < trials);
    this.chunkSums = new Array<Float64Array | undefined>(chunks).fill(undefined);
  }

  /** Bytes needed to store `trials` trials of this layout (every column whole). */
  static bytesPerTrial(layout: TrialLayout): number {
    return layout.columns.reduce((sum, c) => sum + (c.precision === 'f64' ? 8 : 4), 0);
  }

  /** Copy a chunk's values into place (a shortened column takes the rows it has room for). */
  add(spec: ChunkSpec, result: ChunkResult): void {
    const n = result.trials;
    let wide = 0;
    let narrow = 0;
    for (const column of this.columns) {
      const from = column instanceof Float64Array ? result.wide : result.narrow;
      const k = column instanceof Float64Array ? wide++ : narrow++;
      const rows = Math.min(n, column.length - spec.offset);
      if (rows > 0) column.set(from.subarray(k * n, k * n + rows), spec.offset);
    }
    // A copy: the chunk's buffers are reused for the next chunk.
    this.chunkSums[spec.index] = result.componentSums.slice();
  }

  /** Copy the given chunks' trials and sums from another store of the same layout (a shorter run). */
  copyChunks(from: TrialStore, chunks: readonly ChunkSpec[]): void {
    for (const spec of chunks) {
      this.columns.forEach((col, c) => {
        const end = Math.min(spec.offset + spec.trials, col.length);
        if (end <= spec.offset) return;
        const source = from.columns[c]!;
        if (source.length < end) throw new Error(`column ${this.layout.columns[c]!.key} of the run to resume holds ${source.length} trials, fewer than the ${end} this run keeps`);
        col.set(source.subarray(spec.offset, end), spec.offset);
      });
      const sums = from.chunkSums[spec.index];
      if (!sums) throw new Error(`chunk ${spec.index} is missing from the run to resume`);
      this.chunkSums[spec.index] = sums.slice();
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

  /** The column with this key (see TrialLayout; aliases resolved), or undefined. */
  column(key: string): Float64Array | Float32Array | undefined {
    const i = this.layout.index.get(this.layout.aliases.get(key) ?? key);
    return i === undefined ? undefined : this.columns[i];
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
