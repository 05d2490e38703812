import { basename, extname } from 'node:path';
import type { PrecisionReport } from '../analysis/precision.js';
import type { PlanSummaryInput } from '../analysis/reforecast-summary.js';
import type { PreparedAttribution } from '../analysis/attribution/prepared.js';
import { formatWarning, locateWarnings, scenarioWarnings, silenceWarnings, simulationWarnings, WARNING_CODES, writtenWarnings, type Locate, type PlausibilityWarning } from '../analysis/plausibility.js';
import type { Simulation } from '../engine/simulate.js';
import type { OutputName } from '../report/outputs.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { loadScenario } from '../scenario/load.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { InvalidArgumentError } from 'commander';
import { editDistance } from '../scenario/edit-distance.js';
import { UsageError } from './exit-codes.js';
import type { Io } from './io.js';
import { stepCheck, type StepHook } from './pause-hook.js';
import { monthlyPlanNotes, targetNotes } from './target-notes.js';
import type { StressFile } from './stress.js';

/**
 * The default output directory for a scenario file: reports/<file name without extension>, its
 * leading dots dropped, so no file name (`...yaml` would give `reports/..`) can name a directory
 * other than one inside reports/; `scenario` when nothing is left.
 *
 * @example defaultOutDir('plans/q3.yaml') // => 'reports/q3'
 * @example defaultOutDir('...yaml') // => 'reports/scenario'
 */
export const defaultOutDir = (file: string) => `reports/${basename(file, extname(file)).replace(/^\.+/, '') || 'scenario'}`;

/**
 * The modules that summarise and write a report (analysis, report, vega's callers), loaded
 * on first use rather than with the command line: a run needs them only once its trials are in, so the
 * first chunk is sent without waiting for them; the CLI prefetches them while the workers simulate.
 */
let reportModules: ReturnType<typeof loadReportModules> | undefined;
const loadReportModules = async () => {
  const [summarizeModule, reforecastSection, table, paragraph, format, write, stress] = await Promise.all([
    import('../analysis/summarize.js'),
    import('../report/html/reforecast-section.js'),
    import('../report/summary-table.js'),
    import('../report/summary-paragraph.js'),
    import('../report/format.js'),
    import('../report/write-report.js'),
    import('./stress.js'),
  ]);
  return { ...summarizeModule, ...reforecastSection, ...table, ...paragraph, ...format, ...write, ...stress };
};

/** Start loading the report's modules (see loadReportModules) without waiting for them. Never rejects. */
export function prefetchReportModules(): void {
  reportModules ??= loadReportModules();
  reportModules.catch(() => undefined);
}

/** What `run` and `merge` report a simulation with. */
export interface ReportRunOptions {
  /** The report directory, as prepareReportDir returned it before the run (its parent swept then). */
  readonly out: string;
  /** The scenario file's real path, recorded in the report's marker (default-out-owner.ts). */
  readonly scenarioFile?: string;
  /** Checks of whose report is at --out, run again just before the move (writeReport's recheck). */
  readonly recheck?: () => Promise<void>;
  readonly quiet?: boolean;
  readonly target?: readonly MetricTarget[];
  readonly confidence: number;
  readonly precision?: PrecisionReport;
  /** Stops the run after summarising and between the report's files (RunAbortedError). */
  readonly signal?: AbortSignal;
  /** The test hook (pause-hook.ts), called at `summarised` and at each step of the write. */
  readonly onStep?: StepHook;
  /** Warning codes silenced by --no-warn ('all': every one). */
  readonly noWarn?: readonly string[];
  /** Today's date, the run's clock (actuals months dated after it are warned of); tests pass a fixed one. */
  readonly today?: Date;
  /** --with-stress: scenario files (read by checkStressFiles) simulated on the same seed and trials, shown beside the plan. */
  readonly stress?: readonly StressFile[];
  readonly workers?: number;
  /** Files to write (--outputs); default DEFAULT_OUTPUTS. */
  readonly outputs?: readonly OutputName[];
  /** --plan: the summary of the run the re-forecast is compared with. */
  readonly plan?: PlanSummaryInput;
  /** The attribution computed while the run went on (see prepareAttribution). */
  readonly prepared?: PreparedAttribution;
  /** trials.csv written while the run went on (see TrialsCsvStream), moved into the report. */
  readonly trialsCsv?: { moveInto(target: string): void };
}

/** The help of --no-warn, for run, merge and validate. */
export const NO_WARN_HELP = `silence a plausibility warning by its code, repeatable (warnings never fail a run): ${WARNING_CODES.join(', ')}, or all`;

