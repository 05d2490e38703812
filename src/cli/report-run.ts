import { basename, extname } from 'node:path';
import type { PrecisionReport } from '../analysis/precision.js';
import { summarize } from '../analysis/summarize.js';
import type { Simulation } from '../engine/simulate.js';
import { summaryTable } from '../report/summary-table.js';
import { writeReport } from '../report/write-report.js';
import type { OutputName } from '../report/outputs.js';
import type { LoadedScenario } from '../scenario/parse.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { UsageError } from './exit-codes.js';
import type { Io } from './program.js';

/** The default output directory for a scenario file: reports/<file name without extension>. */
export const defaultOutDir = (file: string) => `reports/${basename(file, extname(file))}`;

/** What `run` and `merge` report a simulation with. */
export interface ReportRunOptions {
  readonly out: string;
  readonly quiet?: boolean;
  readonly target?: readonly MetricTarget[];
  readonly confidence: number;
  readonly precision?: PrecisionReport;
  /** Files to write (--outputs); default DEFAULT_OUTPUTS. */
  readonly outputs?: readonly OutputName[];
}

/** Refuse a --target naming a tier the scenario does not have. */
export function checkTargetTiers(loaded: LoadedScenario, targets: readonly MetricTarget[] = []): void {
  const tierNames = new Set(loaded.scenario.tiers.map((t) => t.name.toLowerCase()));
  for (const t of targets)
    if (t.tier !== undefined && !tierNames.has(t.tier.toLowerCase())) throw new UsageError(`--target ${t.tier}:${t.metric}: no tier is named "${t.tier}"`);
}

/**
 * Summarize a simulation against the scenario's targets and --target, write its report to `out`
 * and print the summary table: the one path from trials to outputs, for a run and for merged
 * shards alike, so both give the same bytes.
 */
export async function reportSimulation(io: Io, sim: Simulation, options: ReportRunOptions): Promise<void> {
  const scenarioTargets = sim.loaded.scenario.targets;
  const targets = { metrics: [...(scenarioTargets?.metrics ?? []), ...(options.target ?? [])], ...(scenarioTargets?.monthly ? { monthly: scenarioTargets.monthly } : {}) };
  const summary = summarize(sim, { confidence: options.confidence, targets, ...(options.precision ? { precision: options.precision } : {}) });
  await writeReport(options.out, sim, summary, options.outputs ? { outputs: options.outputs } : {});
  if (!options.quiet) io.out(summaryTable(summary));
}
