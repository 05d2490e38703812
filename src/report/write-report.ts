import { mkdir, writeFile } from 'node:fs/promises';
import { checkUnchangedSinceLoaded } from '../engine/unchanged-since-loaded.js';
import { checkWholeRun } from '../engine/whole-run.js';
import { checkOptionKeys } from '../engine/option-keys.js';
import { checkSummaryOfRun } from './summary-of-run.js';
import { checkReportOptions } from './report-options-check.js';
import { checkStressBesidePlan } from './stress-beside-plan.js';
import { dirname, join } from 'node:path';
import type { Simulation } from '../engine/simulate.js';
import type { Summary } from '../analysis/summarize.js';
import { RunAbortedError, throwIfAborted } from '../engine/errors.js';
import { writeDirectoryAtomically, type Checkpoint } from './atomic-dir.js';
import { writingTo } from './write-error.js';
import { writeTrialsCsv } from './trials-csv.js';
import { prepareReportDir, recheckOutputDir, reportForeignEntries } from './output-dir.js';
import { refuseInputsInsideOutput } from './inputs-inside-output.js';
import { scenarioInputFiles } from '../scenario/scenario-input-files.js';
import { loadedFromFile } from '../scenario/load.js';
import { scenarioFileToRecord } from './report-scenario-file.js';
import { scenarioJson, scenarioJsonOutput } from './scenario-json.js';
import { removeStaleTemps } from './temp-dir.js';
import { buildCharts, type ChartDefinition } from './charts/chart-set.js';
import type { RevenueMarks } from './charts/revenue-distribution.js';
import { renderChart, type ChartRenderer, type RenderedChart } from './render-chart.js';
import { reportHtml, type HtmlChart } from './html/report-html.js';
import type { StressCase } from './html/downside-section.js';
import { percentilesCsv } from './percentiles-csv.js';
import { monthlyCsv } from './monthly-csv.js';
import { sipColumnKeys, writeSipmath } from './sipmath.js';
import { reportSheets, writeWorkbook } from './xlsx/workbook.js';

import { REPORT_FILES } from './report-files.js';
import { reportFiles, resolveOutputs, type OutputName } from './outputs.js';

export { REPORT_FILES };

export interface ReportOptions {
  /**
   * Target and budget lines for the revenue distribution chart. Default: from the summary (its
   * first company-wide revenue target, the revenue budget at its confidence); given, they replace
   * those whole.
   */
  readonly marks?: RevenueMarks;
  /** Renders a chart spec to SVG; default: vega in Node. Injectable, so a test can make a chart fail. */
  readonly renderChart?: ChartRenderer;
  /** Stops the write between two files, before the rename at the latest (RunAbortedError); nothing is left behind. */
  readonly signal?: AbortSignal;
  /** Called after each file with its name, and with 'renaming' before the rename; a test hook can pause there. */
  readonly onStep?: (step: string) => Promise<void> | void;
  /**
   * The path of the scenario file the report is written from (its real path; a relative one is
   * taken from the working directory), recorded in its marker relative to the report folder, so a
   * later `arrcast run` at the default --out can tell a report of another file of the same name.
   * A string, else TypeError. Default: the file `loadScenario` read the run's scenario from (none
   * for a scenario parsed from text or merged from parts; the report's own scenario.json keeps the
   * file its marker names), so a report the library wrote is not replaced by a run of another file
   * of its name either.
   */
  readonly scenarioFile?: string;
  /** Stress cases (--with-stress) shown beside the plan in report.html's downside section. */
  readonly stress?: readonly StressCase[];
  /** Which files to write (see outputs.ts); default DEFAULT_OUTPUTS. summary.json and scenario.json are always written. */
  readonly outputs?: readonly OutputName[];
  /**
   * trials.csv as the run wrote it while it simulated (trials-csv-stream.ts), moved into the report
   * instead of written from the store; used only when the outputs include trials.
   */
  readonly trialsCsv?: { moveInto(target: string): void };
  /**
   * The caller reads nothing more of `sim`'s trials (the CLI, which owns its run): once the chart
   * specs are built, the columns the outputs still read (columnsRead: the SIPs') are kept and the
   * rest released (TrialStore.release) before anything is written, so their memory (about 290 MB a
   * million trials take, less the SIPs') is not held while the charts are drawn. `sim.store` is left
   * with those columns only.
   */
  readonly releaseTrials?: boolean;
  /**
   * `dir` is what prepareReportDir returned to the caller before its run (the CLI's run and merge),
   * so the stale temporary directories beside it were removed then: the write checks `dir` again
   * without looking for them again (a read of the whole parent folder).
   */
  readonly parentSwept?: boolean;
  /**
   * Called just before the report is moved into place, after `dir` is checked again: a check of the
   * caller's that must hold at the move, not only before the run (the CLI's: at the default --out,
   * the report there is still not another scenario file's, nor another kind of forecast's, which a
   * run writing there at the same time may have put there meanwhile). It throws to stop the write:
   * nothing is replaced, and the error is the write's.
   */
  readonly recheck?: () => Promise<void>;
}

