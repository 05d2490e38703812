import type { SharedSumTables } from '../model/sum-tables.js';
import { adoptSumTables } from '../model/sum-tables.js';

/**
 * What a chunk task carries of its run's aggregate tables: the tables (views on SharedArrayBuffers,
 * plan-sum-tables.ts), and the run's handoff, through which each worker thread says it has them.
 */
export interface TablesInTask {
  readonly sumTables?: readonly SharedSumTables[];
  readonly tableHandoff?: { readonly id: number; readonly adopted: Int32Array };
}

let runs = 0;

/**
 * Whether the main thread builds a run's tables to send (planSumTables): only when two or more threads
 * could otherwise each build them. A run whose chunks all go to one thread (a single chunk, or a pool
 * of one thread) leaves them to that thread, which builds, as an in-process run does, only the tables its
 * draws and its rule ask for (the example: 33 of the 55 at 1 trial, 45 at 1,000, 49 at 10,000:
 * bench/tables-drawn.mjs), each once, and no message carries them. The tables are the same numbers
 * either way (deterministic: sum-tables.ts), so the draws are too.
 */
export function mainBuildsTables(chunks: number, threads: number): boolean {
  return chunks > 1 && threads > 1;
}

/**
 * Sends a run's aggregate tables with its chunks until every thread of the pool has taken them, then
 * no more. Cloning the example's 55 tables into a message and out of it costs about 0.25 ms (their
 * 110 arrays and their records), at every chunk: 25 ms of CPU a 100,000-trial run, 0.25 s at 1,000,000.
 * Each thread counts itself once per run in `adopted`, an Int32 on a SharedArrayBuffer; chunks sent
 * once the count reaches the pool's threads carry none. A thread that has not taken them (one that
 * replaced a failed thread: the count does not tell threads apart) builds its own, the same numbers
 * (tables are deterministic: sum-tables.ts), only slower.
 */
export class TableHandoff {
  private readonly id = ++runs;
  private readonly adopted = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

  constructor(
    private readonly tables: readonly SharedSumTables[],
    private readonly threads: number,
  ) {}

  /** The fields of the next task: the tables and the handoff, or nothing once every thread has them. */
  forTask(): TablesInTask {
    if (this.tables.length === 0 || Atomics.load(this.adopted, 0) >= this.threads) return {};
    return { sumTables: this.tables, tableHandoff: { id: this.id, adopted: this.adopted } };
  }
}

/** The runs whose tables this thread has counted itself for (the most recent few). */
const counted = new Set<number>();
const COUNTED_KEPT = 64;

/** In a worker thread: adopt the task's tables, if it has any, and count this thread as having them (once a run). */
export function receiveTables(task: TablesInTask): void {
  if (!task.sumTables) return;
  adoptSumTables(task.sumTables);
  const handoff = task.tableHandoff;
  if (!handoff || counted.has(handoff.id)) return;
  if (counted.size >= COUNTED_KEPT) counted.delete(counted.values().next().value!);
  counted.add(handoff.id);
  Atomics.add(handoff.adopted, 0, 1);
}
