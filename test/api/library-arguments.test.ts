import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { ArgumentError } from '../../src/scenario/argument-error.js';
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
async function expectRefused(call: () => unknown, name: string, path: string): Promise<ArgumentError> {
  const err = await failure(call);
  expect(err, `${name}: ${path}`).toBeInstanceOf(ArgumentError);
  const e = err as ArgumentError;
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

  for (const [name, first, arity] of TABLE)
  it(`${name}: one argument more than it takes is refused`, async () => {
    const err = await expectRefused(() => fn(name)(...Array.from({ length: arity + 1 }, () => undefined)), name, 'arguments');
    expect(err.expected.startsWith(`at most ${arity} (${first}`)).toBe(true);
  });
});

group('async functions reject, as their other refusals do', () => {
  it('a refused argument of an async function is a rejected promise, never a synchronous throw', async () => {
    for (const call of [() => library.simulate(undefined as never), () => library.loadScenario(5 as never), () => library.writeReport(5 as never, undefined as never, undefined as never), () => library.readPartHeader(NaN as never)]) {
      let result: unknown;
      expect(() => (result = call())).not.toThrow();
      await expect(result).rejects.toBeInstanceOf(ArgumentError);
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
  it('a scenario object that did not come from the parser is refused, even with every field of a parsed one', async () => {
    const copy = { ...loaded, scenario: structuredClone(loaded.scenario) };
    const err = await expectRefused(() => library.simulate(copy, { trials: 1, workers: 0 }), 'simulate', 'loaded');
    expect(err.expected).toMatch(/loadScenario or parseScenario/);
    await expectRefused(() => library.hashScenario(copy.scenario), 'hashScenario', 'scenario');
    await expectRefused(() => library.scenarioWarnings(copy.scenario), 'scenarioWarnings', 'scenario');
    // The control: the parsed one, and a spread copy of the loaded scenario that keeps it, pass.
    expect(library.scenarioWarnings(loaded.scenario)).toEqual([]);
    expect(library.hashScenario({ ...loaded }.scenario)).toBe(loaded.hash);
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
