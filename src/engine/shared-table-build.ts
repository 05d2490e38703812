import type { Piscina } from 'piscina';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { bindChunkSamplers } from '../model/simulate-chunk.js';
import { adoptSumTables, buildClaimedTable, claimedTableCount, collectSumTableKeys, shareSumTables, sumTableKeysToBuild, type SharedSumTables } from '../model/sum-tables.js';
import type { TableBuildTask } from './table-build-task.js';
import { untilPoolEmptied } from './worker-pool.js';

const built = new WeakMap<ScenarioPlan, Promise<readonly SharedSumTables[]>>();

/**
 * A plan's aggregate tables (plan-sum-tables.ts builds the same ones serially), built by the main
 * thread and `helpers` threads of `pool` side by side: each takes the next table nobody has claimed (an
 * Int32 counted up with Atomics.add), so a thread still loading takes none and the main thread waits
 * at most for the tables the helpers are building when the list runs out (one each). Built once per plan.
 *
 * Why: the run's chunks wait for every table, and the main thread alone took about 0.2 s of CPU
 * (0.3-2 s of wall time on a loaded host) while the pool's threads, loaded, sat idle. A table is a
 * deterministic function of its key (sum-tables.ts), so a set built by a helper holds the doubles
 * the main thread would have built (test/engine/shared-table-build.test.ts compares them).
 * A helper that fails (a thread that cannot start, a scenario its thread cannot compile) gives
 * nothing: the tables it had claimed are built here, and its chunks report the error as before.
 */
export function poolSumTables(plan: ScenarioPlan, pool: Piscina, helpers: number, run: Omit<TableBuildTask, 'buildTables'>): Promise<readonly SharedSumTables[]> {
  let tables = built.get(plan);
  if (!tables) {
    tables = buildSideBySide(plan, pool, helpers, run);
    built.set(plan, tables);
  }
  return tables;
}

async function buildSideBySide(plan: ScenarioPlan, pool: Piscina, helpers: number, run: Omit<TableBuildTask, 'buildTables'>): Promise<readonly SharedSumTables[]> {
  try {
    return await buildKeys(collectSumTableKeys(() => bindChunkSamplers(plan)), pool, helpers, run);
  } catch {
    // A plan whose samplers cannot be bound (or tables built) gives no tables: the workers build their own and report its error (as planSumTables).
    return [];
  }
}

async function buildKeys(keys: readonly string[], pool: Piscina, helpers: number, run: Omit<TableBuildTask, 'buildTables'>): Promise<readonly SharedSumTables[]> {
  const toBuild = sumTableKeysToBuild(keys);
  if (helpers > 0 && toBuild.length > 0) {
    const claim = new Int32Array(new SharedArrayBuffer((1 + helpers) * Int32Array.BYTES_PER_ELEMENT));
    const shares = Array.from({ length: helpers }, (_, helper) => {
      const task: TableBuildTask = { ...run, buildTables: { keys: toBuild, claim, helper } };
      return untilPoolEmptied(pool, pool.run(task) as Promise<readonly SharedSumTables[]>).catch((): readonly SharedSumTables[] => []);
    });
    const count = claimedTableCount(toBuild);
    for (let i = Atomics.add(claim, 0, 1); i < count; i = Atomics.add(claim, 0, 1)) {
      buildClaimedTable(toBuild, i);
      // Let the event loop turn: piscina hands a thread that has just loaded its helper task here.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The list is claimed out: a helper that has not begun claiming will build nothing (its task,
    // still queued or compiling the plan, is not waited for: its answer is dropped).
    const claiming = shares.filter((_, helper) => Atomics.load(claim, 1 + helper) === 1);
    for (const share of await Promise.all(claiming)) adoptSumTables(share);
  }
  // Every key's tables, in the serial build's order; those a failed helper had claimed are built here.
  return shareSumTables(keys);
}
