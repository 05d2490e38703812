import type { ScenarioPlan } from '../model/scenario-plan.js';
import { bindChunkSamplers } from '../model/simulate-chunk.js';
import { buildClaimedSumTables, collectSumTableKeys, type SharedSumTables } from '../model/sum-tables.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import type { ScenarioFiles } from '../scenario/scenario-files.js';

/**
 * What the main thread sends a pool thread to build aggregate tables beside it (shared-table-build.ts):
 * the run's scenario (the thread compiles its plan, kept for the run's chunks, and binds its samplers,
 * which makes the table sets in this thread), the keys to build and the counter they are claimed by.
 */
export interface TableBuildTask {
  readonly scenario: Scenario;
  readonly files: ScenarioFiles | undefined;
  /** The chunks' plan key (run-key.ts): the plan compiled here is the one the run's chunks then use. */
  readonly hash: string;
  /** `claim[0]` counts the tables claimed; `claim[1 + helper]` is set once this helper claims (sum-tables.ts). */
  readonly buildTables: { readonly keys: readonly string[]; readonly claim: Int32Array; readonly helper: number };
}

export const isTableBuildTask = (task: object): task is TableBuildTask => 'buildTables' in task;

/** In a pool thread: build the claimed keys' tables (on SharedArrayBuffers: the answer copies none). */
export function runTableBuildTask(task: TableBuildTask, plan: ScenarioPlan): readonly SharedSumTables[] {
  collectSumTableKeys(() => bindChunkSamplers(plan));
  return buildClaimedSumTables(task.buildTables.keys, task.buildTables.claim, task.buildTables.helper);
}
