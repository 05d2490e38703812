import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planLoaded, simulate, type Simulation } from '../../src/engine/simulate.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { simulateChunk } from '../../src/model/simulate-chunk.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { generateScenario, loadGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { runDifferences } from '../helpers/same-run.js';

// Runs one after another in one process must carry nothing from one to the next: a worker keeps the
// plans it compiled (by scenario hash) and their simulators (keyed again for each chunk:
// simulate-chunk.ts), the aggregate tables of recent runs (sum-tables.ts), and an engine with a
// tier cache reads back the tiers a run shares with an earlier one (tier-row-cache.ts). Run A, then
// B (another scenario) and A at another seed, then A again: the last is A's first run, bit for bit.
const TRIALS = 2_500;
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-runs-'));
const [A, B] = TESTED_SCENARIOS as [number, number];
let a: LoadedScenario;
let b: LoadedScenario;
let alone: Simulation;
let engine: Engine;
let cached: Engine;
beforeAll(async () => {
  a = (await loadGenerated(root, generateScenario(A))).loaded;
  b = (await loadGenerated(root, generateScenario(B))).loaded;
  alone = await simulate(a, { trials: TRIALS, workers: 0 });
  engine = createEngine({ workers: 2 });
  cached = createEngine({ workers: 2, tierCacheBytes: 64 * 2 ** 20 });
});
afterAll(async () => {
  await engine?.close();
  await cached?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('generated scenarios: a run after other runs in the same process is the run alone', () => {
  it.each([
    ['in-process', () => (l: LoadedScenario, seed?: string) => simulate(l, { trials: TRIALS, workers: 0, ...(seed ? { seed } : {}) })],
    ['on a warm engine', () => (l: LoadedScenario, seed?: string) => engine.simulate(l, { trials: TRIALS, ...(seed ? { seed } : {}) })],
    ['on an engine with a tier cache', () => (l: LoadedScenario, seed?: string) => cached.simulate(l, { trials: TRIALS, ...(seed ? { seed } : {}) })],
  ])('A, B, A at another seed, A: %s', async (_, runner) => {
    const run = runner();
    const first = await run(a);
    await run(b);
    await run(a, 'another seed');
    const again = await run(a);
    expect(runDifferences(first, alone)).toEqual([]);
    expect(runDifferences(again, alone)).toEqual([]);
  });

  it('a plan’s kept simulators, keyed again for another seed and chunk, draw what a fresh plan’s draw', () => {
    const kept = planLoaded(a);
    const bytes = (plan: ReturnType<typeof planLoaded>, seed: string, chunk: number) => {
      const r = simulateChunk(plan, seed, chunk, 300);
      return Buffer.concat([Buffer.from(r.wide.buffer, 0, r.wide.byteLength), Buffer.from(r.narrow.buffer, 0, r.narrow.byteLength)]);
    };
    const first = bytes(kept, 's1', 4);
    bytes(kept, 's2', 0);
    bytes(kept, 's1', 5);
    expect(bytes(kept, 's1', 4).equals(first)).toBe(true);
    expect(bytes(planLoaded(a), 's1', 4).equals(first)).toBe(true);
  });
});