/** Every key of ReportOptions (checked complete by the compiler): a misspelt one is refused, not ignored (option-keys.ts). */
const REPORT_OPTION_KEYS: readonly string[] = Object.keys({
  marks: true,
  renderChart: true,
  signal: true,
  onStep: true,
  stress: true,
  scenarioFile: true,
  outputs: true,
  trialsCsv: true,
  releaseTrials: true,
  parentSwept: true,
  recheck: true,
} as const satisfies Record<keyof ReportOptions, true>);

/**
 * The keys of the per-trial columns writeReport reads after its release (releaseTrials), for these
 * outputs of a run of these tiers (by name): the SIPs' for sipmath, and none for the charts (their
 * specs, all they read of the trials, are built before the release); undefined for every column
 * (trials.csv written from the store).
 */
export function columnsRead(tiers: readonly string[], outputs: readonly OutputName[] | undefined, trialsStreamed: boolean): string[] | undefined {
  const want = resolveOutputs(outputs);
  if (want.has('trials') && !trialsStreamed) return undefined;
  return want.has('sipmath') ? sipColumnKeys(tiers) : [];
}

/** The options reportPage reads (a page on its own: no files, no folder). */
const REPORT_PAGE_OPTION_KEYS: readonly string[] = Object.keys({ marks: true, renderChart: true, signal: true, stress: true } as const satisfies Record<keyof Parameters<typeof reportPage>[2] & string, true>);

/**
 * What every output of a run checks before it draws or writes anything (writeReport, reportPage):
 * its options, that the run is whole, that the scenario and its files are as the run ran on (not
 * edited in place since: engine/unchanged-since-loaded.ts, the run's hash), that the summary is
 * the run's, and that each stress case's figures can sit beside it (stress-beside-plan.ts). reportPage skipped all but the signal: a scenario edited after its run drew its report
 * with the edited names and currency beside the trials of the scenario as it ran.
 */
function checkReportInputs(fn: 'writeReport' | 'reportPage', sim: Simulation, summary: Summary, options: Partial<ReportOptions>, keys: readonly string[] = REPORT_OPTION_KEYS): void {
  checkOptionKeys(options, keys, fn);
  checkReportOptions(options as Readonly<Record<string, unknown>>);
  checkWholeRun(sim, `${fn} reads a whole run`);
  checkUnchangedSinceLoaded(sim.loaded, 'its report', sim.runHash);
  checkSummaryOfRun(sim, summary);
  checkStressBesidePlan(fn, summary, options.stress);
}

/**
 * Write a run's outputs into `dir`, whole or not at all: summary.json (the contract other tools
 * read) and scenario.json (the validated scenario, defaults filled in, that the summary's hash refers
 * to) always; then those `options.outputs` names (default: html, charts, csv; see outputs.ts):
 * percentiles.csv and monthly.csv (csv, for spreadsheets), the charts (charts/NAME.vl.json and
 * charts/NAME.svg), report.html (one self-contained page), sipmath.json (the per-trial results as a
 * SIPmath 3.0 library) and trials.csv (one row per trial), the last two streamed. Everything is written into one
 * temporary directory renamed into place at the end, so a failure anywhere (a chart that does not
 * render, a full disk) leaves the previous report as it was. Refuses (OutputDirError) to replace a
 * directory that is not an arrcast report (see prepareOutputDir), or one holding a file the report
 * is made from (the scenario's files, a re-forecast's actuals file, the stress cases' scenarios; its
 * own scenario.json may be, when written again byte for byte: inputs-inside-output.ts), and marks the
 * report as arrcast's with a .arrcast-report file (output-marker.ts), so a later run may replace it.
 */
