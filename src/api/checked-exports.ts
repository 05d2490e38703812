import { z } from 'zod';
import { checked } from './checked-function.js';
import * as k from './argument-kinds.js';
import { MAX_TRIALS } from '../scenario/limits.js';
import { MAX_SHARDS } from '../engine/chunks.js';
import { MAX_COMPARED } from '../analysis/compare-limits.js';
import { SortWorkspace } from '../math/sorted-values.js';
import { InputArena } from '../analysis/attribution/input.js';
import { METRICS } from '../model/components.js';
import * as scenarioLoad from '../scenario/load.js';
import * as parse from '../scenario/parse.js';
import * as jsonSchema from '../scenario/json-schema.js';
import * as scenarioError from '../scenario/scenario-error.js';
import * as displayTextFns from '../scenario/display-text.js';
import * as simulateFns from '../engine/simulate.js';
import * as runEstimate from '../engine/run-estimate.js';
import * as chunks from '../engine/chunks.js';
import * as merge from '../engine/merge.js';
import * as partFile from '../engine/part-file.js';
import * as partFormat from '../engine/part-format.js';
import * as engine from '../engine/engine.js';
import * as reforecast from '../actuals/reforecast.js';
import * as simulatedYearFns from '../actuals/simulated-year.js';
import * as validateActuals from '../actuals/validate-actuals.js';
import * as monthly from '../actuals/read-monthly-file.js';
import * as reforecastSummaryFns from '../analysis/reforecast-summary.js';
import * as summarizeFns from '../analysis/summarize.js';
import * as describeFns from '../analysis/describe.js';
import * as plausibility from '../analysis/plausibility.js';
import * as firstOrder from '../analysis/attribution/first-order.js';
import * as input from '../analysis/attribution/input.js';
import * as tornado from '../analysis/attribution/tornado.js';
import * as breakEven from '../analysis/attribution/break-even.js';
import * as badYearsAttribution from '../analysis/attribution/bad-years.js';
import * as simInputs from '../analysis/attribution/sim-inputs.js';
import * as sensitivityFns from '../analysis/sensitivity.js';
import * as mustBeTrue from '../analysis/what-must-be-true.js';
import * as badYearsFns from '../analysis/bad-years.js';
import * as compare from '../analysis/compare.js';
import * as writeReportFns from '../report/write-report.js';
import * as outputDir from '../report/output-dir.js';
import * as summaryTableFns from '../report/summary-table.js';
import * as outputs from '../report/outputs.js';
import * as forecastIdentityFns from '../report/forecast-identity.js';
import * as reportTrials from '../report/read-report-trials.js';
import * as leadVolume from '../fit/lead-volume.js';
import * as conversion from '../fit/conversion.js';
import * as acv from '../fit/acv.js';
import * as renewal from '../fit/renewal.js';
import * as estimate from '../fit/estimate.js';
import * as fitHistoryFns from '../fit/fit-history.js';
import * as scenarioText from '../fit/scenario-text.js';
import * as crps from '../scoring/crps.js';
import * as pit from '../scoring/pit.js';
import * as pinball from '../scoring/pinball.js';
import * as intervalScoreFns from '../scoring/interval-score.js';
import * as calibration from '../scoring/calibration.js';
import * as scoreSampleFns from '../scoring/score-sample.js';
import * as scoreForecastsFns from '../scoring/score-forecasts.js';
import * as outcomesFile from '../scoring/outcomes-file.js';

/**
 * Every function src/index.ts exports, with its arguments checked up front (checked-function.ts):
 * the library's callers get an ArgumentError naming the argument and what it must be where they got
 * JavaScript's own TypeError ("Cannot read properties of undefined") or, worse, a result. An
 * argument marked checkedInside is an options object its function refuses by itself, by name, with
 * its own class (RunOptionError, ScenarioError: the CLI exits with 2 on each).
 */
