import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate, simulateShard, type ShardOptions, type SimulateOptions, type Simulation } from '../../src/engine/simulate.js';
import { mergeParts } from '../../src/engine/merge.js';
import { loadScenario } from '../../src/scenario/load.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');

/** The option a call was refused for, or what it did instead. */
async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ran';
  } catch (err) {
    return err instanceof RunOptionError ? `RunOptionError ${err.option}` : `${(err as Error).name}: ${(err as Error).message}`;
  }
}

describe('the options a run calls or listens to are checked before it starts', () => {
  // Given as a plain JS caller would give them: the types do not stop a wrong value there.
  const bad = (o: Record<string, unknown>) => o as unknown as SimulateOptions;

  it('an AbortController given as the signal is refused (it could never stop the run)', async () => {
    const stop = new AbortController();
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, signal: stop })))).toBe('RunOptionError signal');
    expect(await refusal(() => simulateShard(example, bad({ trials: 50, workers: 0, signal: stop, shard: { index: 0, count: 1 } }) as ShardOptions))).toBe('RunOptionError signal');
    expect(await refusal(() => mergeParts([], { signal: stop as unknown as AbortSignal }))).toBe('RunOptionError signal');
  });

  it('an onProgress or onEstimate that is not a function is refused before any chunk is simulated', async () => {
    let estimated = false;
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, onProgress: 5, onEstimate: () => (estimated = true) })))).toBe('RunOptionError onProgress');
    expect(estimated).toBe(false);
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, onEstimate: 'log' })))).toBe('RunOptionError onEstimate');
  });

  it('a seed that is neither a string nor a number is refused, not run as "[object Object]"', async () => {
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, seed: { value: 7 } })))).toBe('RunOptionError seed');
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, seed: null })))).toBe('RunOptionError seed');
  });

  it('an ownDrawTrials that is not a whole number >= 0 is refused by name (it failed as "Invalid typed array length: -5")', async () => {
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, ownDrawTrials: -5 })))).toBe('RunOptionError ownDrawTrials');
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, ownDrawTrials: 2.5 })))).toBe('RunOptionError ownDrawTrials');
  });

  it('a keepApart that is not a list of column keys is refused by name', async () => {
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, keepApart: 'revenue' })))).toBe('RunOptionError keepApart');
    expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, keepApart: [1] })))).toBe('RunOptionError keepApart');
    expect(await refusal(() => simulateShard(example, bad({ trials: 50, workers: 0, shard: { index: 1, count: 2 }, keepApart: ['revenue'] }) as ShardOptions))).toBe('RunOptionError keepApart');
  });

  it('an onLeadingTrials that is not { trials >= 1, call: function } is refused by name before anything runs', async () => {
    let called = false;
    const call = () => (called = true);
    for (const value of [5, null, { trials: 0, call }, { trials: 2.5, call }, { trials: '10', call }, { trials: 10 }, { trials: 10, call: 'summary' }])
      expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, onLeadingTrials: value })))).toBe('RunOptionError onLeadingTrials');
    expect(called).toBe(false);
  });

  it('a resumeFrom that is not a Simulation is refused by name, not failed on inside', async () => {
    for (const value of [5, 'run.json', null, { trials: 10 }, { store: {}, loaded: {}, trials: 10 }])
      expect(await refusal(() => simulate(example, bad({ trials: 50, workers: 0, resumeFrom: value })))).toBe('RunOptionError resumeFrom');
  });

  it('a resumeFrom whose trials were released or kept in part is refused as a RangeError saying which, as every other resumeFrom refusal', async () => {
    const released = await simulate(example, { trials: 2_000, workers: 0, seed: 7 });
    released.store.release(['revenue']);
    const partly = await simulate(example, { trials: 2_000, workers: 0, seed: 7, ownDrawTrials: 500 });
    // Before: a plain Error ('... holds 0 trials, fewer than the 1000 this run keeps'), with no word of why.
    const refusedBy = (resumeFrom: Simulation) => simulate(example, { trials: 3_000, workers: 0, seed: 7, resumeFrom }).catch((e: unknown) => e);
    const [a, b] = [await refusedBy(released), await refusedBy(partly)];
    expect(a).toBeInstanceOf(RangeError);
    expect((a as Error).message).toMatch(/holds 0 trials, fewer than the 1000 this run keeps \(its per-trial values were released: writeReport with releaseTrials\)/);
    expect(b).toBeInstanceOf(RangeError);
    expect((b as Error).message).toMatch(/^column own\.[^ ]+ of the run to resume holds 500 trials, fewer than the 1000 this run keeps \(its own draws were kept for fewer trials: ownDrawTrials\)/);
  });

  it('simulateShard refuses the options only simulate has, instead of ignoring them', async () => {
    const first = await simulate(example, { trials: 20, workers: 0, seed: 7 });
    const shard = { index: 0, count: 1 };
    expect(await refusal(() => simulateShard(example, bad({ trials: 50, workers: 0, seed: 7, shard, resumeFrom: first }) as ShardOptions))).toBe('RunOptionError resumeFrom');
    expect(await refusal(() => simulateShard(example, bad({ trials: 50, workers: 0, shard, ownDrawTrials: 10 }) as ShardOptions))).toBe('RunOptionError ownDrawTrials');
    expect(await refusal(() => simulateShard(example, bad({ trials: 50, workers: 0, shard, onLeadingTrials: { trials: 10, call: () => undefined } }) as ShardOptions))).toBe(
      'RunOptionError onLeadingTrials',
    );
  });

  it('a library-only option is named as the library spells it; an option the CLI also has, as its flag', async () => {
    const message = async (call: () => Promise<unknown>) => ((await call().catch((e: unknown) => e)) as Error).message;
    expect(await message(() => simulate(example, bad({ trials: 50, workers: 0, onProgress: 5 })))).toBe('onProgress: must be a function (got number)');
    expect(await message(() => simulate(example, bad({ trials: 50, workers: 0, onLeadingTrials: { trials: 10 } })))).toBe('onLeadingTrials: its call must be a function (got undefined)');
    expect(await message(() => simulate(example, { trials: 50, workers: -1 }))).toMatch(/^--workers: must be a whole number/);
  });

  it('the right values still run, and an AbortSignal still stops the run', async () => {
    let progressed = 0;
    const sim = await simulate(example, { trials: 50, workers: 0, seed: 7, onProgress: (done) => (progressed = done), onEstimate: () => undefined });
    expect([sim.trials, progressed]).toEqual([50, 50]);
    expect(await refusal(() => simulate(example, { trials: 50, workers: 0, signal: AbortSignal.abort() }))).toBe('AbortError: the run was cancelled');
  });
});

