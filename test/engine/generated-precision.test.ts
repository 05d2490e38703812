import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../src/engine/simulate.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { simulateToPrecision } from '../../src/analysis/precision.js';
import { generateScenario, loadGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { runDifferences } from '../helpers/same-run.js';

// simulateToPrecision steps through trial counts from its results alone: in-process and on a warm
// engine it takes the same steps, stops at the same count, and ends with a plain run of that count.
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-precision-'));
let engine: Engine;
beforeAll(() => {
  engine = createEngine({ workers: 2 });
});
afterAll(async () => {
  await engine?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('generated scenarios: simulateToPrecision stops at the same trial count whatever the workers', () => {
  it.each(TESTED_SCENARIOS)('scenario %d', async (n) => {
    const { loaded } = await loadGenerated(root, generateScenario(n));
    // 3% within 1,000 to 5,500 trials (a cap that is not a whole number of chunks).
    const options = { precision: 0.03, startTrials: 1_000, maxTrials: 5_500 };
    const alone = await simulateToPrecision(loaded, { ...options, workers: 0 });
    const pooled = await simulateToPrecision(loaded, { ...options, workers: 2, engine });
    expect(pooled.precision.steps).toEqual(alone.precision.steps);
    expect(runDifferences(pooled.sim, alone.sim)).toEqual([]);
    expect(runDifferences(alone.sim, await simulate(loaded, { trials: alone.precision.trials, workers: 0 }))).toEqual([]);
  }, 120_000);
});
