import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe as group, expect, it } from 'vitest';
import { createEngine, mergeParts, parseScenario, RunOptionError, simulate, simulateShard, summarize, writePartFile, type Simulation, type SimulationPart } from '../../src/index.js';
import { StudioSession } from '../../src/studio/session.js';
import { simulateToPrecision } from '../../src/analysis/precision.js';
import type { StudioScenario } from '../../src/studio/studio-scenario.js';
import type { Engine } from '../../src/engine/engine.js';
import { ROOT } from '../helpers/fixtures.js';
import { readFileSync } from 'node:fs';

/**
 * The options of the library's run functions, each checked against its one schema before any work
 * starts (engine/options-schema.ts): a table of bad options (stdlib-js style), each row the call, the
 * error class and the path of the option named, as data (`err.path`, `err.issues`). The rows marked
 * "before: ..." were taken before this check: ran, a result with the bad value in it, or JavaScript's
 * own TypeError once the run was under way. Nothing here simulates but one 20-trial run, shared.
 */
const loaded = parseScenario(readFileSync(`${ROOT}scenarios/smb-lead-driven.yaml`, 'utf8'), 'smb-lead-driven.yaml');
const RUN = { trials: 20, seed: 3, workers: 0 } as const;
let sim: Simulation;
let part: SimulationPart;
const dir = mkdtempSync(join(tmpdir(), 'lib23-options-'));
beforeAll(async () => {
  sim = await simulate(loaded, RUN);
  part = await simulateShard(loaded, { ...RUN, shard: { index: 0, count: 2 } });
});

