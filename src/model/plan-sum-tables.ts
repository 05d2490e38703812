import type { ScenarioPlan } from './scenario-plan.js';
import { bindChunkSamplers } from './simulate-chunk.js';
import { collectSumTableKeys, shareSumTables, type SharedSumTables } from './sum-tables.js';

const built = new WeakMap<ScenarioPlan, readonly SharedSumTables[]>();

/**
 * The aggregate tables of a plan's sum samplers, built in this thread once per plan, to send to the
 * worker threads with the plan's chunks (sum-tables.ts says why). The keys are found the way a chunk
 * finds them: the samplers a chunk binds are bound (bindChunkSamplers). A plan whose samplers cannot be
 * bound here gives no tables: the workers then build their own, and report its error as before.
 * Complexity: about 5 ms a table not built yet in this thread (0.2 s for the example), then O(1).
 */
export function planSumTables(plan: ScenarioPlan): readonly SharedSumTables[] {
  let tables = built.get(plan);
  if (!tables) {
    try {
      tables = shareSumTables(collectSumTableKeys(() => bindChunkSamplers(plan)));
    } catch {
      tables = [];
    }
    built.set(plan, tables);
  }
  return tables;
}
