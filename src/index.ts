/**
 * arrcast as a library: load a scenario, simulate it, summarize the trials, write the report.
 *
 * @example
 * import { loadScenario, simulate, summarize } from 'arrcast';
 * const sim = await simulate(await loadScenario('plan.yaml'), { trials: 50_000, seed: 7 });
 * console.log(summarize(sim).metrics.revenue.percentiles.p50);
 */
export { MAX_SCENARIO_BYTES, type LoadOptions } from './scenario/load.js';
export { type LoadedScenario } from './scenario/parse.js';
export { ScenarioError, type ScenarioIssue } from './scenario/scenario-error.js';
export { scenarioSchema } from './scenario/scenario-schema.js';
export { stressSchema, type Stress } from './scenario/stress-schema.js';
export { MAX_EXTENDS_DEPTH } from './scenario/extends.js';
export { MAX_TRIALS, MAX_BOOK_BYTES, MAX_BOOK_ROWS, MAX_EXPANDED_VALUES, MAX_EMPIRICAL_VALUES, MAX_SEED_CHARS } from './scenario/limits.js';
export { MAX_EXCERPT_CHARS } from './scenario/display-text.js';
export type { Scenario, ScenarioInput, Tier, ExistingBook, NewBusiness, NewCustomerExpansion, MarketLoadings } from './scenario/scenario-schema.js';
export type { DistributionSpec } from './scenario/distribution-schema.js';
export { STARTER_SCENARIO } from './scenario/starter.js';
export { type Simulation, type SimulateOptions, type ShardOptions, type SimulationPart } from './engine/simulate.js';
export { DEFAULT_MAX_MINUTES, type RunEstimate } from './engine/run-estimate.js';
export { ChunkFailedError, MergeError, RunAbortedError, RunOptionError, WorkerStartError, type OptionIssue } from './engine/errors.js';
export { MAX_SHARDS, type ChunkSpec, type ShardSpec } from './engine/chunks.js';
export { type MergeOptions } from './engine/merge.js';
export { OtherRunPartError, OtherShardPartError, type PartInfo, type PartRun, type PartWriteOptions } from './engine/part-file.js';
export { PART_EXTENSION, PartFileError, DamagedPartError, type PartHeader } from './engine/part-format.js';
// Every function, with its arguments checked up front (api/checked-exports.ts): a wrong one is an ArgumentError (its type) or ArgumentRangeError (its value).
export {
  actualsProblems,
  attributionInputs,
  badYears,
  binMedians,
  calibrationCurve,
  checkPartOutput,
  checkParts,
  checkRunEstimate,
  compareSimulations,
  compileReforecast,
  componentShortfalls,
  coverage,
  createEngine,
  decodePart,
  describe,
  displayText,
  encodePart,
  estimateRun,
  firstOrderShares,
  fitAcvFromDeals,
  fitAcvFromTotals,
  fitConversion,
  fitHistory,
  fitLeadVolume,
  fitRenewal,
  fitRenewalFromOutcomes,
  fittedScenarioText,
  forecastIdentity,
  formatIssue,
  formatPath,
  formatWarning,
  hashScenario,
  intervalScore,
  ksUniform,
  ksUniformRanges,
  loadScenario,
  locateWarnings,
  medianCrossing,
  mergeParts,
  midRankPit,
  normalCrps,
  pairedDifference,
  parseMonthlyFile,
  parseOutcomes,
  parseOutputs,
  parseScenario,
  partFileName,
  partRunOf,
  pinballLoss,
  pitHistogram,
  pitRange,
  pitRangeHistogram,
  planChunks,
  plausibilityWarnings,
  prepareInput,
  prepareReportDir,
  quoteText,
  rangeCalibrationCurve,
  readMonthlyFile,
  readPartFile,
  readPartHeader,
  readReportHeader,
  reforecastChunk,
  reforecastSummary,
  runWarnings,
  sampleCrps,
  scenarioJsonSchema,
  scenarioWarnings,
  scoreForecasts,
  scoreSample,
  sensitivity,
  shardChunks,
  shareInside,
  silenceWarnings,
  simulate,
  simulateShard,
  simulatedYear,
  simulationWarnings,
  sortedQuantile,
  summarize,
  summaryTable,
  tornadoEnd,
  whatMustBeTrue,
  worstTrials,
  writePartFile,
  writeReport,
  writtenWarnings,
  yearLevel,
} from './api/checked-exports.js';
export { ArgumentError, ArgumentRangeError } from './scenario/argument-error.js';
export { ARRCAST_VERSION } from './version.js';
export { type ActualsInput, type Reforecast } from './actuals/reforecast.js';
export { type SimulatedYear } from './actuals/simulated-year.js';
export type { MonthlyFile, MonthlyRow, MonthlyMeasure } from './actuals/monthly-record.js';
export { type ReforecastSummary, type LearnedDriverSummary } from './analysis/reforecast-summary.js';
export type { Horizon, TierStart, ScenarioStart } from './model/horizon.js';
export { GENERATOR_ID } from './random/source.js';
export { TrialStore, type StoredColumn } from './engine/trial-store.js';
export { CHUNK_SIZE } from './model/simulate-chunk.js';
export { COMPONENTS, METRICS, METRIC_COMPONENTS, type Component, type Metric } from './model/components.js';
export type { PlannedDriver, DriverUnit } from './model/drivers/planned-driver.js';
export { DRIVER_KINDS, type DriverKind } from './model/drivers/driver-kinds.js';
export { PERCENTILE_CONVENTION, type Summary, type TierSummary, type MonthSummary } from './analysis/summarize.js';
export { PERCENTILES, type Stat } from './analysis/describe.js';
export { PLAUSIBLE, WARNING_CODES, type Locate, type PlausibilityWarning, type RunFacts, type WarningCode } from './analysis/plausibility.js';
// Attribution on independent inputs (issue 11): pure estimators, and what summarize() assembles from them.
export { type FirstOrderShares, type ShareEstimate } from './analysis/attribution/first-order.js';
export { type PreparedInput } from './analysis/attribution/input.js';
export { type TornadoEnd } from './analysis/attribution/tornado.js';
export { type Crossing } from './analysis/attribution/break-even.js';
export { type ComponentShortfall } from './analysis/attribution/bad-years.js';
export { type AttributionDriver, type AttributionInputs } from './analysis/attribution/sim-inputs.js';
export { type Sensitivity, type DriverSensitivity } from './analysis/sensitivity.js';
export { type WhatMustBeTrue, type DriverCondition } from './analysis/what-must-be-true.js';
export { type BadYears } from './analysis/bad-years.js';
export { OneForecastError } from './analysis/one-forecast-compared.js';
export { type Comparison, type MetricComparison, type ScenarioStat, type DifferenceStat } from './analysis/compare.js';
export { REPORT_FILES } from './report/write-report.js';
export { OutputDirError } from './report/output-dir.js';
export { OutputWriteError } from './report/write-error.js';
export { MARKER_FILE } from './report/output-marker.js';
export { type Engine, type EngineOptions, type EngineSimulateOptions } from './engine/engine.js';
export { OUTPUTS, DEFAULT_OUTPUTS, type OutputName } from './report/outputs.js';
// Fitting drivers from history (issue 15, part 2): pure estimators, every tier of a history, the commented scenario.
export { type LeadVolumeFit } from './fit/lead-volume.js';
export { type ConversionFit } from './fit/conversion.js';
export { type AcvFit } from './fit/acv.js';
export { type RenewalFit, type OutcomeRenewalFit } from './fit/renewal.js';
export { type Estimate, type YearLevel } from './fit/estimate.js';
export { type FitInputs, type HistoryFit, type TierFit } from './fit/fit-history.js';
// Scoring forecasts against outcomes (issue 15, part 3): pure scores, and scoring many outcomes at once.
export { type PitRange } from './scoring/pit.js';
export { type CalibrationPoint, type Coverage, type CoverageVerdict } from './scoring/calibration.js';
export { type SampleScore } from './scoring/score-sample.js';
export { type ScoreGroup, type ScoreResult, type ScoredOutcome } from './scoring/score-forecasts.js';
export { type Outcome, type ScoredReport } from './scoring/outcomes-file.js';
export { type ReportHeader } from './report/read-report-trials.js';
