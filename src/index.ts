/**
 * arrcast as a library: load a scenario, simulate it, summarize the trials, write the report.
 *
 * @example
 * import { loadScenario, simulate, summarize } from 'arrcast';
 * const sim = await simulate(await loadScenario('plan.yaml'), { trials: 50_000, seed: 7 });
 * console.log(summarize(sim).metrics.revenue.percentiles.p50);
 */
export { loadScenario, MAX_SCENARIO_BYTES, type LoadOptions } from './scenario/load.js';
export { parseScenario, hashScenario, type LoadedScenario } from './scenario/parse.js';
export { ScenarioError, formatIssue, formatPath, type ScenarioIssue } from './scenario/scenario-error.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export { scenarioSchema } from './scenario/scenario-schema.js';
export { stressSchema, type Stress } from './scenario/stress-schema.js';
export { MAX_EXTENDS_DEPTH } from './scenario/extends.js';
export { MAX_TRIALS, MAX_BOOK_BYTES, MAX_BOOK_ROWS, MAX_EXPANDED_VALUES, MAX_EMPIRICAL_VALUES, MAX_SEED_CHARS } from './scenario/limits.js';
export { displayText, quoteText, MAX_EXCERPT_CHARS } from './scenario/display-text.js';
export type { Scenario, ScenarioInput, Tier, ExistingBook, NewBusiness, NewCustomerExpansion, MarketLoadings } from './scenario/scenario-schema.js';
export type { DistributionSpec } from './scenario/distribution-schema.js';
export { STARTER_SCENARIO } from './scenario/starter.js';
export { simulate, simulateShard, type Simulation, type SimulateOptions, type ShardOptions, type SimulationPart } from './engine/simulate.js';
export { estimateRun, checkRunEstimate, DEFAULT_MAX_MINUTES, type RunEstimate } from './engine/run-estimate.js';
export { ChunkFailedError, MergeError, RunAbortedError, RunOptionError, WorkerStartError } from './engine/errors.js';
export { MAX_SHARDS, planChunks, shardChunks, type ChunkSpec, type ShardSpec } from './engine/chunks.js';
export { checkParts, mergeParts, type MergeOptions } from './engine/merge.js';
export { checkPartOutput, OtherRunPartError, OtherShardPartError, partFileName, partRunOf, readPartFile, readPartHeader, writePartFile, type PartInfo, type PartRun, type PartWriteOptions } from './engine/part-file.js';
export { decodePart, encodePart, PART_EXTENSION, PartFileError, DamagedPartError, type PartHeader } from './engine/part-format.js';
export { ARRCAST_VERSION } from './version.js';
export { compileReforecast, reforecastChunk, type ActualsInput, type Reforecast } from './actuals/reforecast.js';
export { simulatedYear, type SimulatedYear } from './actuals/simulated-year.js';
export { actualsProblems } from './actuals/validate-actuals.js';
export { readMonthlyFile, parseMonthlyFile } from './actuals/read-monthly-file.js';
export type { MonthlyFile, MonthlyRow, MonthlyMeasure } from './actuals/monthly-record.js';
export { reforecastSummary, type ReforecastSummary, type LearnedDriverSummary } from './analysis/reforecast-summary.js';
export type { Horizon, TierStart, ScenarioStart } from './model/horizon.js';
export { GENERATOR_ID } from './random/source.js';
export { TrialStore, type StoredColumn } from './engine/trial-store.js';
export { CHUNK_SIZE } from './model/simulate-chunk.js';
export { COMPONENTS, METRICS, METRIC_COMPONENTS, type Component, type Metric } from './model/components.js';
export type { PlannedDriver, DriverUnit } from './model/drivers/planned-driver.js';
export { DRIVER_KINDS, type DriverKind } from './model/drivers/driver-kinds.js';
export { summarize, PERCENTILE_CONVENTION, type Summary, type TierSummary, type MonthSummary } from './analysis/summarize.js';
export { describe, PERCENTILES, type Stat } from './analysis/describe.js';
export {
  formatWarning,
  locateWarnings,
  plausibilityWarnings,
  PLAUSIBLE,
  runWarnings,
  scenarioWarnings,
  silenceWarnings,
  simulationWarnings,
  WARNING_CODES,
  writtenWarnings,
  type Locate,
  type PlausibilityWarning,
  type RunFacts,
  type WarningCode,
} from './analysis/plausibility.js';
// Attribution on independent inputs (issue 11): pure estimators, and what summarize() assembles from them.
export { firstOrderShares, type FirstOrderShares, type ShareEstimate } from './analysis/attribution/first-order.js';
export { prepareInput, type PreparedInput } from './analysis/attribution/input.js';
export { tornadoEnd, type TornadoEnd } from './analysis/attribution/tornado.js';
export { binMedians, medianCrossing, type Crossing } from './analysis/attribution/break-even.js';
export { worstTrials, componentShortfalls, type ComponentShortfall } from './analysis/attribution/bad-years.js';
export { attributionInputs, type AttributionDriver, type AttributionInputs } from './analysis/attribution/sim-inputs.js';
export { sensitivity, type Sensitivity, type DriverSensitivity } from './analysis/sensitivity.js';
export { whatMustBeTrue, type WhatMustBeTrue, type DriverCondition } from './analysis/what-must-be-true.js';
export { badYears, type BadYears } from './analysis/bad-years.js';
export { OneForecastError } from './analysis/one-forecast-compared.js';
export {
  compareSimulations,
  pairedDifference,
  type Comparison,
  type MetricComparison,
  type ScenarioStat,
  type DifferenceStat,
} from './analysis/compare.js';
export { writeReport, REPORT_FILES } from './report/write-report.js';
export { OutputDirError, prepareReportDir } from './report/output-dir.js';
export { OutputWriteError } from './report/write-error.js';
export { MARKER_FILE } from './report/output-marker.js';
export { summaryTable } from './report/summary-table.js';
export { createEngine, type Engine, type EngineOptions, type EngineSimulateOptions } from './engine/engine.js';
export { OUTPUTS, DEFAULT_OUTPUTS, parseOutputs, type OutputName } from './report/outputs.js';
// Fitting drivers from history (issue 15, part 2): pure estimators, every tier of a history, the commented scenario.
export { fitLeadVolume, type LeadVolumeFit } from './fit/lead-volume.js';
export { fitConversion, type ConversionFit } from './fit/conversion.js';
export { fitAcvFromDeals, fitAcvFromTotals, type AcvFit } from './fit/acv.js';
export { fitRenewal, fitRenewalFromOutcomes, type RenewalFit, type OutcomeRenewalFit } from './fit/renewal.js';
export { yearLevel, type Estimate, type YearLevel } from './fit/estimate.js';
export { fitHistory, type FitInputs, type HistoryFit, type TierFit } from './fit/fit-history.js';
export { fittedScenarioText } from './fit/scenario-text.js';
// Scoring forecasts against outcomes (issue 15, part 3): pure scores, and scoring many outcomes at once.
export { sampleCrps, normalCrps } from './scoring/crps.js';
export { midRankPit, pitRange, type PitRange } from './scoring/pit.js';
export { pinballLoss, sortedQuantile } from './scoring/pinball.js';
export { intervalScore } from './scoring/interval-score.js';
export { calibrationCurve, coverage, ksUniform, ksUniformRanges, pitHistogram, pitRangeHistogram, rangeCalibrationCurve, shareInside, type CalibrationPoint, type Coverage, type CoverageVerdict } from './scoring/calibration.js';
export { scoreSample, type SampleScore } from './scoring/score-sample.js';
export { scoreForecasts, type ScoreGroup, type ScoreResult, type ScoredOutcome } from './scoring/score-forecasts.js';
export { parseOutcomes, type Outcome, type ScoredReport } from './scoring/outcomes-file.js';
export { forecastIdentity } from './report/forecast-identity.js';
export { readReportHeader, type ReportHeader } from './report/read-report-trials.js';
