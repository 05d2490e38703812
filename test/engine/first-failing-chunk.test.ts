import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { simulateChunk } from '../../src/model/simulate-chunk.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A run that fails reports the same error whatever its threads: the lowest-numbered failing chunk's,
 * as a run in process does (chunks in order). test/fixtures/model-limit-midway.yaml at seed 35: chunk
 * 0 stops at its trial 746 (1.05e+6 deals in a month), chunk 1 at its trial 27 (1.18e+6), so on two
 * threads chunk 1 fails first, some 700 trials before chunk 0 does (found with a copy of simulateChunk
 * that records the trial it is at).
 */
describe('a failed run names its lowest-numbered failing chunk, on any number of threads', () => {
  it('chunk 1 fails first on two threads, and the run still reports chunk 0\'s error, as in process', async () => {
    const loaded = await loadScenario(join(ROOT, 'test/fixtures/model-limit-midway.yaml'));
    const chunkError = (chunk: number) => {
      try {
        simulateChunk(planScenario(loaded.scenario, loaded.files ?? {}), '35', chunk, 1000);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error(`chunk ${chunk} did not fail`);
    };
    // The two chunks' errors differ, so the run's says which it is.
    expect(chunkError(0)).toMatch(/1\.05e\+6 deals/);
    expect(chunkError(1)).toMatch(/1\.18e\+6 deals/);
    const runError = async (workers: number) => {
      try {
        await simulate(loaded, { trials: 4000, seed: 35, workers });
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error(`the run on ${workers} workers did not fail`);
    };
    const inProcess = await runError(0);
    expect(inProcess).toMatch(/1\.05e\+6 deals/);
    expect(await runError(2)).toBe(inProcess);
    expect(await runError(3)).toBe(inProcess);
  });
});
