import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../src/engine/simulate.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { generateScenario, loadGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { runDifferences } from '../helpers/same-run.js';

// The brief: the same scenario and seed give bit-identical results with any number of workers. Checked
// here beyond the examples, on generated scenarios (bench/generated-determinism.mts runs many more,
// with 16 threads). Trial counts that are not whole chunks (1,000 trials); a run uses at most one
// thread per chunk, so 3 threads run 2,500 trials (two chunks and a half one).
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-workers-'));
const scenarios: Array<{ n: number; loaded: LoadedScenario }> = [];
let engine: Engine;
beforeAll(async () => {
  engine = createEngine({ workers: 3 });
  for (const n of TESTED_SCENARIOS) scenarios.push({ n, loaded: (await loadGenerated(root, generateScenario(n))).loaded });
});
afterAll(async () => {
  await engine?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('generated scenarios: the same trials with 0 (in-process), 1, 2 and 3 workers', () => {
  it.each([
    [1, [1, 2]],
    [999, [1, 2]],
    [1_001, [1, 2]],
    [2_500, [3]],
  ])('%d trials, workers %j', async (trials, counts) => {
    const differences: string[] = [];
    for (const { n, loaded } of scenarios) {
      const alone = await simulate(loaded, { trials, workers: 0 });
      for (const workers of counts) {
        const pooled = await engine.simulate(loaded, { trials, workers });
        for (const d of runDifferences(pooled, alone)) differences.push(`scenario ${n}, ${workers} workers: ${d}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('simulate() with a pool of its own, 2 workers', async () => {
    const { loaded } = scenarios[0]!;
    expect(runDifferences(await simulate(loaded, { trials: 1_001, workers: 2 }), await simulate(loaded, { trials: 1_001, workers: 0 }))).toEqual([]);
  });
});
