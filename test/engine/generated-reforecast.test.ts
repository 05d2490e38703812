import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planLoaded, simulate, simulateShard } from '../../src/engine/simulate.js';
import { simulatedYear } from '../../src/actuals/simulated-year.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { generateScenario, loadGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { runDifferences } from '../helpers/same-run.js';

// A re-forecast of a generated scenario from the first months of one of its own simulated years: the
// same trials in-process, with 2 workers, and in 3 shards (in memory: a part file carries no actuals).
// A worker compiles the re-forecast itself (its posterior draws, chunk by chunk), as the main thread does.
const TRIALS = 2_500;
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-reforecast-'));
const scenarios: Array<{ n: number; loaded: LoadedScenario }> = [];
beforeAll(async () => {
  for (const n of TESTED_SCENARIOS) scenarios.push({ n, loaded: (await loadGenerated(root, generateScenario(n))).loaded });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generated scenarios: a re-forecast is the same with any workers and in shards', () => {
  it.each(TESTED_SCENARIOS.map((n, i) => [n, 2 + i]))('scenario %d, %d closed months', async (n, months) => {
    const { loaded } = scenarios.find((s) => s.n === n)!;
    const year = simulatedYear(planLoaded(loaded), String(loaded.scenario.seed), 0);
    const actuals = { file: year.file, months };
    const alone = await simulate(loaded, { trials: TRIALS, workers: 0, actuals });
    const differences = runDifferences(await simulate(loaded, { trials: TRIALS, workers: 2, actuals }), alone).map((d) => `2 workers: ${d}`);
    for (let index = 0; index < 3; index++) {
      const part = await simulateShard(loaded, { trials: TRIALS, workers: index === 1 ? 2 : 0, actuals, shard: { index, count: 3 } });
      for (const d of runDifferences(part, alone, part.chunks[0]?.offset ?? 0)) differences.push(`shard ${index + 1}/3: ${d}`);
    }
    expect(differences).toEqual([]);
  });
});
