import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ChunkSpec } from '../engine/chunks.js';
import type { ChunkResult } from '../model/simulate-chunk.js';
import type { TrialLayout } from '../model/trial-layout.js';
import { AsciiBuffer } from './ascii-buffer.js';
import { makeTempDir, tempPathBeside } from './temp-dir.js';
import { formatTrialRows, trialsCsvLayout, type TrialsCsvLayout } from './trials-csv.js';
import { REPORT_FILES } from './report-files.js';

/**
 * trials.csv written while the run simulates, chunk by chunk as the results come in, rather than
 * from the whole store once the run is over: at a million trials its 790 MB of text took about 6 s of
 * the main thread after the last chunk, which is otherwise idle while the workers simulate. The
 * bytes are writeTrialsCsv's (the same header and row formatting, formatTrialRows), read from each
 * chunk's own results, so the store need not keep the drivers' own draws for every trial.
 *
 * The file is written into a temporary directory of its own beside the report (temp-dir.ts: claimed
 * from its first moment, so a run killed outright leaves it for the next run to remove), and moved
 * into the report's temporary directory when the report is written (`moveInto`), so the report is
 * still whole or not at all. A run that fails or stops calls `discard`.
 *
 * Chunks may arrive in any order: a chunk's rows are formatted when it arrives, and written once
 * every chunk before it has been (those that came early wait as bytes, a few at a time).
 */
export class TrialsCsvStream {
  /** The run's trials.csv columns, from the first chunk's layout on. */
  private csv: TrialsCsvLayout | undefined;
  /** Per CSV column: 1 when its stored column is float64 (in a chunk's `wide`), 0 for float32 (`narrow`). */
  private fromWide = new Uint8Array(0);
  /** Per CSV column: its stored column's place among the chunk's float64 or float32 columns. */
  private place = new Int32Array(0);
  private readonly buffer = new AsciiBuffer();
  private block = new Float64Array(0);
  /** Formatted chunks waiting for an earlier one, by chunk index. */
  private readonly waiting = new Map<number, Uint8Array>();
  private next = 0;
  private fd: number | undefined;
  /** The first write error: the file is then no use, and moveInto throws it. */
  private error: unknown;
  private closed = false;

  private constructor(
    /** Chunks of the whole run: the file is complete once 0 .. chunks - 1 are written. */
    private readonly chunks: number,
    /** The temporary directory holding the file. */
    readonly dir: string,
    /** The scenario's currency (its minor unit sets the decimals of amounts). */
    private readonly currency: string,
  ) {
    this.fd = openSync(this.file, 'w');
  }

  /**
   * Start trials.csv for a run of `chunks` chunks, in a new temporary directory beside `out` (the
   * report's resolved directory; its parent must exist), of a scenario in `currency`.
   */
  static open(out: string, chunks: number, currency: string): TrialsCsvStream {
    const dir = tempPathBeside(out, 'trials');
    makeTempDir(dir);
    try {
      return new TrialsCsvStream(chunks, dir, currency);
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /** The file being written. */
  get file(): string {
    return join(this.dir, REPORT_FILES.trials);
  }

  /** Take a chunk's results (the run's chunk `spec`, of this layout): its rows are formatted now, and written in chunk order. */
  accept(spec: ChunkSpec, result: ChunkResult, layout: TrialLayout): void {
    if (this.closed || this.error !== undefined) return;
    if (!this.csv) this.start(layout);
    this.format(spec, result);
    if (spec.index === this.next) {
      this.write(this.buffer.view());
      this.next++;
      for (let bytes = this.waiting.get(this.next); bytes; bytes = this.waiting.get(this.next)) {
        this.waiting.delete(this.next);
        this.write(bytes);
        this.next++;
      }
    } else this.waiting.set(spec.index, this.buffer.view().slice());
    this.buffer.clear();
  }

  /** The columns of trials.csv for this layout, and its header written. */
  private start(layout: TrialLayout): void {
    const csv = trialsCsvLayout(layout, this.currency);
    let wide = 0;
    let narrow = 0;
    const place = layout.columns.map((c) => (c.precision === 'f64' ? wide++ : narrow++));
    this.fromWide = Uint8Array.from(csv.sources, (i) => (layout.columns[i]!.precision === 'f64' ? 1 : 0));
    this.place = Int32Array.from(csv.sources, (i) => place[i]!);
    this.csv = csv;
    this.write(csv.header);
  }

  /** The chunk's rows into `buffer`: each CSV column's values widened into one float64 block first. */
  private format(spec: ChunkSpec, result: ChunkResult): void {
    const n = result.trials;
    const { sources, decimals, money } = this.csv!;
    if (this.block.length < sources.length * n) this.block = new Float64Array(sources.length * n);
    const block = this.block;
    for (let c = 0; c < sources.length; c++) {
      const k = this.place[c]!;
      block.set((this.fromWide[c] ? result.wide : result.narrow).subarray(k * n, k * n + n), c * n);
    }
    formatTrialRows(this.buffer, block, n, spec.offset, decimals, money);
  }

  private write(bytes: Uint8Array): void {
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(this.fd!, bytes, written);
    } catch (err) {
      this.error = err;
    }
  }

  /**
   * Move the finished file to `target` (in the report's temporary directory, on the same file
   * system) and remove this stream's directory. Throws the first write error, or an Error if a chunk
   * is missing.
   */
  moveInto(target: string): void {
    this.close();
    if (this.error !== undefined) throw this.error;
    if (this.next !== this.chunks) throw new Error(`trials.csv was written for ${this.next} of ${this.chunks} chunks`);
    renameSync(this.file, target);
    this.discard();
  }

  /**
   * Close the file and remove this stream's directory (synchronous: also on a forced exit). Never
   * throws: it runs as a failed run ends, whose own error must be the one reported. A directory that
   * cannot be removed (its folder made read-only meanwhile) is left claimed, its owner file in it
   * (rmSync stops at the directory it may not remove), for the next run writing there to remove.
   */
  discard(): void {
    this.close();
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // Left for the next run: see above.
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.waiting.clear();
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch (err) {
        this.error ??= err;
      }
      this.fd = undefined;
    }
  }
}
