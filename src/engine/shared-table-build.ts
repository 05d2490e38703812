import type { ScenarioPlan } from '../model/scenario-plan.js';
import { builtPlanSumTables, planSumTableKeys, planSumTables, rememberPlanSumTables } from '../model/plan-sum-tables.js';
import { claimSumTables, collectSumTableKeys, shareSumTables, type SharedSumTables } from '../model/sum-tables.js';
import { bindChunkSamplers } from '../model/simulate-chunk.js';

/**
 * A pool task asking a worker thread to build some of a run's aggregate tables beside the main
 * thread: it claims keys of `keys` in `owners` (claimSumTables) and builds the ones it gets.
 */
export interface TableBuildTask {
  readonly tableBuild: { readonly keys: readonly string[]; readonly owners: Int32Array; readonly id: number };
}

/** What a worker answers: the tables of the keys it claimed, by their index in `keys`. */
export type TableBuildResult = readonly { readonly i: number; readonly tables: SharedSumTables }[];

/** The main thread's id in `owners`; the helpers' are 2, 3, ... */
const MAIN = 1;

/**
 * A plan's aggregate tables (planSumTables' answer, the same numbers), built by the main thread and,
 * once they have loaded, by `helpers` worker threads side by side. Why: the main thread built all of
 * them (about 0.23 s for the example, cold) while the pool's threads, loaded about 0.1 s into it,
 * waited for chunk 0 (bench/RESULTS.md, spd19). Each thread claims the next key nobody has (one set
 * of 5 tables, about 13 ms), so no key is built twice; the main thread lets its event loop run after
 * each key, so the pool can hand the helpers their task as soon as a thread is ready. Tables are
 * deterministic (sum-tables.ts): whoever builds a key, its numbers are the same. A key a helper
 * claimed but did not deliver (its thread failed) is built here. `startHelper(id, keys, owners)` runs
 * one helper on the pool; helpers that claim nothing (they came too late) are not waited for.
 */
export async function buildPlanSumTablesShared(
  plan: ScenarioPlan,
  helpers: number,
  startHelper: (task: TableBuildTask) => Promise<TableBuildResult>,
): Promise<readonly SharedSumTables[]> {
  const cached = builtPlanSumTables(plan);
  if (cached) return cached;
  const keys = helpers > 0 ? planSumTableKeys(plan) : undefined;
  if (!keys || keys.length < 2) return planSumTables(plan);
  const owners = new Int32Array(new SharedArrayBuffer(keys.length * Int32Array.BYTES_PER_ELEMENT));
  const running = new Map<number, Promise<TableBuildResult | undefined>>();
  for (let h = 0; h < helpers; h++) {
    const id = MAIN + 1 + h;
    // A helper's failure costs only its keys (built here below): never a rejection of its own.
    running.set(id, startHelper({ tableBuild: { keys, owners, id } }).catch(() => undefined));
  }
  const tables: (SharedSumTables | undefined)[] = new Array(keys.length);
  try {
    for (let i = 0; i < keys.length; i++) {
      const mine = claimSumTables(keys, owners, i, MAIN);
      if (!mine) continue;
      tables[i] = mine;
      // Let the event loop run: a thread that has loaded meanwhile gets its helper task now.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    for (const [id, helper] of running) {
      if (!owners.includes(id)) continue;
      const answer = await helper;
      for (const { i, tables: t } of answer ?? []) if (Atomics.load(owners, i) === id && t.key === keys[i]) tables[i] = t;
    }
    // Keys claimed by a helper that did not deliver them: built here, from this thread's sets.
    for (let i = 0; i < keys.length; i++) tables[i] ??= shareSumTables([keys[i]!])[0];
  } catch {
    // As planSumTables: a plan whose tables cannot be built here gives none (the workers build their own).
    rememberPlanSumTables(plan, []);
    return [];
  }
  const all = tables.filter((t): t is SharedSumTables => t !== undefined);
  rememberPlanSumTables(plan, all);
  return all;
}

/**
 * In a worker thread: the helper's part of buildPlanSumTablesShared for `plan` (the run's scenario,
 * planned here as for its chunks). Its keys are found as the main thread found them; if they differ
 * (they should not), it builds nothing and the main thread builds them all.
 */
export function buildClaimedTables(plan: ScenarioPlan, task: TableBuildTask): TableBuildResult {
  const { keys, owners, id } = task.tableBuild;
  const own = collectSumTableKeys(() => bindChunkSamplers(plan));
  if (own.length !== keys.length || own.some((k, i) => k !== keys[i])) return [];
  const built: { i: number; tables: SharedSumTables }[] = [];
  for (let i = 0; i < keys.length; i++) {
    const tables = claimSumTables(keys, owners, i, id);
    if (tables) built.push({ i, tables });
  }
  return built;
}
