import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { planScenario, type ScenarioPlan } from '../../src/model/scenario-plan.js';
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

/** Rows to save every tier part into (both parts of a tier in one array, as the engine does). */
const saveAll = (plan: ScenarioPlan): TierRows => ({
  rows: plan.tiers.flatMap((t) => {
    const rows = new Float64Array(TRIALS * TierOutcome.rowWidth(t));
    return [rows, rows];
  }),
  replay: new Uint8Array(2 * plan.tiers.length),
});

/** Read back `replayed` parts (indices t * 2 + part) from `saved`; simulate the rest. */
const readBack = (saved: TierRows, replayed: readonly number[]): TierRows => ({
  rows: saved.rows.map((r, i) => (replayed.includes(i) ? r : undefined)),
  replay: Uint8Array.from(saved.rows, (_, i) => (replayed.includes(i) ? 1 : 0)),
});

describe.each(LOADED)('simulateChunk reading tier parts back (TierRows): $file', ({ loaded }) => {
  const planA = planScenario(loaded.scenario, loaded.files);
  const plain = copy(simulateChunk(planA, SEED, CHUNK, TRIALS));
  const save = saveAll(planA);
  const simulated = copy(simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, save));

  it('saving changes nothing, and reading every part back gives the chunk simulated', () => {
    expect(simulated).toEqual(plain);
    const all = planA.tiers.flatMap((_, t) => [2 * t, 2 * t + 1]);
    expect(copy(simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, readBack(save, all)))).toEqual(plain);
  });

  it('reading back one part of each tier and simulating the other gives the chunk simulated', () => {
    for (const part of [0, 1]) {
      const some = planA.tiers.map((_, t) => 2 * t + part);
      expect(copy(simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, readBack(save, some))), `part ${part} read back`).toEqual(plain);
    }
  });

  /** The scenario with `edit` applied to its first tier, planned; undefined when the edit does not apply. */
  const changedPlan = (edit: (s: Scenario) => boolean) => {
    const changed: Scenario = structuredClone(loaded.scenario);
    return edit(changed) ? planScenario(changed, loaded.files) : undefined;
  };
  const edits = {
    // The book part of the first tier: it renews less.
    book: (s: Scenario) => !!s.tiers[0]!.existing && !!(s.tiers[0]!.existing.renewalRate = { dist: 'beta', mean: 0.7, sd: 0.05 }),
    // Its new business: other deal sizes.
    newBusiness: (s: Scenario) => !!s.tiers[0]!.newBusiness && !!(s.tiers[0]!.newBusiness.acv = { dist: 'lognormal', median: 1234, p90: 5678 }),
  };
  for (const [part, edit] of Object.entries(edits)) {
    const planB = changedPlan(edit);
    if (!planB) continue; // (this scenario's first tier has no such part)
    it(`changing the first tier's ${part}: every other part read back gives exactly the full run of the changed scenario`, () => {
      const moved = part === 'book' ? 1 : 0;
      const others = planB.tiers.flatMap((_, t) => [2 * t, 2 * t + 1]).filter((i) => i !== moved);
      const full = copy(simulateChunk(planB, SEED, CHUNK, TRIALS));
      expect(copy(simulateChunk(planB, SEED, CHUNK, TRIALS, undefined, undefined, readBack(save, others)))).toEqual(full);
      // The change is real: the changed scenario's chunk differs from the original's.
      expect(full.wide).not.toEqual(plain.wide);
    });
  }

  it('refuses rows that do not fit, before drawing', () => {
    const replay = new Uint8Array(2 * planA.tiers.length).fill(1);
    expect(() => simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, { rows: Array.from(replay, () => undefined), replay })).toThrow(/no rows/);
    expect(() => simulateChunk(planA, SEED, CHUNK, TRIALS, undefined, undefined, { rows: Array.from(replay, () => new Float64Array(10)), replay })).toThrow(/hold 10 numbers/);
  });
});
