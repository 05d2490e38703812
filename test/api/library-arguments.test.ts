import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { ArgumentError, ArgumentRangeError, isArgumentRefusal, type ArgumentRefusal } from '../../src/scenario/argument-error.js';
import { describeFailure } from '../../src/cli/exit-codes.js';
import { fixtureText } from '../helpers/fixtures.js';

/**
 * Every function the library exports refuses a wrong argument up front, by name: an ArgumentError
 * (or, for the options objects their functions check themselves, a RunOptionError or
 * ScenarioError), each of which the CLI maps to exit 2, never JavaScript's own TypeError from deep
 * inside. The table is written here from the functions' signatures (not read from the code under
 * test): each name, its first parameter, how many it takes, and whether `{}` is a good first argument.
 */
type Row = readonly [name: string, first: string, arity: number, firstOptional?: boolean];
const TABLE: readonly Row[] = [
  ['actualsProblems', 'plan', 3], ['attributionInputs', 'sim', 1], ['badYears', 'sim', 2], ['binMedians', 'y', 2],
  ['calibrationCurve', 'pits', 2], ['checkPartOutput', 'file', 3], ['checkParts', 'parts', 1], ['checkRunEstimate', 'estimate', 2],
  ['compareSimulations', 'sims', 1], ['compileReforecast', 'scenario', 4], ['componentShortfalls', 'y', 3], ['coverage', 'inside', 2],
  ['createEngine', 'options', 1, true], ['decodePart', 'bytes', 2], ['describe', 'values', 3], ['displayText', 'text', 1],
  ['encodePart', 'part', 1], ['estimateRun', 'plan', 3], ['firstOrderShares', 'y', 3], ['fitAcvFromDeals', 'amounts', 3],
  ['fitAcvFromTotals', 'newArr', 2], ['fitConversion', 'leads', 2], ['fitHistory', 'inputs', 1], ['fitLeadVolume', 'counts', 1],
  ['fitRenewal', 'due', 3], ['fitRenewalFromOutcomes', 'arr', 3], ['fittedScenarioText', 'fit', 1], ['forecastIdentity', 'summary', 1, true],
  ['formatIssue', 'source', 2], ['formatPath', 'path', 1], ['formatWarning', 'warning', 1], ['hashScenario', 'scenario', 1],
  ['intervalScore', 'lower', 4], ['ksUniform', 'pits', 1], ['ksUniformRanges', 'ranges', 1], ['loadScenario', 'file', 2],
  ['locateWarnings', 'warnings', 3], ['medianCrossing', 'medians', 4], ['mergeParts', 'files', 2], ['midRankPit', 'sorted', 2],
  ['normalCrps', 'mu', 3], ['pairedDifference', 'a', 2], ['parseMonthlyFile', 'input', 4], ['parseOutcomes', 'input', 3],
  ['parseOutputs', 'text', 1], ['parseScenario', 'text', 2], ['partFileName', 'shard', 1], ['partRunOf', 'part', 1],
  ['pinballLoss', 'q', 3], ['pitHistogram', 'pits', 2], ['pitRange', 'sorted', 2], ['pitRangeHistogram', 'ranges', 2],
  ['planChunks', 'trials', 2], ['plausibilityWarnings', 'scenario', 2], ['prepareInput', 'values', 4], ['prepareReportDir', 'out', 3],
  ['quoteText', 'text', 2], ['rangeCalibrationCurve', 'ranges', 2], ['readMonthlyFile', 'path', 5], ['readPartFile', 'file', 1],
  ['readPartHeader', 'file', 1], ['readReportHeader', 'dir', 1], ['reforecastChunk', 'reforecast', 5], ['reforecastSummary', 'sim', 4],
  ['runWarnings', 'scenario', 3], ['sampleCrps', 'sorted', 2], ['scenarioJsonSchema', '', 0], ['scenarioWarnings', 'scenario', 1],
  ['scoreForecasts', 'outcomes', 3], ['scoreSample', 'sorted', 2], ['sensitivity', 'inputs', 4], ['shardChunks', 'chunks', 2],
  ['shareInside', 'range', 3], ['silenceWarnings', 'warnings', 2], ['simulate', 'loaded', 2], ['simulateShard', 'loaded', 2],
  ['simulatedYear', 'plan', 3], ['simulationWarnings', 'sim', 4], ['sortedQuantile', 'sorted', 2], ['summarize', 'sim', 2],
  ['summaryTable', 'summary', 1], ['tornadoEnd', 'y', 6], ['whatMustBeTrue', 'inputs', 6], ['worstTrials', 'y', 2],
  ['writePartFile', 'file', 3], ['writeReport', 'dir', 4], ['writtenWarnings', 'loaded', 1], ['yearLevel', 'standardError', 3],
];