describe('mergeParts takes an array of paths', () => {
  it('a single path given as a string is refused as such, not read as its characters', async () => {
    const err = await mergeParts('parts/shard-1-of-2.arrcast-part' as unknown as string[]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('mergeParts takes an array of part file paths (got the string "parts/shard-1-of-2.arrcast-part": pass [path])');
    const numbers = await mergeParts([5] as unknown as string[]).catch((e: unknown) => e);
    expect((numbers as Error).message).toBe('mergeParts takes an array of part file paths (got an array holding number)');
  });
});

describe('allowedRoots is an array of folders', () => {
  const message = 'allowedRoots must be an array of folder paths (got the string "scenarios": pass [folder])';
  it('a single folder given as a string is refused as such by mergeParts, before any part is read', async () => {
    // The part does not exist: a check made after reading the parts' headers would name it instead.
    const err = await mergeParts(['no-such-dir/shard-1-of-1.arrcast-part'], { allowedRoots: 'scenarios' as unknown as string[] }).catch((e: unknown) => e);
    expect([err instanceof TypeError, (err as Error).message]).toEqual([true, message]);
  });
  it('and by loadScenario', async () => {
    const err = await loadScenario(`${ROOT}scenarios/example.yaml`, { allowedRoots: 'scenarios' as unknown as string[] }).catch((e: unknown) => e);
    expect([err instanceof TypeError, (err as Error).message]).toEqual([true, message]);
  });
});
