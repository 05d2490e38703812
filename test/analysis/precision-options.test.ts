import { describe, expect, it } from 'vitest';
import { simulateToPrecision, type PrecisionOptions } from '../../src/analysis/precision.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { createEngine } from '../../src/engine/engine.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { PRECISION_YAML } from './precision-fixture.js';

/**
 * simulateToPrecision checks its own options, by name, before a step runs. A misspelt key went
 * through to simulate, which refused it naming simulate's options (none of precision, startTrials,
 * maxTrials); a `trials` given was overwritten by the first step's without a word; a precision or
 * startTrials given as a string was compared as a number and ran.
 */
const loaded = scenarioFrom(PRECISION_YAML);
const OWN = 'seed, workers, signal, onProgress, maxMinutes, onEstimate, actuals, ownDrawTrials, tallyCounts, keepApart, onLeadingTrials, onChunk, precision, startTrials, maxTrials, engine';

const REQUIRED = "is required: simulateToPrecision(loaded, { precision }) simulates until the 95% intervals of revenue's P10, P50 and P90 have half-widths of at most this share of their values, a share between 0 and 1 (0.01 for 1%)";

async function refusal(options: unknown): Promise<string> {
  try {
    const { precision } = await simulateToPrecision(loaded, options as PrecisionOptions);
    return `ran ${precision.trials} trials`;
  } catch (err) {
    return err instanceof RunOptionError ? `RunOptionError ${err.message}` : `${(err as Error).name}: ${(err as Error).message}`;
  }
}

describe('simulateToPrecision refuses a bad option by name, naming its own options', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt precision', { precison: 0.01, workers: 0 }, `RunOptionError precison: is not an option of simulateToPrecision (did you mean precision?); its options are ${OWN}`],
    ['a misspelt startTrials', { precision: 0.5, startTrial: 1_000, workers: 0 }, `RunOptionError startTrial: is not an option of simulateToPrecision (did you mean startTrials?); its options are ${OWN}`],
    ['a misspelt maxTrials', { precision: 0.5, maxTrial: 2_000, workers: 0 }, `RunOptionError maxTrial: is not an option of simulateToPrecision (did you mean maxTrials?); its options are ${OWN}`],
    ['a misspelt seed', { precision: 0.5, seeds: 7, workers: 0 }, `RunOptionError seeds: is not an option of simulateToPrecision (did you mean seed?); its options are ${OWN}`],
    // The steps set the trials: a caller's trials were overwritten by the first step's.
    ['trials (the steps set them)', { precision: 0.5, trials: 5_000, workers: 0 }, `RunOptionError trials: is not an option of simulateToPrecision; its options are ${OWN}`],
    ['resumeFrom (the steps set it)', { precision: 0.5, resumeFrom: undefined, workers: 0 }, `RunOptionError resumeFrom: is not an option of simulateToPrecision; its options are ${OWN}`],
    // Before: TypeError "Cannot destructure property 'precision'" for no options; "got undefined" for none given.
    ['no options', undefined, `RunOptionError --precision: ${REQUIRED}`],
    ['no precision', { workers: 0 }, `RunOptionError --precision: ${REQUIRED}`],
    ['options that are not an object', null, 'RunOptionError options: the options of simulateToPrecision must be an object (got null)'],
    ['a precision given as a string', { precision: '0.5', workers: 0 }, 'RunOptionError --precision: must be a share between 0 and 1, 0.01 for 1% (got string)'],
    ['a precision given as a percentage', { precision: 5, workers: 0 }, 'RunOptionError --precision: must be a share between 0 and 1, 0.01 for 1% (got 5)'],
    ['a startTrials given as a string', { precision: 0.5, startTrials: '1000', workers: 0 }, "RunOptionError --trials: the first step's trials (startTrials) must be a whole number from 1 to 10,000,000 (got string)"],
    ['a startTrials that is not whole', { precision: 0.5, startTrials: 1_000.5, workers: 0 }, "RunOptionError --trials: the first step's trials (startTrials) must be a whole number from 1 to 10,000,000 (got 1000.5)"],
    ['a startTrials of NaN', { precision: 0.5, startTrials: NaN, workers: 0 }, "RunOptionError --trials: the first step's trials (startTrials) must be a whole number from 1 to 10,000,000 (got NaN)"],
    ['an engine that is not one', { precision: 0.5, engine: {}, workers: 0 }, 'RunOptionError engine: must be an engine of createEngine (got object)'],
  ])('%s', async (_, options, expected) => {
    expect(await refusal(options)).toBe(expected);
  });

  it('with worker threads (a pool per step, or an engine), the refusals are the same RunOptionErrors, before any step', async () => {
    expect(await refusal({ precison: 0.01, workers: 1 })).toBe(`RunOptionError precison: is not an option of simulateToPrecision (did you mean precision?); its options are ${OWN}`);
    const engine = createEngine({ workers: 1 });
    try {
      expect(await refusal({ precision: 0.5, startTrials: '1000', engine })).toBe("RunOptionError --trials: the first step's trials (startTrials) must be a whole number from 1 to 10,000,000 (got string)");
      expect(await refusal({ precision: 0.5, seeds: 7, engine })).toMatch(/^RunOptionError seeds: is not an option of simulateToPrecision \(did you mean seed\?\)/);
      expect(await refusal({ precision: 0.5, seed: NaN, startTrials: 1_000, maxTrials: 1_000, engine })).toMatch(/^RunOptionError --seed: a seed given as a number must be finite/);
    } finally {
      await engine.close();
    }
  });

  it('the spelt options run as before (a shard keeps simulate’s own words)', async () => {
    expect(await refusal({ precision: 0.5, startTrials: 1_000, maxTrials: 2_000, seed: 7, workers: 0 })).toBe('ran 1000 trials');
    expect(await refusal({ precision: 0.5, workers: 0, shard: { index: 0, count: 2 } })).toMatch(/^RunOptionError --shard: simulate runs the whole run/);
  });
});