/** --no-warn CODE, repeatable: the codes to silence. Commander gives `true` when it is not used. */
export function collectNoWarn(value: string, previous: unknown): string[] {
  const code = value.trim().toLowerCase();
  if (code !== 'all' && !(WARNING_CODES as readonly string[]).includes(code)) {
    const near = WARNING_CODES.map((c) => ({ c, d: editDistance(code, c) })).sort((a, b) => a.d - b.d)[0]!;
    const hint = near.d <= 3 ? ` (did you mean ${near.c}?)` : '';
    throw new InvalidArgumentError(`"${value}" is not a warning code${hint}; the codes are ${WARNING_CODES.join(', ')}, or all`);
  }
  return [...(Array.isArray(previous) ? (previous as string[]) : []), code];
}

/** The codes a parsed `warn` option silences: commander's `true` (no --no-warn) silences none. */
export const silencedCodes = (warn: unknown): string[] => (Array.isArray(warn) ? (warn as string[]) : []);

/**
 * The scenario with where its fields are written (and its misread lists). A merge's scenario comes
 * from its parts, without positions: the file the shards ran is read again for them when it is still
 * there and still the same scenario (same hash), so a merge warns as a single run does, at the same lines.
 */
async function located(loaded: LoadedScenario): Promise<LoadedScenario | undefined> {
  if (loaded.locate) return loaded;
  try {
    const again = await loadScenario(loaded.source);
    return again.hash === loaded.hash ? again : undefined;
  } catch {
    return undefined;
  }
}

/** Print warnings to stderr, one line each. */
export function printWarnings(io: Io, warnings: readonly PlausibilityWarning[]): void {
  for (const w of warnings) io.err(`${formatWarning(w)}\n`);
}

/** The warnings a scenario gives before any run (for validate), located and filtered. */
export function statedWarnings(loaded: LoadedScenario, noWarn: readonly string[] = []): PlausibilityWarning[] {
  return silenceWarnings([...writtenWarnings(loaded), ...locateWarnings(scenarioWarnings(loaded.scenario, loaded.writtenAsPercent), loaded.source, loaded.locate)], noWarn);
}

export { checkTargets } from './check-targets.js';

/**
 * Summarize a simulation against the scenario's targets and --target, write its report to `out`
 * and print the summary table: the one path from trials to outputs, for a run and for merged
 * shards alike, so both give the same bytes.
 */
export async function reportSimulation(io: Io, sim: Simulation, options: ReportRunOptions): Promise<void> {
  reportModules ??= loadReportModules();
  const { summarize, simulateStress, writeReport, wrapText, summaryParagraph, summaryTable, TERMINAL_PARAGRAPH_FORMAT, fewEffectiveDraws, fewEffectiveDrawsNote } = await reportModules;
  const scenarioTargets = sim.loaded.scenario.targets;
  const targets = { metrics: [...(scenarioTargets?.metrics ?? []), ...(options.target ?? [])], ...(scenarioTargets?.monthly ? { monthly: scenarioTargets.monthly } : {}) };
  // A re-forecast's summary holds its `reforecast` section (against --plan's); summary.json writes it after the warnings.
  const { reforecast, ...summarized } = summarize(sim, { confidence: options.confidence, targets, ...(options.precision ? { precision: options.precision } : {}), ...(options.prepared ? { prepared: options.prepared } : {}), ...(options.plan ? { plan: options.plan } : {}) });
  const written = await located(sim.loaded);
  const warnings = silenceWarnings(simulationWarnings(sim, summarized, written?.locate, written ? writtenWarnings(written) : [], options.today), options.noWarn ?? []);
  const summary = { ...summarized, warnings, ...(reforecast ? { reforecast } : {}) };
  const stress = options.stress?.length
    ? await simulateStress(options.stress, sim, { confidence: options.confidence, targets, workers: options.workers, signal: options.signal })
    : [];
  await stepCheck(options.onStep, options.signal)('summarised');
  // The run is the CLI's: what the report does not read of its trials is let go before the charts are drawn.
  await writeReport(options.out, sim, summary, { releaseTrials: true, parentSwept: true, ...(options.scenarioFile !== undefined ? { scenarioFile: options.scenarioFile } : {}), ...(options.recheck ? { recheck: options.recheck } : {}), signal: options.signal, onStep: options.onStep, ...(stress.length > 0 ? { stress } : {}), ...(options.outputs ? { outputs: options.outputs } : {}), ...(options.trialsCsv ? { trialsCsv: options.trialsCsv } : {}) });
  if (!options.quiet) io.out(`${wrapText(summaryParagraph(summary, TERMINAL_PARAGRAPH_FORMAT))}\n\n${summaryTable(summary)}`);
  printWarnings(io, warnings);
  for (const note of [...targetNotes(summary), ...monthlyPlanNotes(summary)]) io.err(`${note}
`);
  if (reforecast && fewEffectiveDraws(reforecast))
    io.err(
      `arrcast: note: the re-forecast's posterior draws are correlated: ${fewEffectiveDrawsNote(reforecast, sim.trials)}\n`,
    );
}