const { text, finite, func, whole, openShare, positive, numbers, float64, checkedInside: inside } = k;
const opt = <T extends z.ZodType>(s: T) => s.optional();
const sortedSample = numbers(1);
const textOrBytes = z.union([z.string(), z.instanceof(Uint8Array)], { error: 'a string or a Buffer' });
const level = k.share;
const levels = z.array(openShare, { error: 'a list of shares between 0 and 1 (exclusive)' });
const bins = whole(1, 10_000);
const finites = z.array(finite, { error: 'a list of finite numbers' });
const shard = z.strictObject({ index: whole(0, MAX_SHARDS - 1), count: whole(1, MAX_SHARDS) }, { error: (iss) => (iss.code === 'unrecognized_keys' ? 'its fields are index, count' : 'a shard ({ index, count })') });
const pitRanges = z.array(k.pitRange, { error: 'a list of PIT ranges as pitRange returns them' });
const ends = z.strictObject({ low: finite, high: finite }, { error: (iss) => (iss.code === 'unrecognized_keys' ? 'its fields are low, high' : 'the ends ({ low, high })') });

export const loadScenario: typeof scenarioLoad.loadScenario = checked('loadScenario', scenarioLoad.loadScenario, [['file', text], ['options', inside]], 'rejects');
export const parseScenario: typeof parse.parseScenario = checked('parseScenario', parse.parseScenario, [['text', text], ['source', opt(text)]]);
export const hashScenario: typeof parse.hashScenario = checked('hashScenario', parse.hashScenario, [['scenario', k.scenario]]);
export const formatIssue: typeof scenarioError.formatIssue = checked('formatIssue', scenarioError.formatIssue, [['source', text], ['issue', k.issue]]);
export const formatPath: typeof scenarioError.formatPath = checked('formatPath', scenarioError.formatPath, [['path', z.array(z.union([z.string(), z.number()]), { error: 'a list of keys (strings) and indices (numbers)' })]]);
export const displayText: typeof displayTextFns.displayText = checked('displayText', displayTextFns.displayText, [['text', text]]);
export const quoteText: typeof displayTextFns.quoteText = checked('quoteText', displayTextFns.quoteText, [['text', text], ['max', opt(whole(1))]]);
export const simulate: typeof simulateFns.simulate = checked('simulate', simulateFns.simulate, [['loaded', k.loaded], ['options', inside]], 'rejects');
export const simulateShard: typeof simulateFns.simulateShard = checked('simulateShard', simulateFns.simulateShard, [['loaded', k.loaded], ['options', inside]], 'rejects');
export const estimateRun: typeof runEstimate.estimateRun = checked('estimateRun', runEstimate.estimateRun, [['plan', k.plan], ['trials', z.number({ error: 'a finite number of trials, at least 0' }).min(0)], ['workers', whole(0)]]);
export const checkRunEstimate: typeof runEstimate.checkRunEstimate = checked('checkRunEstimate', runEstimate.checkRunEstimate, [['estimate', k.runEstimate], ['maxMinutes', opt(positive)]]);
export const planChunks: typeof chunks.planChunks = checked('planChunks', chunks.planChunks, [['trials', whole(0, MAX_TRIALS)], ['chunkSize', opt(whole(1, MAX_TRIALS))]]);
export const shardChunks: typeof chunks.shardChunks = checked('shardChunks', chunks.shardChunks, [['chunks', z.array(k.chunk, { error: 'a list of chunks as planChunks returns it' })], ['shard', shard]]);
export const checkParts: typeof merge.checkParts = checked('checkParts', merge.checkParts, [['parts', z.array(k.partInfo, { error: 'a list of parts as readPartHeader returns them' })]]);
export const mergeParts: typeof merge.mergeParts = checked('mergeParts', merge.mergeParts, [['files', k.strings], ['options', inside]], 'rejects');
export const checkPartOutput: typeof partFile.checkPartOutput = checked('checkPartOutput', partFile.checkPartOutput, [['file', text], ['shown', opt(text)], ['run', opt(z.looseObject({ scenarioHash: text, seed: text, trials: whole(1, MAX_TRIALS) }, { error: 'the run a part belongs to, as partRunOf returns it' }))]], 'rejects');
export const partFileName: typeof partFile.partFileName = checked('partFileName', partFile.partFileName, [['shard', shard]]);
export const partRunOf: typeof partFile.partRunOf = checked('partRunOf', partFile.partRunOf, [['part', k.part]]);
export const readPartFile: typeof partFile.readPartFile = checked('readPartFile', partFile.readPartFile, [['file', text]], 'rejects');
export const readPartHeader: typeof partFile.readPartHeader = checked('readPartHeader', partFile.readPartHeader, [['file', text]], 'rejects');
export const writePartFile: typeof partFile.writePartFile = checked('writePartFile', partFile.writePartFile, [['file', text], ['part', k.part], ['options', inside]], 'rejects');
export const decodePart: typeof partFormat.decodePart = checked('decodePart', partFormat.decodePart, [['bytes', k.bytes], ['file', text]]);
export const encodePart: typeof partFormat.encodePart = checked('encodePart', partFormat.encodePart, [['part', k.part]]);
// createEngine, whose engine's simulate and simulateShard check their scenario as the library's simulate does.
export const createEngine: typeof engine.createEngine = checked('createEngine', function createEngine(options?: engine.EngineOptions): engine.Engine {
  const made = engine.createEngine(options);
  return {
    workers: made.workers,
    simulate: checked('engine.simulate', made.simulate, [['loaded', k.loaded], ['options', inside]], 'rejects'),
    simulateShard: checked('engine.simulateShard', made.simulateShard, [['loaded', k.loaded], ['options', inside]], 'rejects'),
    close: made.close,
  };
}, [['options', inside]]);
export const compileReforecast: typeof reforecast.compileReforecast = checked('compileReforecast', reforecast.compileReforecast, [['scenario', k.scenario], ['files', opt(z.looseObject({}, { error: "the scenario's files (a loaded scenario's .files)" }))], ['input', k.actualsInput, 'range'], ['seed', text]]);
export const reforecastChunk: typeof reforecast.reforecastChunk = checked('reforecastChunk', reforecast.reforecastChunk, [['reforecast', k.reforecast], ['seed', text], ['chunk', whole(0)], ['trials', whole(1, MAX_TRIALS)], ['buffers', opt(z.looseObject({}, { error: "a chunk's buffers" }))]]);
export const simulatedYear: typeof simulatedYearFns.simulatedYear = checked('simulatedYear', simulatedYearFns.simulatedYear, [['plan', k.plan], ['seed', text], ['index', whole(0, MAX_TRIALS - 1)]]);
export const actualsProblems: typeof validateActuals.actualsProblems = checked('actualsProblems', validateActuals.actualsProblems, [['plan', k.plan], ['file', k.monthlyFile], ['months', whole(0, 12)]]);
export const readMonthlyFile: typeof monthly.readMonthlyFile = checked('readMonthlyFile', monthly.readMonthlyFile, [['path', text], ['file', text], ['options', inside], ['check', opt(func)], ['asOfName', opt(text)]], 'rejects');
export const parseMonthlyFile: typeof monthly.parseMonthlyFile = checked('parseMonthlyFile', monthly.parseMonthlyFile, [['input', textOrBytes], ['file', text], ['options', inside], ['asOfName', opt(text)]]);
export const reforecastSummary: typeof reforecastSummaryFns.reforecastSummary = checked('reforecastSummary', reforecastSummaryFns.reforecastSummary, [['sim', k.simulation], ['summary', k.summary], ['reforecast', k.reforecast], ['plan', opt(z.looseObject({}, { error: 'the plan run\'s summary input' }))]]);
export const summarize: typeof summarizeFns.summarize = checked('summarize', summarizeFns.summarize, [['sim', k.simulation], ['options', inside]]);
export const describe: typeof describeFns.describe = checked('describe', describeFns.describe, [['values', numbers()], ['scratch', opt(float64)], ['workspace', opt(z.instanceof(SortWorkspace, { error: 'a SortWorkspace' }))]]);
export const formatWarning: typeof plausibility.formatWarning = checked('formatWarning', plausibility.formatWarning, [['warning', k.warning]]);
export const locateWarnings: typeof plausibility.locateWarnings = checked('locateWarnings', plausibility.locateWarnings, [['warnings', k.warnings], ['source', text], ['locate', opt(func)]]);
export const plausibilityWarnings: typeof plausibility.plausibilityWarnings = checked('plausibilityWarnings', plausibility.plausibilityWarnings, [['scenario', k.scenario], ['run', opt(z.strictObject({ summary: k.summary, facts: k.runFacts }, { error: (iss) => (iss.code === 'unrecognized_keys' ? 'its fields are summary, facts' : 'a run ({ summary, facts })') }))]]);
export const runWarnings: typeof plausibility.runWarnings = checked('runWarnings', plausibility.runWarnings, [['scenario', k.scenario], ['summary', k.summary], ['facts', k.runFacts]]);
export const scenarioWarnings: typeof plausibility.scenarioWarnings = checked('scenarioWarnings', plausibility.scenarioWarnings, [['scenario', k.scenario]]);
export const silenceWarnings: typeof plausibility.silenceWarnings = checked('silenceWarnings', plausibility.silenceWarnings, [['warnings', k.warnings], ['silenced', k.strings]]);
export const simulationWarnings: typeof plausibility.simulationWarnings = checked('simulationWarnings', plausibility.simulationWarnings, [['sim', k.simulation], ['summary', k.summary], ['locate', opt(func)], ['written', opt(k.warnings)]]);
export const writtenWarnings: typeof plausibility.writtenWarnings = checked('writtenWarnings', plausibility.writtenWarnings, [['loaded', k.loaded]]);
export const firstOrderShares: typeof firstOrder.firstOrderShares = checked('firstOrderShares', firstOrder.firstOrderShares, [['y', numbers(1)], ['inputs', z.array(k.preparedInput, { error: 'a list of inputs as prepareInput returns them' })], ['groups', opt(whole(2, 10_000))]]);
export const prepareInput: typeof input.prepareInput = checked('prepareInput', input.prepareInput, [['values', numbers(1)], ['kind', z.enum(['own', 'market'], { error: "'own' or 'market'" })], ['bins', opt(bins)], ['arena', opt(z.instanceof(InputArena, { error: 'an InputArena' }))]]);
export const tornadoEnd: typeof tornado.tornadoEnd = checked('tornadoEnd', tornado.tornadoEnd, [['y', numbers(1)], ['percentile', numbers(1)], ['p', level], ['halfWidth', opt(z.number({ error: 'a share between 0 and 0.5' }).gt(0).max(0.5))], ['scratch', opt(float64)], ['atom', opt(z.number({ error: 'a number' }))]]);
export const binMedians: typeof breakEven.binMedians = checked('binMedians', breakEven.binMedians, [['y', numbers(1)], ['input', k.preparedInput]]);
export const medianCrossing: typeof breakEven.medianCrossing = checked('medianCrossing', breakEven.medianCrossing, [['medians', k.binMedians], ['target', finite], ['percentileAt', opt(func)], ['ends', opt(ends)]]);
export const worstTrials: typeof badYearsAttribution.worstTrials = checked('worstTrials', badYearsAttribution.worstTrials, [['y', numbers(1)], ['share', opt(openShare)]]);
export const componentShortfalls: typeof badYearsAttribution.componentShortfalls = checked('componentShortfalls', badYearsAttribution.componentShortfalls, [['y', numbers(1)], ['worst', k.int32], ['components', z.array(z.object({ component: text, values: numbers(1) }), { error: 'a list of components ({ component, values })' })]]);
export const attributionInputs: typeof simInputs.attributionInputs = checked('attributionInputs', simInputs.attributionInputs, [['sim', k.simulation]]);
export const sensitivity: typeof sensitivityFns.sensitivity = checked('sensitivity', sensitivityFns.sensitivity, [['inputs', k.attributionInputs], ['metricValues', numbers(1)], ['metric', opt(text)], ['tier', opt(text)]]);
export const whatMustBeTrue: typeof mustBeTrue.whatMustBeTrue = checked('whatMustBeTrue', mustBeTrue.whatMustBeTrue, [
  ['inputs', k.attributionInputs],
  ['metricValues', numbers(1)],
  ['sensitivity', z.looseObject({ drivers: z.array(z.unknown()) }, { error: 'a sensitivity as sensitivity() returns it' })],
  ['target', inside],
  ['label', text],
  ['p50', opt(finite)],
]);
export const badYears: typeof badYearsFns.badYears = checked('badYears', badYearsFns.badYears, [['sim', k.simulation], ['inputs', k.attributionInputs]]);
export const compareSimulations: typeof compare.compareSimulations = checked('compareSimulations', compare.compareSimulations, [['sims', z.array(k.simulation, { error: `a list of 2 to ${MAX_COMPARED} Simulations` }).min(2).max(MAX_COMPARED)]]);
export const pairedDifference: typeof compare.pairedDifference = checked('pairedDifference', compare.pairedDifference, [['a', numbers()], ['b', numbers()]]);
export const writeReport: typeof writeReportFns.writeReport = checked('writeReport', writeReportFns.writeReport, [['dir', text], ['sim', k.simulation], ['summary', k.summary], ['options', inside]], 'rejects');
export const prepareReportDir: typeof outputDir.prepareReportDir = checked('prepareReportDir', outputDir.prepareReportDir, [['out', text], ['option', opt(text)], ['sweep', opt(k.boolean)]], 'rejects');
export const summaryTable: typeof summaryTableFns.summaryTable = checked('summaryTable', summaryTableFns.summaryTable, [['summary', k.summary]]);
export const parseOutputs: typeof outputs.parseOutputs = checked('parseOutputs', outputs.parseOutputs, [['text', text]]);
export const forecastIdentity: typeof forecastIdentityFns.forecastIdentity = checked('forecastIdentity', forecastIdentityFns.forecastIdentity, [['summary', z.unknown()]]);
export const readReportHeader: typeof reportTrials.readReportHeader = checked('readReportHeader', reportTrials.readReportHeader, [['dir', text]], 'rejects');
export const fitLeadVolume: typeof leadVolume.fitLeadVolume = checked('fitLeadVolume', leadVolume.fitLeadVolume, [['counts', numbers()]]);
export const fitConversion: typeof conversion.fitConversion = checked('fitConversion', conversion.fitConversion, [['leads', numbers()], ['deals', numbers()]]);
export const fitAcvFromDeals: typeof acv.fitAcvFromDeals = checked('fitAcvFromDeals', acv.fitAcvFromDeals, [['amounts', numbers()], ['months', numbers()], ['n', whole(0)]]);
export const fitAcvFromTotals: typeof acv.fitAcvFromTotals = checked('fitAcvFromTotals', acv.fitAcvFromTotals, [['newArr', numbers()], ['deals', numbers()]]);
export const fitRenewal: typeof renewal.fitRenewal = checked('fitRenewal', renewal.fitRenewal, [['due', numbers()], ['renewed', numbers()], ['customersDue', opt(whole(0))]]);
export const fitRenewalFromOutcomes: typeof renewal.fitRenewalFromOutcomes = checked('fitRenewalFromOutcomes', renewal.fitRenewalFromOutcomes, [['arr', finites], ['renewed', k.booleans], ['changes', finites]]);
export const yearLevel: typeof estimate.yearLevel = checked('yearLevel', estimate.yearLevel, [['standardError', z.number({ error: 'a finite number, at least 0' }).min(0)], ['changes', finites], ['prior', finite]]);
export const fitHistory: typeof fitHistoryFns.fitHistory = checked('fitHistory', fitHistoryFns.fitHistory, [['inputs', inside]]);
export const fittedScenarioText: typeof scenarioText.fittedScenarioText = checked('fittedScenarioText', scenarioText.fittedScenarioText, [['fit', k.historyFit]]);
export const sampleCrps: typeof crps.sampleCrps = checked('sampleCrps', crps.sampleCrps, [['sorted', sortedSample], ['y', finite]]);
export const normalCrps: typeof crps.normalCrps = checked('normalCrps', crps.normalCrps, [['mu', finite], ['sigma', positive], ['y', finite]]);
export const midRankPit: typeof pit.midRankPit = checked('midRankPit', pit.midRankPit, [['sorted', sortedSample], ['y', finite]]);
export const pitRange: typeof pit.pitRange = checked('pitRange', pit.pitRange, [['sorted', sortedSample], ['y', finite]]);
export const pinballLoss: typeof pinball.pinballLoss = checked('pinballLoss', pinball.pinballLoss, [['q', finite], ['y', finite], ['tau', openShare]]);
export const sortedQuantile: typeof pinball.sortedQuantile = checked('sortedQuantile', pinball.sortedQuantile, [['sorted', sortedSample], ['p', level]]);
export const intervalScore: typeof intervalScoreFns.intervalScore = checked('intervalScore', intervalScoreFns.intervalScore, [['lower', finite], ['upper', finite], ['y', finite], ['alpha', openShare]]);
export const calibrationCurve: typeof calibration.calibrationCurve = checked('calibrationCurve', calibration.calibrationCurve, [['pits', numbers()], ['levels', opt(levels)]]);
export const coverage: typeof calibration.coverage = checked('coverage', calibration.coverage, [['inside', z.array(z.union([z.boolean(), z.number().min(0).max(1)]), { error: 'a list of true, false or shares between 0 and 1' })], ['nominal', opt(openShare)]]);
export const ksUniform: typeof calibration.ksUniform = checked('ksUniform', calibration.ksUniform, [['pits', numbers()]]);
export const ksUniformRanges: typeof calibration.ksUniformRanges = checked('ksUniformRanges', calibration.ksUniformRanges, [['ranges', pitRanges]]);
export const pitHistogram: typeof calibration.pitHistogram = checked('pitHistogram', calibration.pitHistogram, [['pits', numbers()], ['bins', opt(bins)]]);
export const pitRangeHistogram: typeof calibration.pitRangeHistogram = checked('pitRangeHistogram', calibration.pitRangeHistogram, [['ranges', pitRanges], ['bins', opt(bins)]]);
export const rangeCalibrationCurve: typeof calibration.rangeCalibrationCurve = checked('rangeCalibrationCurve', calibration.rangeCalibrationCurve, [['ranges', pitRanges], ['levels', opt(levels)]]);
export const shareInside: typeof calibration.shareInside = checked('shareInside', calibration.shareInside, [['range', k.pitRange], ['pointInside', k.boolean], ['nominal', opt(openShare)]]);
export const scoreSample: typeof scoreSampleFns.scoreSample = checked('scoreSample', scoreSampleFns.scoreSample, [['sorted', sortedSample], ['y', finite]]);
export const scoreForecasts: typeof scoreForecastsFns.scoreForecasts = checked('scoreForecasts', scoreForecastsFns.scoreForecasts, [['outcomes', z.array(z.looseObject({ metric: z.enum(METRICS), value: finite }), { error: 'a list of outcomes as parseOutcomes returns them' })], ['sortedSample', func], ['scoredValue', opt(func)]]);
export const parseOutcomes: typeof outcomesFile.parseOutcomes = checked('parseOutcomes', outcomesFile.parseOutcomes, [['input', textOrBytes], ['file', text], ['reports', z.array(k.scoredReport, { error: 'a list of scored reports ({ dir, tiers, ... })' })]]);
export const scenarioJsonSchema: typeof jsonSchema.scenarioJsonSchema = checked('scenarioJsonSchema', jsonSchema.scenarioJsonSchema, []);
