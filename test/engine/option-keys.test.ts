import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, simulateShard, type ShardOptions, type SimulateOptions } from '../../src/engine/simulate.js';
import { createEngine, type EngineOptions } from '../../src/engine/engine.js';
import { mergeParts, type MergeOptions } from '../../src/engine/merge.js';
import { writePartFile } from '../../src/engine/part-file.js';
import { summarize, type SummaryOptions } from '../../src/analysis/summarize.js';
import { writeReport, type ReportOptions } from '../../src/report/write-report.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');

/** The message a call was refused with (RunOptionError), or what it did instead. */
async function refusal(call: () => unknown): Promise<string> {
  try {
    await call();
    return 'ran';
  } catch (err) {
    return err instanceof RunOptionError ? `RunOptionError ${err.message}` : `${(err as Error).name}: ${(err as Error).message}`;
  }
}

// Given as a plain JS caller would give them: the types do not stop a misspelt key there.
const as = <T>(o: unknown) => o as T;

describe('an option the function does not read is refused by name, not ignored', () => {
  // Before: each ran, the misspelt option dropped without a word, so the numbers were the scenario's
  // own seed or trials, budgets at 80%, every default output: not what the caller asked for.
  it('simulate, simulateShard and an engine: a misspelt key, with the nearest option', async () => {
    expect(await refusal(() => simulate(example, as<SimulateOptions>({ trials: 50, workers: 0, seeds: 7 })))).toMatch(/^RunOptionError seeds: is not an option of simulate \(did you mean seed\?\); its options are trials, seed, workers, /);
    expect(await refusal(() => simulate(example, as<SimulateOptions>({ trial: 50, workers: 0 })))).toMatch(/^RunOptionError trial: is not an option of simulate \(did you mean trials\?\)/);
    expect(await refusal(() => simulate(example, as<SimulateOptions>({ trials: 50, Workers: 0 })))).toMatch(/^RunOptionError Workers: .*\(did you mean workers\?\)/);
    // No near option: the list alone.
    expect(await refusal(() => simulate(example, as<SimulateOptions>({ trials: 50, workers: 0, precision: 0.01 })))).toMatch(/^RunOptionError precision: is not an option of simulate; its options are /);
    expect(await refusal(() => simulateShard(example, as<ShardOptions>({ trials: 50, workers: 0, shard: { index: 0, count: 1 }, sead: 3 })))).toMatch(
      /^RunOptionError sead: is not an option of simulateShard \(did you mean seed\?\); its options are trials, seed, workers, signal, onProgress, maxMinutes, onEstimate, actuals, shard$/,
    );
    // A simulate option simulateShard omits keeps its own words; so does a shard given to simulate.
    expect(await refusal(() => simulateShard(example, as<ShardOptions>({ trials: 50, workers: 0, shard: { index: 0, count: 1 }, onChunk: () => undefined })))).toBe(
      'RunOptionError onChunk: is an option of simulate, not of simulateShard (a shard runs its chunks whole)',
    );
    expect(await refusal(() => simulate(example, as<SimulateOptions>({ trials: 50, workers: 0, shard: { index: 0, count: 1 } })))).toMatch(/^RunOptionError --shard: simulate runs the whole run/);
    const part = await simulateShard(example, { trials: 50, workers: 0, shard: { index: 0, count: 1 } });
    const partFile = join(mkdtempSync(join(tmpdir(), 'option-keys-')), 'p.arrcast-part');
    expect(await refusal(() => writePartFile(partFile, part, as<{ signal?: AbortSignal }>({ signl: AbortSignal.abort() })))).toBe('RunOptionError signl: is not an option of writePartFile (did you mean signal?); its options are signal, recheck');
    expect(await refusal(() => writePartFile(partFile, part, as<{ recheck?: () => Promise<void> }>({ recheck: 'yes' })))).toMatch(/^RunOptionError recheck: must be a function/);
    expect(await refusal(() => writePartFile(partFile, part, as<{ signal?: AbortSignal }>({ signal: new AbortController() })))).toMatch(/^RunOptionError signal: must be an AbortSignal/);
    expect(existsSync(partFile)).toBe(false);
    expect(await refusal(() => createEngine(as<EngineOptions>({ worker: 1 })))).toMatch(/^RunOptionError worker: is not an option of createEngine \(did you mean workers\?\); its options are workers, tierCacheBytes$/);
    const engine = createEngine({ workers: 1 });
    try {
      expect(await refusal(() => engine.simulate(example, as<SimulateOptions>({ trials: 50, seeds: 7 })))).toMatch(/^RunOptionError seeds: is not an option of simulate \(did you mean seed\?\)/);
      expect(await refusal(() => engine.simulateShard(example, as<ShardOptions>({ trials: 50, shard: { index: 0, count: 1 }, worker: 1 })))).toMatch(/^RunOptionError worker: is not an option of simulateShard \(did you mean workers\?\)/);
      expect(await refusal(() => engine.simulate(example, as<SimulateOptions>(null)))).toBe('RunOptionError options: the options of simulate must be an object (got null)');
      expect(await refusal(() => engine.simulateShard(example, as<ShardOptions>(undefined)))).toMatch(/^RunOptionError --shard: the shard count must be a whole number/);
    } finally {
      await engine.close();
    }
  });

  it('options that are not an object are refused by name, not met as a TypeError', async () => {
    expect(await refusal(() => simulate(example, as<SimulateOptions>(null)))).toBe('RunOptionError options: the options of simulate must be an object (got null)');
    expect(await refusal(() => simulate(example, as<SimulateOptions>(1_000)))).toBe('RunOptionError options: the options of simulate must be an object (got number)');
    expect(await refusal(() => simulateShard(example, as<ShardOptions>([])))).toBe('RunOptionError options: the options of simulateShard must be an object (got an array)');
    // None at all: the shard it must name is refused, not met as "Cannot read properties of undefined".
    expect(await refusal(() => simulateShard(example, as<ShardOptions>(undefined)))).toMatch(/^RunOptionError --shard: the shard count must be a whole number/);
    expect(await refusal(() => mergeParts([], as<MergeOptions>(null)))).toBe('RunOptionError options: the options of mergeParts must be an object (got null)');
  });

  it('summarize, writeReport and mergeParts: a misspelt key, with the nearest option', async () => {
    const sim = await simulate(example, { trials: 200, workers: 0 });
    expect(await refusal(() => summarize(sim, as<SummaryOptions>({ confidance: 0.9 })))).toBe('RunOptionError confidance: is not an option of summarize (did you mean confidence?); its options are confidence, targets, precision, prepared, plan');
    expect(await refusal(() => summarize(sim, as<SummaryOptions>({ target: { metrics: [] } })))).toMatch(/target: is not an option of summarize \(did you mean targets\?\)/);
    // The spelt option is read: budgets at 90% are the P10.
    expect(summarize(sim, { confidence: 0.9 }).decisions.budgets.metrics.revenue.value).toBe(summarize(sim).metrics.revenue.percentiles.p10);
    // A string passed (the budgets right, summary.json's decisions.confidence the string "0.9"); a percentage was already refused.
    expect(await refusal(() => summarize(sim, as<SummaryOptions>({ confidence: '0.9' })))).toBe('RangeError: confidence must be a share between 0 and 1, not included (got string)');
    // The estimators' check (checkShare), with their hint for a percentage.
    expect(await refusal(() => summarize(sim, { confidence: 80 }))).toBe('RangeError: confidence must be a share between 0 and 1, not included (got 80; for 80% pass 0.8)');
    expect(await refusal(() => summarize(sim, { confidence: 1 }))).toBe('RangeError: confidence must be a share between 0 and 1, not included (got 1)');
    const dir = mkdtempSync(join(tmpdir(), 'option-keys-'));
    const out = join(dir, 'report');
    expect(await refusal(() => writeReport(out, sim, summarize(sim), as<ReportOptions>({ output: ['summary'] })))).toMatch(/^RunOptionError output: is not an option of writeReport \(did you mean outputs\?\)/);
    // A list's value given as a string was read as its letters: '"s" is not an output'.
    expect(await refusal(() => writeReport(out, sim, summarize(sim), as<ReportOptions>({ outputs: 'summary,html' })))).toBe(
      'OutputsError: outputs must be a list of names (got the string "summary,html": pass ["summary", "html"], or parseOutputs("summary,html"))',
    );
    expect(await refusal(() => mergeParts(['none.arrcast-part'], as<MergeOptions>({ allowedRoot: [dir] })))).toMatch(/^RunOptionError allowedRoot: is not an option of mergeParts \(did you mean allowedRoots\?\); its options are signal, allowedRoots$/);
  });
});
