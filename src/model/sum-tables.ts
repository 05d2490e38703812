import type { Severity } from '../math/aggregate-pmf.js';
import { CompoundSumTables, type PowerTable } from '../random/compound-sum.js';

/**
 * The aggregate tables of this thread (compound-sum.ts), by distribution key (`lognormal/0.6`: the key
 * fixes the severity, so equal keys mean equal tables), shared by every run and tier with the same
 * parameters; the oldest dropped beyond REGISTRY_SIZE.
 *
 * Why tables also travel between threads: each set costs about 0.2 s of CPU to build (the example's
 * 43 tables), and every worker thread built its own. The main thread now builds a run's sets once
 * (`shareSumTables`, on SharedArrayBuffers) when two or more threads would otherwise each build them
 * (table-handoff.ts, `mainBuildsTables`) and sends them with the run's chunks; a worker adopts them
 * (`adoptSumTables`) instead of building. Tables are deterministic (no random draw goes into one),
 * so an adopted table holds the numbers the worker would have built: the draws are the same.
 */
const REGISTRY_SIZE = 32;
const registry = new Map<string, CompoundSumTables>();
/** Tables received from another thread for keys this thread has not asked for yet. */
const received = new Map<string, readonly (PowerTable | null)[]>();
/** The keys asked for while `collectSumTableKeys` runs. */
let collecting: Set<string> | undefined;

/** The table set of `key` in this thread, created on first use (its tables built as they are needed, or adopted). */
export function sumTables(key: string, severity: () => Severity): CompoundSumTables {
  collecting?.add(key);
  let t = registry.get(key);
  if (!t) {
    if (registry.size >= REGISTRY_SIZE) registry.delete(registry.keys().next().value!);
    t = new CompoundSumTables(severity());
    registry.set(key, t);
    const tables = received.get(key);
    if (tables) {
      received.delete(key);
      tables.forEach((table, j) => table && t!.adopt(j, table));
    }
  }
  return t;
}

/** A key's tables as sent to another thread: by j, null where none was built. */
export interface SharedSumTables {
  readonly key: string;
  readonly tables: readonly (PowerTable | null)[];
}

/** The keys of the table sets `bind` asks for (it binds samplers: see plan-sum-tables.ts). */
export function collectSumTableKeys(bind: () => void): string[] {
  const outer = collecting;
  const keys = new Set<string>();
  collecting = keys;
  try {
    bind();
  } finally {
    collecting = outer;
  }
  return [...keys];
}

/**
 * Every table of each key's set, built here (those not built yet: about 5 ms each), to send to
 * worker threads. The arrays are on SharedArrayBuffers: sending them copies nothing.
 * Complexity: O(tables built x CELLS log CELLS).
 */
export function shareSumTables(keys: readonly string[]): SharedSumTables[] {
  const shared: SharedSumTables[] = [];
  for (const key of keys) {
    const set = registry.get(key);
    if (!set) continue;
    set.buildAll();
    shared.push({ key, tables: Array.from(set.built(), (t) => t ?? null) });
  }
  return shared;
}

/** Keep tables built by another thread, for this thread's sets of the same keys (adopted when a set is made, or at once into one that exists). */
export function adoptSumTables(shared: readonly SharedSumTables[]): void {
  for (const { key, tables } of shared) {
    const set = registry.get(key);
    if (set) tables.forEach((table, j) => table && set.adopt(j, table));
    else if (!received.has(key)) {
      if (received.size >= REGISTRY_SIZE) received.delete(received.keys().next().value!);
      received.set(key, tables);
    }
  }
}