type Row = readonly [call: string, run: () => unknown, path: ReadonlyArray<string | number>, message: RegExp];
const bad = (o: unknown) => o as never;
const ROWS: () => readonly Row[] = () => [
  ['simulate(loaded, { worker: 4 })', () => simulate(loaded, bad({ ...RUN, worker: 4 })), ['worker'], /^worker: is not an option of simulate \(did you mean workers\?\)/],
  ['simulate(loaded, { trials: NaN })', () => simulate(loaded, bad({ ...RUN, trials: NaN })), ['trials'], /^--trials: must be a whole number from 1 to 10,000,000 \(got NaN\)$/],
  ['simulate(loaded, { trials: "20" })', () => simulate(loaded, bad({ ...RUN, trials: '20' })), ['trials'], /\(got "20"\)$/],
  ['simulate(loaded, { workers: 1.5 })', () => simulate(loaded, bad({ ...RUN, workers: 1.5 })), ['workers'], /^--workers: must be a whole number from 0 \(in-process\) to 256 \(got 1\.5\)$/],
  ['simulate(loaded, { maxMinutes: -1 })', () => simulate(loaded, bad({ ...RUN, maxMinutes: -1 })), ['maxMinutes'], /^--max-minutes: must be a number of minutes above 0 \(got -1\)$/],
  ['simulate(loaded, { signal: new AbortController() })', () => simulate(loaded, bad({ ...RUN, signal: new AbortController() })), ['signal'], /^signal: must be an AbortSignal .*the AbortController itself/],
  // before: ran 20 trials, then "options.onChunk is not a function" from inside the run
  ['simulate(loaded, { onChunk: 5 })', () => simulate(loaded, bad({ ...RUN, onChunk: 5 })), ['onChunk'], /^onChunk: must be a function \(got number\)$/],
  // before: ran, the misspelt key ignored
  ['simulate(loaded, { onLeadingTrials: { trials: 1, call, trails: 2 } })', () => simulate(loaded, bad({ ...RUN, onLeadingTrials: { trials: 1, call: () => undefined, trails: 2 } })), ['onLeadingTrials', 'trails'], /^onLeadingTrials: trails is not a field of onLeadingTrials \(did you mean trials\?\)/],
  ['simulate(loaded, 5)', () => simulate(loaded, bad(5)), [], /^options: the options of simulate must be an object \(got number\)$/],
  // before: ran shard 0 of 2, the misspelt key ignored
  ['simulateShard(loaded, { shard: { index: 0, count: 2, idx: 1 } })', () => simulateShard(loaded, bad({ ...RUN, shard: { index: 0, count: 2, idx: 1 } })), ['shard', 'idx'], /^shard: idx is not a field of shard \(did you mean index\?\); its fields are index, count$/],
  ['simulateShard(loaded, { shard: { index: 2, count: 2 } })', () => simulateShard(loaded, bad({ ...RUN, shard: { index: 2, count: 2 } })), ['shard', 'index'], /^--shard: the shard index must be a whole number from 0 to 1 \(0-based; got 2\)$/],
  // before (lib23): "--shard: the shard count must be ... (got undefined)"
  ['simulateShard(loaded, { shard: null })', () => simulateShard(loaded, bad({ ...RUN, shard: null })), ['shard'], /^--shard: the shard count must be a whole number from 1 to 10,000 \(got null\)$/],
  // before (lib23): zod's own "Invalid input: expected string, received number"
  ['simulate(loaded, { keepApart: [1] })', () => simulate(loaded, bad({ ...RUN, keepApart: ['mrr', 1] })), ['keepApart', 1], /^keepApart: each column key must be a string \(got 1\)$/],
  // before (lib23): the scenario's own trials went unchecked when no option overrode them (it ran with trials "30")
  ['simulate({ ...loaded, scenario: { trials: "30" } })', () => simulate({ ...loaded, scenario: { ...loaded.scenario, trials: '30' } } as never, { seed: 3, workers: 0 }), ['trials'], /^--trials: must be a whole number from 1 to 10,000,000 \(got "30"\)$/],
  ['simulateShard({ ...loaded, scenario: { trials: "30" } })', () => simulateShard({ ...loaded, scenario: { ...loaded.scenario, trials: '30' } } as never, { seed: 3, workers: 0, shard: { index: 0, count: 2 } }), ['trials'], /\(got "30"\)$/],
  ['simulateShard(loaded, {})', () => simulateShard(loaded, bad({ ...RUN })), ['shard'], /^--shard: the shard count must be a whole number/],
  ['simulateShard(loaded, { resumeFrom })', () => simulateShard(loaded, bad({ ...RUN, shard: { index: 0, count: 2 }, resumeFrom: sim })), ['resumeFrom'], /is an option of simulate, not of simulateShard/],
  // A flag's name in the message, the option the caller wrote in the path (before: ['trials'], ['month']).
  ['simulateToPrecision(loaded, { precision, startTrials: 0 })', () => simulateToPrecision(loaded, bad({ seed: 3, workers: 0, precision: 0.01, startTrials: 0 })), ['startTrials'], /^--trials: the first step's trials \(startTrials\) must be/],
  ['simulate(loaded, { actuals: { file, month: 3 } })', () => simulate(loaded, bad({ ...RUN, actuals: { file: {}, month: 3 } })), ['actuals', 'month'], /^month: /],
  ['createEngine({ workers: 0 })', () => createEngine(bad({ workers: 0 })), ['workers'], /^--workers: an engine needs a whole number of worker threads from 1 to 256 \(got 0\)$/],
  ['createEngine({ tierCacheBytes: NaN })', () => createEngine(bad({ workers: 1, tierCacheBytes: NaN })), ['tierCacheBytes'], /^tierCacheBytes: must be a whole number of bytes >= 0 \(got NaN\)$/],
  ['createEngine({ worker: 1 })', () => createEngine(bad({ worker: 1 })), ['worker'], /^worker: is not an option of createEngine \(did you mean workers\?\)/],
  ['summarize(sim, { confidenc: 0.9 })', () => summarize(sim, bad({ confidenc: 0.9 })), ['confidenc'], /^confidenc: is not an option of summarize \(did you mean confidence\?\)/],
  // before: summary.json held "precision": 5
  ['summarize(sim, { precision: 5 })', () => summarize(sim, bad({ precision: 5 })), ['precision'], /^precision: must be a precision report as simulateToPrecision returns it/],
  // before: ignored without a word
  ['summarize(sim, { prepared: 5 })', () => summarize(sim, bad({ prepared: 5 })), ['prepared'], /^prepared: must be the attribution prepareAttribution computed/],
  ['mergeParts([], { sigal })', () => mergeParts([], bad({ sigal: new AbortController().signal })), ['sigal'], /^sigal: is not an option of mergeParts \(did you mean signal\?\)/],
  ['mergeParts([], { signal: {} })', () => mergeParts([], bad({ signal: {} })), ['signal'], /^signal: must be an AbortSignal/],
  ['writePartFile(file, part, { recheck: 5 })', () => writePartFile(join(dir, 'p.arrcast-part'), part, bad({ recheck: 5 })), ['recheck'], /^recheck: must be a function, called just before the part is moved into place \(got number\)$/],
  // The studio's session: its options are refused before it asks anything of its scenario or engine.
  // before: served the scenario's own trials, the misspelt key ignored
  ['new StudioSession(scenario, engine, { trial: 500 })', () => new StudioSession({ loaded } as StudioScenario, {} as Engine, bad({ trial: 500 })), ['trial'], /^trial: is not an option of StudioSession \(did you mean trials\?\)/],
  ['new StudioSession(scenario, engine, { confidence: 80 })', () => new StudioSession({ loaded } as StudioScenario, {} as Engine, bad({ confidence: 80 })), ['confidence'], /^--confidence: must be a share between 0 and 1, not included \(got 80\)$/],
];

group('bad options, one row each: a RunOptionError naming the option, its path as data, before any work', () => {
  it.each(ROWS().map((r, i) => [r[0], i] as const))('%s', async (_call, i) => {
    const [, run, path, message] = ROWS()[i]!;
    let err: unknown;
    try {
      const made = await run();
      // A created engine would keep the process alive.
      await (made as { close?: () => Promise<void> } | undefined)?.close?.();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RunOptionError);
    const refusal = err as RunOptionError;
    expect(refusal.message).toMatch(message);
    expect(refusal.path).toEqual(path);
    expect(refusal.issues[0]).toEqual({ path, message: expect.any(String) });
  });

  it("a check made once the run is planned names the option's path as the library spells it", async () => {
    // The estimate over the limit (run-estimate.ts): named --max-minutes in the message, as the CLI's flag.
    const err = await simulate(loaded, { ...RUN, maxMinutes: 1e-9 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunOptionError);
    expect((err as RunOptionError).message).toMatch(/^--max-minutes: this run is estimated at /);
    expect((err as RunOptionError).path).toEqual(['maxMinutes']);
  });

  it('maxMinutes: Infinity is no limit (the run goes ahead)', async () => {
    // before (lib23): refused, "--max-minutes: must be a number of minutes above 0 (got Infinity)".
    const run = await simulate(loaded, { ...RUN, maxMinutes: Infinity });
    expect(run.trials).toBe(RUN.trials);
  });

  it('each unknown key is an issue of its own', async () => {
    // before (lib23): one issue, for the first key only.
    const err = await simulate(loaded, bad({ ...RUN, seeds: 1, worker: 2, onChunk: 5 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunOptionError);
    const issues = (err as RunOptionError).issues;
    expect(issues.map((i) => i.path).sort()).toEqual([['onChunk'], ['seeds'], ['worker']]);
    expect(issues[0]!.path).toEqual((err as RunOptionError).path);
    expect(issues.find((i) => i.path[0] === 'worker')!.message).toMatch(/did you mean workers\?/);
  });

  it('every problem is kept as data, the first in the message', async () => {
    const err = await simulate(loaded, bad({ ...RUN, trials: NaN, workers: -1, seeds: 1 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunOptionError);
    // The unknown key first: it may be a misspelt option whose value the rest would have checked.
    expect((err as RunOptionError).path).toEqual(['seeds']);
    expect((err as RunOptionError).issues.map((i) => i.path).sort()).toEqual([['seeds'], ['trials'], ['workers']].sort());
  });
});

