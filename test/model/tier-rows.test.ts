import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { simulateChunk, type ChunkResult } from '../../src/model/simulate-chunk.js';
import { TierOutcome } from '../../src/model/tier-outcome.js';
import type { TierRows } from '../../src/model/tier-rows.js';
import type { Scenario } from '../../src/scenario/scenario-schema.js';

const TRIALS = 200;
const SEED = '7';
const CHUNK = 3;

/** Copies of a chunk's outputs (simulateChunk's buffers are reused). */
const copy = (r: ChunkResult) => ({ wide: Array.from(r.wide), narrow: Array.from(r.narrow), sums: Array.from(r.componentSums) });

// Every example scenario: aggregate and per-customer books, reps, pipelines, grades (extras of every kind).
const SCENARIOS = ['example.yaml', 'hybrid-company.yaml', 'enterprise-rep-driven.yaml', 'smb-lead-driven.yaml', 'downside.yaml'];

const LOADED = await Promise.all(SCENARIOS.map(async (file) => ({ file, loaded: await loadScenario(`scenarios/${file}`) })));

describe.each(LOADED)('simulateChunk reading tiers back (TierRows): $file', ({ loaded }) => {
  const planA = planScenario(loaded.scenario, loaded.files);
  const saveAll = (): TierRows => ({
    rows: planA.tiers.map((t) => new Float64Array(TRIALS * TierOutcome.rowWidth(t))),
    replay: new Uint8Array(planA.tiers.length),
  });

  it('a chunk whose every tier is read back equals the chunk simulated', () => {
    const save = saveAll();
    const simulated = copy(simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, save));
    const plain = copy(simulateChunk(planA, SEED, CHUNK, TRIALS));
    expect(simulated).toEqual(plain);
    const replayed = copy(simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, { rows: save.rows, replay: new Uint8Array(planA.tiers.length).fill(1) }));
    expect(replayed).toEqual(plain);
  });

  // (Scenarios of one tier have no other tier to read back.)
  if (planA.tiers.length > 1)
    it("changing one tier's driver: the other tiers read back give exactly the full run of the changed scenario", () => {
      const save = saveAll();
      simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, save);
      const changed: Scenario = structuredClone(loaded.scenario);
      // The first tier's opening book renews less (every example tier has a book or new business).
      const first = changed.tiers[0]!;
      if (first.existing) first.existing.renewalRate = { dist: 'beta', mean: 0.7, sd: 0.05 };
      else first.newBusiness!.acv = { dist: 'lognormal', median: 1234, p90: 5678 };
      const planB = planScenario(changed, loaded.files);
      const full = copy(simulateChunk(planB, SEED, CHUNK, TRIALS));
      const replay = Uint8Array.from(planB.tiers, (_, i) => (i === 0 ? 0 : 1));
      const rows = planB.tiers.map((t, i) => (i === 0 ? undefined : save.rows[i]));
      const partial = copy(simulateChunk(planB, SEED, CHUNK, TRIALS, undefined, undefined, { rows, replay }));
      expect(partial).toEqual(full);
      // The change is real: the changed scenario's chunk differs from the original's.
      expect(partial.wide).not.toEqual(copy(simulateChunk(planA, SEED, CHUNK, TRIALS)).wide);
    });

  it('refuses rows that do not fit, before drawing', () => {
    const replay = new Uint8Array(planA.tiers.length).fill(1);
    expect(() => simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, { rows: planA.tiers.map(() => undefined), replay })).toThrow(/no rows/);
    expect(() => simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, { rows: planA.tiers.map(() => new Float64Array(10)), replay })).toThrow(/hold 10 numbers/);
  });
});
