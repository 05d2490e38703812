import type { Scenario } from '../scenario/scenario-schema.js';
import type { ScenarioFiles } from '../scenario/scenario-files.js';
import type { ChunkBuffers } from '../model/simulate-chunk.js';
import type { ActualsInput } from '../actuals/reforecast.js';
import type { TierRows } from '../model/tier-rows.js';
import type { TablesInTask } from './table-handoff.js';

/** What the main thread sends a worker for one chunk: plain data, cloned across the thread boundary. */
export interface ChunkTask extends TablesInTask {
  readonly scenario: Scenario;
  /** Customer books and pipelines: typed arrays on SharedArrayBuffers, shared with the worker, not copied. */
  readonly files: ScenarioFiles | undefined;
  /** What the scenario is (run-key.ts): workers compile each scenario once and reuse it for its chunks. */
  readonly hash: string;
  readonly seed: string;
  readonly chunk: number;
  readonly trials: number;
  /** Where to write the results: SharedArrayBuffers, shared with the worker, not copied; its answer is views on them. Reused by a later chunk once this one's results are merged. */
  readonly buffers: ChunkBuffers;
  /** A re-forecast's actuals, and their digest (workers compile each re-forecast once). */
  readonly actuals?: { readonly input: ActualsInput; readonly key: string };
  /**
   * Set to 1 by the main thread when the run is cancelled: one Int32 on a SharedArrayBuffer, shared
   * by every chunk of the run. A warm pool lets a running chunk finish (stopping it would cost the
   * thread), but a chunk still queued that finds the flag set returns at once, unsimulated.
   */
  readonly cancelled?: Int32Array;
  /** Tiers to read back instead of simulating, and where to save the others: views on SharedArrayBuffers (tier-row-cache.ts). */
  readonly tierRows?: TierRows;
  // Also (TablesInTask) the plan's aggregate tables, built once in the main thread, on SharedArrayBuffers:
  // the worker adopts them instead of building its own (model/sum-tables.ts); sent until every thread has them (table-handoff.ts).
}

/** The message of a chunk skipped because its run was cancelled while it waited in the queue. */
export const CHUNK_SKIPPED = 'chunk skipped: its run was cancelled';

/**
 * A flag for `ChunkTask.cancelled`, not yet set. It holds 0 while the run goes on, STOPPED_ALL once
 * the run is stopped (every chunk still queued returns unsimulated), or k + 1 once chunk k failed:
 * the chunks after k return unsimulated, the ones before it still run, so that the run can report
 * its lowest-numbered failing chunk (a queue shared with other runs need not be first in, first out).
 */
export const cancelFlag = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));

const STOPPED_ALL = -1;

/** Whether a task is not to be simulated: its run was stopped, or a chunk before it failed. */
export const wasCancelled = (task: Pick<ChunkTask, 'cancelled' | 'chunk'>): boolean => {
  if (task.cancelled === undefined) return false;
  const v = Atomics.load(task.cancelled, 0);
  return v === STOPPED_ALL || (v > 0 && task.chunk >= v);
};

/** Stop the whole run: every chunk still queued returns unsimulated. */
export const stopAllChunks = (flag: Int32Array): void => {
  Atomics.store(flag, 0, STOPPED_ALL);
};

/** Chunk `chunk` failed: the chunks after it return unsimulated (the bound only ever comes down; a stopped run stays stopped). */
export function stopChunksAfter(flag: Int32Array, chunk: number): void {
  for (;;) {
    const v = Atomics.load(flag, 0);
    if (v === STOPPED_ALL || (v > 0 && v <= chunk + 1)) return;
    if (Atomics.compareExchange(flag, 0, v, chunk + 1) === v) return;
  }
}
