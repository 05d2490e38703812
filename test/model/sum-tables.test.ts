import { describe, expect, it } from 'vitest';
import { CompoundSumTables } from '../../src/random/compound-sum.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import type { Severity } from '../../src/math/aggregate-pmf.js';
import { compileDistribution, lognormalParams } from '../../src/model/distribution-sampler.js';
import { adoptSumTables, sumTables } from '../../src/model/sum-tables.js';
import { planSumTables } from '../../src/model/plan-sum-tables.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { createStream } from '../../src/random/source.js';
import { loadScenario } from '../../src/scenario/load.js';

/**
 * Aggregate tables built once (in the main thread) and adopted elsewhere (by the workers) instead of
 * built again: an adopted set must draw exactly what a set built where it is used draws, and must not
 * build anything itself. "Elsewhere" here is a key this test process has never built (this
 * registry is per thread, and a worker's starts empty, as this key's does).
 */
/** A severity whose distribution must never be evaluated: only its mean and variance may be read (the error rule's). */
const untouchable = (s: Severity): Severity => ({
  mean: s.mean,
  variance: s.variance,
  tail: s.tail,
  sf: () => {
    throw new Error('a table was built, not adopted');
  },
});

describe('aggregate tables adopted from another thread', () => {
  const spec = { dist: 'lognormal' as const, median: 1000, p90: 2345.678 };
  const { sigma } = lognormalParams(spec);
  const built = new CompoundSumTables(lognormalSeverity(sigma));
  built.buildAll();

  it('a set built elsewhere gives, adopted, the draws of a set built where it is used, building none, for every n from 0 to 300', () => {
    const adopted = new CompoundSumTables(untouchable(lognormalSeverity(sigma)));
    built.built().forEach((t, j) => t && adopted.adopt(j, t));
    const own = new CompoundSumTables(lognormalSeverity(sigma));
    const single = (s: ReturnType<typeof createStream>) => (n: number) => n * s();
    const a = createStream('test/sum-tables/a');
    const b = createStream('test/sum-tables/a');
    const fromAdopted = adopted.bind(a, single(a));
    const fromOwn = own.bind(b, single(b));
    for (let n = 0; n <= 300; n++) for (let k = 0; k < 5; k++) expect(fromAdopted(n)).toBe(fromOwn(n));
    for (let n = 4; n <= 300; n++) expect(adopted.relativeError(n)).toBe(own.relativeError(n));
  });

  it('the registry hands a set created after the tables arrived the adopted tables, and a sampler draws from them', () => {
    const key = `lognormal/${sigma}`;
    adoptSumTables([{ key, tables: Array.from(built.built(), (t) => t ?? null) }]);
    const set = sumTables(key, () => untouchable(lognormalSeverity(sigma)));
    expect(set.built().filter((t) => t !== undefined)).toHaveLength(5);
    set.built().forEach((t, j) => expect(t).toBe(built.built()[j]));
    // The tier's ACV sum sampler binds the registry's set of its sigma: it draws without building.
    const sum = compileDistribution(spec).bindSum(createStream('test/sum-tables/b'));
    for (let n = 4; n <= 200; n += 7) expect(sum(n)).toBeGreaterThan(0);
  });

  it('a plan\u2019s tables are built once, every one the example uses, on SharedArrayBuffers', async () => {
    const loaded = await loadScenario('scenarios/example.yaml');
    const plan = planScenario(loaded.scenario, loaded.files ?? {});
    const shared = planSumTables(plan);
    expect(planSumTables(plan)).toBe(shared);
    // The example sums lognormal ACVs and expansion sizes, and beta contraction sizes.
    expect(shared.some((s) => s.key.startsWith('lognormal/'))).toBe(true);
    expect(shared.some((s) => s.key.startsWith('beta/'))).toBe(true);
    for (const { tables } of shared) {
      expect(tables.filter((t) => t !== null).length).toBeGreaterThan(0);
      for (const t of tables) if (t) expect(t.cells.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
  });
});
