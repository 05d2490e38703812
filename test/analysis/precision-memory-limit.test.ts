import { describe, expect, it } from 'vitest';
import { simulateToPrecision } from '../../src/analysis/precision.js';
import { simulate, type SimulateOptions } from '../../src/engine/simulate.js';
import { RunOptionError, TrialsOverMemoryError } from '../../src/engine/errors.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { summarize } from '../../src/analysis/summarize.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { PRECISION_YAML } from './precision-fixture.js';

const yaml = PRECISION_YAML;

/**
 * A machine whose memory holds the per-trial results of `fits` trials and no more: every run checks
 * this before it starts (simulate's checkMemory, a TrialsOverMemoryError); here the engine the steps
 * run on refuses as that check would, so no machine that small is needed.
 */
function engineWithMemoryFor(fits: number) {
  return {
    simulate(loaded: LoadedScenario, options: SimulateOptions) {
      if ((options.trials ?? 0) > fits) return Promise.reject(new TrialsOverMemoryError(`${options.trials!.toLocaleString('en-US')} trials need about 9.9 GiB for per-trial results`));
      return simulate(loaded, options);
    },
  };
}

describe('--precision when a later step would not fit in memory', () => {
  it('ends with the trials already run (not reached, naming the step), instead of throwing them away', async () => {
    const loaded = scenarioFrom(yaml);
    const { sim, precision } = await simulateToPrecision(loaded, { precision: 0.0001, startTrials: 2_000, maxTrials: 64_000, seed: 4, workers: 0, engine: engineWithMemoryFor(3_000) });
    expect([sim.trials, precision.trials, precision.steps, precision.reached, precision.overMemoryLimit, precision.overTimeLimit]).toEqual([2_000, 2_000, [2_000], false, { nextTrials: 4_000 }, undefined]);
    expect(summaryTable(summarize(sim, { precision }))).toContain("not reached: the next step, 4,000 trials, would not fit in this machine's memory.");
  });

  it('a first step over it is refused (nothing was run), as --trials', async () => {
    const refused = await simulateToPrecision(scenarioFrom(yaml), { precision: 0.0001, startTrials: 4_000, seed: 4, workers: 0, engine: engineWithMemoryFor(3_000) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TrialsOverMemoryError);
    expect([refused instanceof RunOptionError, (refused as RunOptionError).option, (refused as Error).message]).toEqual([true, 'trials', '--trials: 4,000 trials need about 9.9 GiB for per-trial results']);
  });
});