const fn = (name: string) => (library as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
const isClass = (f: unknown) => typeof f === 'function' && /^class\b/.test(Function.prototype.toString.call(f));

/** The error a call ends in, thrown or rejected (undefined when it returns). */
async function failure(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  return undefined;
}

/** The refusal of a call: an ArgumentError whose message starts `name: path` and says what it must be. */
async function expectRefused(call: () => unknown, name: string, path: string): Promise<ArgumentRefusal> {
  const err = await failure(call);
  expect(isArgumentRefusal(err), `${name}: ${path}: ${String(err)}`).toBe(true);
  const e = err as ArgumentRefusal;
  expect(e.message.startsWith(`${name}: ${path}`), e.message).toBe(true);
  expect(e.message).toMatch(/ (must be|is not) /);
  expect(e.fn).toBe(name);
  expect(describeFailure(e).code).toBe(2);
  return e;
}

const loaded = library.parseScenario(fixtureText('minimal.yaml'), 'minimal.yaml');

group('every function the library exports checks its arguments up front', () => {
  it('the table names every exported function (a new export must join it)', () => {
    const functions = Object.entries(library).filter(([, v]) => typeof v === 'function' && !isClass(v)).map(([k]) => k).sort();
    expect(functions).toEqual(TABLE.map(([name]) => name).sort());
  });

  for (const [name, first] of TABLE.filter(([n, , arity, optional]) => arity > 0 && !optional && n !== 'fitHistory'))
  it(`${name}: a missing first argument, NaN and a look-alike object are refused by name`, async () => {
    const missing = await expectRefused(() => fn(name)(), name, first);
    expect(missing.received).toBe('undefined');
    const nan = await expectRefused(() => fn(name)(NaN), name, first);
    expect(nan.received).toBe('NaN');
    await expectRefused(() => fn(name)({ tiers: [], scenario: {} }), name, first);
  });

  it('arguments past the parameters are not looked at: a function passed to map() works as before', async () => {
    expect(['smb', 'mid'].map(library.displayText)).toEqual(['smb', 'mid'].map((t) => library.displayText(t)));
    expect([[1, 2, 3]].map(library.fitLeadVolume)).toEqual([library.fitLeadVolume([1, 2, 3])]);
    // Given an index and the array too, readReportHeader reads the folder as given one argument: here,
    // a folder that is not a report, refused by its own check, not as 'at most 1 argument'.
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-lib-'));
    const mapped = await failure(() => Promise.all([dir].map(library.readReportHeader)));
    const alone = await failure(() => library.readReportHeader(dir));
    expect(alone).toBeInstanceOf(Error);
    expect(isArgumentRefusal(mapped)).toBe(false);
    expect((mapped as Error).message).toBe((alone as Error).message);
  });

  it('a wrapper keeps the name and length of its function', () => {
    // The lengths of the signatures (parameters before the first with a default or optional).
    for (const [name, length] of [['simulate', 1], ['writeReport', 3], ['pinballLoss', 3], ['estimateRun', 3], ['describe', 1]] as const) {
      expect(fn(name).name).toBe(name);
      expect(fn(name).length, name).toBe(length);
    }
  });
});

group('async functions reject, as their other refusals do', () => {
  it('a refused argument of an async function is a rejected promise, never a synchronous throw', async () => {
    const engine = library.createEngine({ workers: 1 });
    try {
      for (const call of [
        () => library.simulate(undefined as never),
        () => library.loadScenario(5 as never),
        () => library.writeReport(5 as never, undefined as never, undefined as never),
        () => library.readPartHeader(NaN as never),
        // Not an async function, but it returns a Promise: its refusal is a rejection too.
        () => library.prepareReportDir(5 as never),
        () => engine.simulate(undefined as never),
        () => engine.simulateShard('x' as never, { shard: { index: 0, count: 1 } }),
      ]) {
        let result: unknown;
        expect(() => (result = call())).not.toThrow();
        await expect(result).rejects.toBeInstanceOf(ArgumentError);
      }
    } finally {
      await engine.close();
    }
  });
});

group('options objects a function checks itself', () => {
  it('fitHistory refuses its inputs as the readers of files do (ScenarioError, exit 2), naming the field', async () => {
    for (const bad of [undefined, NaN, { history: 5 }]) {
      const err = await failure(() => library.fitHistory(bad as never));
      expect(err).toBeInstanceOf(library.ScenarioError);
      expect((err as Error).message).toMatch(/^fitHistory/);
      expect(describeFailure(err).code).toBe(2);
    }
  });
});

group('fields, ranges and objects arrcast did not make', () => {
  it('copies of a loaded scenario are accepted as at 452f165; what is not a scenario is refused with its path', async () => {
    const json = JSON.parse(JSON.stringify(loaded.scenario)) as typeof loaded.scenario;
    const copies = [
      { ...loaded, scenario: { ...loaded.scenario, trials: 500 } },
      { ...loaded, scenario: structuredClone(loaded.scenario) },
      { ...loaded, scenario: json },
      { ...loaded, scenario: library.scenarioSchema.parse(json) },
    ];
    const reference = await library.simulate(loaded, { trials: 20, workers: 0, seed: 3 });
    for (const [i, copy] of copies.entries()) {
      const sim = await library.simulate(copy, { trials: 20, workers: 0, seed: 3 });
      expect(Array.from(sim.store.column('revenue')!)).toEqual(Array.from(reference.store.column('revenue')!));
      expect(library.summarize(sim).trials).toBe(20);
      // The hash of what each copy is: the first's trials differ from the file's.
      if (i > 0) expect(library.hashScenario(copy.scenario)).toBe(loaded.hash);
      else expect(library.hashScenario(copy.scenario)).not.toBe(loaded.hash);
      expect(library.scenarioWarnings(copy.scenario)).toEqual([]);
    }
    const notOne = await expectRefused(() => library.simulate({ ...loaded, scenario: { name: 'x', tiers: [] } } as never, { trials: 1, workers: 0 }), 'simulate', 'loaded');
    expect(notOne).toBeInstanceOf(ArgumentError);
    await expectRefused(() => library.hashScenario({ ...loaded.scenario, trials: 'many' } as never), 'hashScenario', 'scenario');
  });

  it('a value out of range is a RangeError still (ArgumentRangeError), as the functions threw at 452f165; a wrong type an ArgumentError', async () => {
    const sim = await library.simulate(loaded, { trials: 20, workers: 0 });
    const ranges: ReadonlyArray<readonly [string, () => unknown, string]> = [
      ['coverage', () => library.coverage([true, false], 80), 'nominal'],
      ['sortedQuantile', () => library.sortedQuantile([1, 2], 50), 'p'],
      ['worstTrials', () => library.worstTrials([1, 2], 10), 'share'],
      ['pitHistogram', () => library.pitHistogram([0.5], 2.5), 'bins'],
      ['prepareInput', () => library.prepareInput([1, 2], 'x' as never), 'kind'],
      ['firstOrderShares', () => library.firstOrderShares([1, 2], [library.prepareInput([1, 2], 'own')], 1), 'groups'],
      ['tornadoEnd', () => library.tornadoEnd([1, 2], [0.1, 0.9], 90), 'p'],
      ['compileReforecast', () => library.compileReforecast(loaded.scenario, loaded.files, { file: {}, months: 1 } as never, '1'), 'input.file'],
    ];
    for (const [name, call, path] of ranges) {
      const err = await expectRefused(call, name, path);
      expect(err, name).toBeInstanceOf(RangeError);
      expect(err, name).toBeInstanceOf(ArgumentRangeError);
    }
    expect(await expectRefused(() => library.describe('12' as never), 'describe', 'values')).toBeInstanceOf(TypeError);
    // What worked at 452f165 still does: an estimate for 0 trials.
    expect(library.estimateRun(sim.plan, 0, 0).trials).toBe(0);
    // An option writeReport refuses itself is the project's error too: exit 2, before anything is written.
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-lib-')), 'report');
    const onStep = await failure(() => library.writeReport(out, sim, library.summarize(sim), { onStep: 5 as never }));
    expect(onStep).toBeInstanceOf(TypeError);
    expect((onStep as Error).message).toMatch(/^writeReport: onStep must be a function/);
    expect(describeFailure(onStep).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("a shard's part given where a whole run is read is told to merge the parts first", async () => {
    const part = await library.simulateShard(loaded, { trials: 2_000, workers: 0, seed: 1, shard: { index: 0, count: 2 } });
    const err = await failure(() => library.summarize(part as never));
    expect(err).toBeInstanceOf(RangeError);
    expect((err as Error).message).toContain("shard 1/2's part: 1,000 of its 2,000 trials; merge the parts first");
  });

  it('an extra field of an options object, NaN, a negative and a huge number are refused with the field path', async () => {
    const extra = await expectRefused(() => library.shardChunks(library.planChunks(10), { index: 0, count: 2, size: 3 } as never), 'shardChunks', 'shard.size');
    expect(extra.message).toContain('its fields are index, count');
    await expectRefused(() => library.shardChunks(library.planChunks(10), { index: 0 } as never), 'shardChunks', 'shard.count');
    await expectRefused(() => library.planChunks(-1), 'planChunks', 'trials');
    await expectRefused(() => library.normalCrps(0, -1, 0), 'normalCrps', 'sigma');
    await expectRefused(() => library.intervalScore(0, 1, 0.5, NaN), 'intervalScore', 'alpha');
    const huge = await expectRefused(() => library.planChunks(1e300), 'planChunks', 'trials');
    expect(huge.received).toBe('1e+300');
    await expectRefused(() => library.describe('12' as never), 'describe', 'values');
    await expectRefused(() => library.describe([1, '2'] as never), 'describe', 'values');
    await expectRefused(() => library.componentShortfalls([1], new Int32Array(1), [{ component: 'x', values: 'abc' }] as never), 'componentShortfalls', 'components[0].values');
    // A share given as a percentage is told the share meant, as the estimators' own checks tell it.
    const percent = await expectRefused(() => library.pinballLoss(1, 2, 80), 'pinballLoss', 'tau');
    expect(percent.message).toBe('pinballLoss: tau must be a share between 0 and 1 (exclusive) (got 80); did you mean 0.8?');
    expect([percent.fn, percent.path, percent.received]).toEqual(['pinballLoss', ['tau'], '80']);
    // The controls: the same calls with good values give the functions' own results.
    expect(library.shardChunks(library.planChunks(10), { index: 0, count: 1 }).length).toBe(1);
    expect(library.describe([1, 2, 3])?.mean).toBe(2);
    expect(library.intervalScore(0, 1, 0.5, 0.2)).toBe(1);
  });

  it('an AbortSignal look-alike is refused as the signal of every function that takes one, before anything runs or is written', async () => {
    const fake = { aborted: false, reason: undefined, addEventListener() {}, removeEventListener() {} };
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-lib-'));
    const out = join(dir, 'report');
    const calls: ReadonlyArray<() => Promise<unknown>> = [
      () => library.simulate(loaded, { trials: 1, workers: 0, signal: fake as never }),
      () => library.simulateShard(loaded, { trials: 1, workers: 0, shard: { index: 0, count: 1 }, signal: fake as never }),
      () => library.mergeParts([join(dir, 'none')], { signal: fake as never }),
    ];
    for (const call of calls) {
      const err = await failure(call);
      expect(err).toBeInstanceOf(library.RunOptionError);
      expect((err as Error).message).toMatch(/^signal: must be an AbortSignal/);
      expect(describeFailure(err).code).toBe(2);
    }
    const sim = await library.simulate(loaded, { trials: 1, workers: 0 });
    const err = await failure(() => library.writeReport(out, sim, library.summarize(sim), { signal: fake as never }));
    expect((err as Error).message).toMatch(/signal: must be an AbortSignal/);
    expect(describeFailure(err).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a bad summary given to writeReport is refused before its folder is made', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-lib-')), 'report');
    const sim = await library.simulate(loaded, { trials: 1, workers: 0 });
    await expectRefused(() => library.writeReport(out, sim, { metrics: {} } as never), 'writeReport', 'summary');
    await expectRefused(() => library.writeReport(out, { ...sim, store: {} } as never, library.summarize(sim)), 'writeReport', 'sim');
    expect(existsSync(out)).toBe(false);
  });
});
