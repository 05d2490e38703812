import type { ChunkResult } from '../model/simulate-chunk.js';
import type { TrialLayout } from '../model/trial-layout.js';
import type { ChunkSpec } from './chunks.js';

/**
 * Per-trial results of a run, one typed array per column (float64 for headline totals, float32
 * for breakdowns), filled chunk by chunk at each chunk's offset, so the order of arrival does not
 * matter.
 */
export class TrialStore {
  readonly columns: ReadonlyArray<Float64Array | Float32Array>;
  private readonly chunkSums: Array<Float64Array | undefined>;

  constructor(
    readonly layout: TrialLayout,
    readonly trials: number,
    chunks: number,
  ) {
    this.columns = layout.columns.map((c) => (c.precision === 'f64' ? new Float64Array(trials) : new Float32Array(trials)));
    this.chunkSums = new Array<Float64Array | undefined>(chunks).fill(undefined);
  }

  /** Bytes needed to store `trials` trials of this layout. */
  static bytesPerTrial(layout: TrialLayout): number {
    return layout.columns.reduce((sum, c) => sum + (c.precision === 'f64' ? 8 : 4), 0);
  }

  /** Copy a chunk's values into place. */
  add(spec: ChunkSpec, result: ChunkResult): void {
    const n = result.trials;
    let wide = 0;
    let narrow = 0;
    for (const column of this.columns) {
      if (column instanceof Float64Array) column.set(result.wide.subarray(wide * n, ++wide * n), spec.offset);
      else column.set(result.narrow.subarray(narrow * n, ++narrow * n), spec.offset);
    }
    // A copy: the chunk's buffers are reused for the next chunk.
    this.chunkSums[spec.index] = result.componentSums.slice();
  }

  /** Copy the given chunks' trials and sums from another store of the same layout (a shorter run). */
  copyChunks(from: TrialStore, chunks: readonly ChunkSpec[]): void {
    for (const spec of chunks) {
      this.columns.forEach((col, c) => col.set(from.columns[c]!.subarray(spec.offset, spec.offset + spec.trials), spec.offset));
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
