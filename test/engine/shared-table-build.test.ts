import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SharedSumTables } from '../../src/model/sum-tables.js';
import type { PowerTable } from '../../src/random/compound-sum.js';

/**
 * The aggregate tables built by the main thread and the pool's threads side by side
 * (src/engine/shared-table-build.ts) must hold the doubles the main thread's serial build holds
 * (src/model/plan-sum-tables.ts): the draws read them. Each build below runs on its own module
 * instances (vi.resetModules), so its registry of tables starts empty, as a fresh process's does,
 * and the serial reference is built wholly by one thread.
 */
const SCENARIO = 'scenarios/example.yaml';

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

/** What differs between two tables, bit for bit (every typed array by its bytes, every number by Object.is). */
function tableDifferences(where: string, a: PowerTable | null, b: PowerTable | null): string[] {
  if (!a || !b) return a === b ? [] : [`${where}: built in one build only`];
  const out: string[] = [];
  if (bytes(a.cells) !== bytes(b.cells)) out.push(`${where}: cells`);
  if (bytes(a.cdf) !== bytes(b.cdf)) out.push(`${where}: cdf`);
  for (const f of ['h', 'first', 'interpolationError'] as const) if (!Object.is(a[f], b[f])) out.push(`${where}: ${f} ${a[f]} vs ${b[f]}`);
  for (const [f, v] of Object.entries(a.aggregate)) if (!Object.is(v, (b.aggregate as Record<string, unknown>)[f])) out.push(`${where}: aggregate.${f}`);
  return out;
}

function differences(a: readonly SharedSumTables[], b: readonly SharedSumTables[]): string[] {
  const keys = (s: readonly SharedSumTables[]) => s.map((x) => x.key);
  if (keys(a).join() !== keys(b).join()) return [`keys ${keys(a).join()} vs ${keys(b).join()}`];
  return a.flatMap((set, i) => {
    const other = b[i]!;
    const n = Math.max(set.tables.length, other.tables.length);
    return Array.from({ length: n }, (_, j) => tableDifferences(`${set.key} S_${2 ** j}`, set.tables[j] ?? null, other.tables[j] ?? null)).flat();
  });
}

/** The example's tables built serially by this thread, on fresh modules. */
async function serialBuild(): Promise<readonly SharedSumTables[]> {
  vi.resetModules();
  const { loadScenario } = await import('../../src/scenario/load.js');
  const { planScenario } = await import('../../src/model/scenario-plan.js');
  const { planSumTables } = await import('../../src/model/plan-sum-tables.js');
  const loaded = await loadScenario(SCENARIO);
  return planSumTables(planScenario(loaded.scenario, loaded.files ?? {}));
}

const pools: { destroy: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const p of pools) await p.destroy();
});

describe('aggregate tables built by the main thread and the pool\u2019s threads side by side', () => {
  it('a pool thread that claims every table builds the doubles of the main thread\u2019s serial build', async () => {
    const serial = await serialBuild();
    vi.resetModules();
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { planScenario } = await import('../../src/model/scenario-plan.js');
    const { bindChunkSamplers } = await import('../../src/model/simulate-chunk.js');
    const { collectSumTableKeys } = await import('../../src/model/sum-tables.js');
    const { createWorkerPool, destroyWorkerPool } = await import('../../src/engine/worker-pool.js');
    const loaded = await loadScenario(SCENARIO);
    const keys = collectSumTableKeys(() => bindChunkSamplers(planScenario(loaded.scenario, loaded.files ?? {})));
    const pool = createWorkerPool(1);
    pools.push({ destroy: () => destroyWorkerPool(pool) });
    // Nobody else claims: the thread builds every table of every key, one by one.
    const claim = new Int32Array(new SharedArrayBuffer(8));
    const built = (await pool.run({ scenario: loaded.scenario, files: loaded.files, hash: loaded.hash, buildTables: { keys, claim, helper: 0 } })) as SharedSumTables[];
    expect(built).toHaveLength(keys.length * 5);
    expect(Atomics.load(claim, 0)).toBeGreaterThanOrEqual(keys.length * 5);
    // One table an answer: gathered by key, by j, as the serial build lists them.
    const byKey = new Map<string, (PowerTable | null)[]>();
    for (const { key, tables } of built) {
      const slot = byKey.get(key) ?? [];
      tables.forEach((t, j) => t && (slot[j] = t));
      byKey.set(key, slot);
    }
    const gathered = serial.map(({ key }) => ({ key, tables: Array.from(byKey.get(key) ?? [], (t) => t ?? null) }));
    expect(serial.length).toBeGreaterThan(5);
    expect(differences(gathered, serial)).toEqual([]);
  }, 60_000);

  it('poolSumTables with two helpers gives every table of the serial build, the same doubles, in its order', async () => {
    const serial = await serialBuild();
    vi.resetModules();
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { planScenario } = await import('../../src/model/scenario-plan.js');
    const { poolSumTables } = await import('../../src/engine/shared-table-build.js');
    const { createWorkerPool, destroyWorkerPool } = await import('../../src/engine/worker-pool.js');
    const loaded = await loadScenario(SCENARIO);
    const plan = planScenario(loaded.scenario, loaded.files ?? {});
    const pool = createWorkerPool(2);
    pools.push({ destroy: () => destroyWorkerPool(pool) });
    const shared = await poolSumTables(plan, pool, 2, { scenario: loaded.scenario, files: loaded.files, hash: loaded.hash });
    expect(differences(shared, serial)).toEqual([]);
    // Built once a plan.
    expect(await poolSumTables(plan, pool, 2, { scenario: loaded.scenario, files: loaded.files, hash: loaded.hash })).toBe(shared);
  }, 60_000);
});
