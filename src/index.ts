/**
 * arrcast as a library: load a scenario, simulate it, summarize the trials, write the report.
 *
 * @example
 * import { loadScenario, simulate, summarize } from 'arrcast';
 * const sim = await simulate(await loadScenario('plan.yaml'), { trials: 50_000, seed: 7 });
 * console.log(summarize(sim).metrics.revenue.percentiles.p50);
 */
export { loadScenario, MAX_SCENARIO_BYTES } from './scenario/load.js';
export { parseScenario, hashScenario, type LoadedScenario } from './scenario/parse.js';
export { ScenarioError, formatIssue, formatPath, type ScenarioIssue } from './scenario/scenario-error.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export { scenarioSchema } from './scenario/scenario-schema.js';
export { stressSchema, type Stress } from './scenario/stress-schema.js';
export { MAX_EXTENDS_DEPTH } from './scenario/extends.js';
export { MAX_TRIALS } from './scenario/limits.js';
export type { Scenario, ScenarioInput, Tier, ExistingBook, NewBusiness, NewCustomerExpansion, MarketLoadings } from './scenario/scenario-schema.js';
export type { DistributionSpec } from './scenario/distribution-schema.js';
export { STARTER_SCENARIO } from './scenario/starter.js';
export { simulate, simulateShard, type Simulation, type SimulateOptions, type ShardOptions, type SimulationPart } from './engine/simulate.js';
export { estimateRun, checkRunEstimate, DEFAULT_MAX_MINUTES, type RunEstimate } from './engine/run-estimate.js';
export { ChunkFailedError, MergeError, RunAbortedError, RunOptionError } from './engine/errors.js';
export { MAX_SHARDS, planChunks, shardChunks, type ChunkSpec, type ShardSpec } from './engine/chunks.js';
export { checkParts, mergeParts } from './engine/merge.js';
export { partFileName, readPartFile, readPartHeader, writePartFile, type PartInfo } from './engine/part-file.js';
export { decodePart, encodePart, PART_EXTENSION, PartFileError, type PartHeader } from './engine/part-format.js';
export { ARRCAST_VERSION } from './version.js';
export { TrialStore } from './engine/trial-store.js';
export { CHUNK_SIZE } from './model/simulate-chunk.js';
export { COMPONENTS, METRICS, METRIC_COMPONENTS, type Component, type Metric } from './model/components.js';
export { summarize, PERCENTILE_CONVENTION, type Summary, type TierSummary, type MonthSummary } from './analysis/summarize.js';
export { describe, PERCENTILES, type Stat } from './analysis/describe.js';
export {
  compareSimulations,
  pairedDifference,
  type Comparison,
  type MetricComparison,
  type ScenarioStat,
  type DifferenceStat,
} from './analysis/compare.js';
export { writeReport, REPORT_FILES } from './report/write-report.js';
export { OutputDirError } from './report/output-dir.js';
export { summaryTable } from './report/summary-table.js';