export async function writeReport(dir: string, sim: Simulation, summary: Summary, options: ReportOptions = {}): Promise<void> {
  checkReportInputs('writeReport', sim, summary, options);
  // Aborted before the call: nothing is looked at or made.
  throwIfAborted(options.signal);
  const out = await prepareReportDir(dir, '--out', !options.parentSwept);
  // Every file the report is made from: the scenario's, a re-forecast's actuals, the stress cases' scenarios.
  const inputs = [
    ...scenarioInputFiles(sim.loaded),
    ...(sim.reforecast ? [{ path: sim.reforecast.input.file.path, what: 'the actuals file' }] : []),
    ...(options.stress ?? []).map((s) => ({ path: s.source, what: 'the stress scenario' })),
  ];
  await refuseInputsInsideOutput(out, `--out ${dir}`, inputs, [scenarioJsonOutput(sim.loaded.scenario)]);
  const scenarioFile = options.scenarioFile ?? (await scenarioFileToRecord(out, loadedFromFile(sim.loaded)));
  const render = options.renderChart ?? renderChart;
  const want = resolveOutputs(options.outputs);
  // Aborted during the checks above: stopped before the charts are built, as writeDirectoryAtomically's
  // first check stopped it when they were built inside the write.
  throwIfAborted(options.signal);
  // Charts are built (their specs: what they read of the trials) only for a report.html or the
  // charts/ files, and before the release below: releasing buffers spends V8's protector of
  // never-detached buffers, which throws away the optimised code of the rank selection the summary
  // has just warmed up, and the charts read their columns through it (column-order.ts).
  const charts = want.has('charts') || want.has('html') ? reportCharts(sim, summary, options) : undefined;
  if (options.releaseTrials) {
    const keep = columnsRead(sim.plan.tiers.map((t) => t.name), options.outputs, options.trialsCsv !== undefined);
    if (keep) sim.store.release(keep);
  }
  const fill = async (tmp: string, checkpoint: Checkpoint) => {
    const put = async (name: string, content: string) => {
      await writingTo(join(tmp, name), () => writeFile(join(tmp, name), content));
      await checkpoint(name);
    };
    await put(REPORT_FILES.summary, `${JSON.stringify(summary, null, 2)}\n`);
    await put(REPORT_FILES.scenario, scenarioJson(sim.loaded.scenario));
    if (want.has('csv')) await put(REPORT_FILES.percentiles, percentilesCsv(summary));
    if (want.has('csv')) await put(REPORT_FILES.monthly, monthlyCsv(summary));

    if (want.has('charts')) await mkdir(join(tmp, REPORT_FILES.charts));
    // Charts are drawn (vega loaded) only for a report.html or the charts/ files.
    if (charts) {
      const rendered = await drawCharts(charts, { ...options, renderChart: render }, {
        before: async (chart) => {
          if (want.has('charts')) await put(join(REPORT_FILES.charts, `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`);
        },
        after: async (chart, svg) => {
          if (want.has('charts')) await put(join(REPORT_FILES.charts, `${chart.name}.svg`), svg);
        },
      });
      if (want.has('html')) await put(REPORT_FILES.html, reportHtml({ summary, scenario: sim.loaded.scenario, charts: rendered, files: reportFiles(want), ...(options.stress ? { stress: options.stress } : {}) }));
    }

    if (want.has('xlsx')) {
      const xlsx = join(tmp, REPORT_FILES.xlsx);
      await writingTo(xlsx, () => writeWorkbook(xlsx, reportSheets(summary, sim.loaded.scenario)));
      await checkpoint(REPORT_FILES.xlsx);
    }
    if (want.has('sipmath')) {
      const sipmath = join(tmp, REPORT_FILES.sipmath);
      await writingTo(sipmath, () => writeSipmath(sipmath, summary, sim.store));
      await checkpoint(REPORT_FILES.sipmath);
    }
    if (want.has('trials')) {
      const trials = join(tmp, REPORT_FILES.trials);
      const streamed = options.trialsCsv;
      await writingTo(trials, async () => (streamed ? streamed.moveInto(trials) : writeTrialsCsv(trials, sim.store, summary.scenario.currency)));
      await checkpoint(REPORT_FILES.trials);
    }
  };
  try {
    const recheck = async () => {
      await recheckOutputDir(out, 'report', reportForeignEntries);
      await options.recheck?.();
    };
    await writeDirectoryAtomically(out, fill, { kind: 'report', ...(scenarioFile !== undefined ? { scenarioFile } : {}), signal: options.signal, onStep: options.onStep, recheck });
  } catch (err) {
    // A write whose caller swept the parent before its run looks once more when it fails: a run
    // killed mid-swap meanwhile (the previous report moved aside, the new one not yet in) left --out
    // missing, and the sweep puts that report back rather than leave it for the next run to find.
    if (options.parentSwept) await removeStaleTemps(dirname(out)).catch(() => undefined);
    throw err;
  }
}

/** The report's charts, built from the summary and the run's trials (their specs; drawn by drawCharts). */
function reportCharts(sim: Simulation, summary: Summary, options: Pick<ReportOptions, 'marks'>): ChartDefinition[] {
  return buildCharts(summary, sim.store, { ...(options.marks ? { marks: options.marks } : {}), monthlyPlan: sim.loaded.scenario.targets?.monthly });
}

/**
 * The report's charts (reportCharts), drawn to SVG one after the other; `hooks.before`
 * is called with each chart before it is drawn and `hooks.after` once drawn (writeReport writes its
 * files there). A chart vega could not
 * draw (an error, not a warning) fails the report rather than leaving a hole in it. Stops between
 * charts when `options.signal` has aborted (RunAbortedError).
 */
async function drawCharts(
  charts: readonly ChartDefinition[],
  options: Pick<ReportOptions, 'renderChart' | 'signal'>,
  hooks: {
    readonly before?: (chart: { readonly name: string; readonly spec: unknown }) => Promise<void>;
    readonly after?: (chart: { readonly name: string; readonly spec: unknown }, svg: string) => Promise<void>;
  } = {},
): Promise<HtmlChart[]> {
  const render = options.renderChart ?? renderChart;
  const rendered: HtmlChart[] = [];
  for (const chart of charts) {
    throwIfAborted(options.signal);
    await hooks.before?.(chart);
    const drawn: unknown = await render(chart.spec);
    // An injected renderChart's answer (a caller's own): "Cannot read properties of undefined" said nothing of it.
    const { svg, warnings } = (drawn ?? {}) as Partial<RenderedChart>;
    if (typeof svg !== 'string' || !Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string'))
      throw new TypeError(`renderChart must resolve to { svg: string, warnings: string[] }; for chart ${chart.name} it gave ${drawn === null ? 'null' : typeof drawn === 'object' ? `{ ${Object.keys(drawn).slice(0, 5).join(', ')} }` : typeof drawn}`);
    const errors = warnings.filter((w) => w.startsWith('error:'));
    if (errors.length > 0) throw new Error(`chart ${chart.name} did not render: ${errors.join('; ')}`);
    await hooks.after?.(chart, svg);
    rendered.push({ name: chart.name, caption: chart.caption, svg });
  }
  return rendered;
}

/**
 * report.html of a run as a string, byte for byte the file writeReport writes with `outputs:
 * ['html']` but for its foot, which names no file beside it (there is none), without writing anything: no file, no temporary directory (the studio's "download
 * report", which a forced exit or a kill could otherwise leave behind in the system's temporary
 * folder). Stops between charts when `options.signal` has aborted (RunAbortedError).
 */
export async function reportPage(sim: Simulation, summary: Summary, options: Pick<ReportOptions, 'marks' | 'renderChart' | 'signal' | 'stress'> = {}): Promise<string> {
  checkReportInputs('reportPage', sim, summary, options, REPORT_PAGE_OPTION_KEYS);
  throwIfAborted(options.signal);
  const charts = await drawCharts(reportCharts(sim, summary, options), options);
  throwIfAborted(options.signal);
  // A page on its own: no file beside it to name.
  return reportHtml({ summary, scenario: sim.loaded.scenario, charts, files: [], ...(options.stress ? { stress: options.stress } : {}) });
}
