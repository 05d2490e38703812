import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse/sync';
import { REPORT_FILES } from './report-files.js';
import { tierKey } from '../model/column-key.js';
import type { Metric } from '../model/components.js';

/** A report that cannot be scored: no per-trial values, or files that are not arrcast's. The CLI exits 2. */
export class ReportTrialsError extends Error {
  override readonly name = 'ReportTrialsError';
}

/** Who a stored report is: its summary's scenario, trials and tiers. */
export interface ReportHeader {
  /** The directory as given. */
  readonly dir: string;
  readonly scenarioName: string;
  readonly scenarioHash: string;
  readonly currency: string;
  readonly trials: number;
  readonly tiers: readonly string[];
  /** The forecast year's calendar: its first calendar month, and its calendar year when the scenario gave one. */
  readonly fiscalYearStartMonth: number;
  readonly fiscalYear?: number;
}

/** What `arrcast score` needs of a stored report: who it is, and the per-trial values of the series it scores. */
export interface ReportTrials extends ReportHeader {
  /** Where the values come from. */
  readonly source: 'trials.csv' | 'sipmath.json';
  /** Per-trial values of `metric` for a tier (or the company, tier undefined); undefined when the file does not hold them. */
  series(tier: string | undefined, metric: Metric): Float64Array | undefined;
}

/** The flag that writes per-trial values, for messages. */
export const TRIALS_FLAG = '--outputs default,trials';

/**
 * The column key of a series in trials.csv and sipmath.json: `revenue` for the company, and for a
 * tier `tier.<name>.revenue` (model/column-key.ts), which a run writes only when the scenario has
 * several tiers; with one tier the company's series is the tier's.
 */
function seriesKey(tier: string | undefined, metric: Metric, tiers: readonly string[]): string {
  return tier === undefined || tiers.length === 1 ? metric : tierKey(tier, metric);
}

/**
 * Read a report directory's summary.json: scenario, trials, tiers. Throws ReportTrialsError for a
 * directory that is not an arrcast report.
 */
export async function readReportHeader(dir: string): Promise<ReportHeader> {
  let summary: { scenario?: { name?: unknown; hash?: unknown; currency?: unknown; fiscalYearStartMonth?: unknown }; trials?: unknown; byTier?: unknown };
  try {
    summary = JSON.parse(await readFile(join(dir, REPORT_FILES.summary), 'utf8')) as typeof summary;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ReportTrialsError(
      code === 'ENOENT' || code === 'ENOTDIR' ? `${dir} is not an arrcast report: it has no ${REPORT_FILES.summary}` : `${dir}/${REPORT_FILES.summary} cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const tiers = summary.byTier !== null && typeof summary.byTier === 'object' ? Object.keys(summary.byTier) : [];
  const trials = typeof summary.trials === 'number' ? summary.trials : NaN;
  if (tiers.length === 0 || !Number.isInteger(trials) || trials < 1 || typeof summary.scenario?.name !== 'string')
    throw new ReportTrialsError(`${dir}/${REPORT_FILES.summary} is not an arrcast summary (no scenario, trials or tiers)`);
  // scenario.json holds the validated scenario: its fiscalYear places dated actuals (optional).
  const fiscalYear = await readFile(join(dir, REPORT_FILES.scenario), 'utf8').then(
    (text) => (JSON.parse(text) as { fiscalYear?: unknown }).fiscalYear,
    () => undefined,
  );
  const start = summary.scenario.fiscalYearStartMonth;
  return {
    dir,
    fiscalYearStartMonth: typeof start === 'number' && Number.isInteger(start) && start >= 1 && start <= 12 ? start : 1,
    ...(typeof fiscalYear === 'number' && Number.isInteger(fiscalYear) ? { fiscalYear } : {}),
    scenarioName: summary.scenario.name,
    scenarioHash: typeof summary.scenario.hash === 'string' ? summary.scenario.hash : '',
    currency: typeof summary.scenario.currency === 'string' ? summary.scenario.currency : '',
    trials,
    tiers,
  };
}

/**
 * The per-trial values of the requested series of a report, from trials.csv (every metric of every
 * tier) or, without it, sipmath.json (the company's three metrics and each tier's revenue).
 * `wanted` lists them as [tier or undefined for the company, metric]. Throws ReportTrialsError when
 * the report holds neither file (naming the flag to re-run with) or a file is damaged.
 *
 * Complexity: O(size of the file read).
 */
export async function readReportTrials(base: ReportHeader, wanted: ReadonlyArray<readonly [string | undefined, Metric]>): Promise<ReportTrials> {
  const { dir, tiers, trials } = base;
  const keys = [...new Set(wanted.map(([tier, metric]) => seriesKey(tier, metric, tiers)))];
  const exists = async (name: string) => (await stat(join(dir, name)).catch(() => undefined))?.isFile() === true;
  let values: Map<string, Float64Array>;
  let source: ReportTrials['source'];
  if (await exists(REPORT_FILES.trials)) {
    values = await readTrialsCsv(join(dir, REPORT_FILES.trials), keys, trials);
    source = 'trials.csv';
  } else if (await exists(REPORT_FILES.sipmath)) {
    values = await readSipmath(join(dir, REPORT_FILES.sipmath), keys, trials);
    source = 'sipmath.json';
  } else
    throw new ReportTrialsError(
      `${dir} holds no per-trial values (neither ${REPORT_FILES.trials} nor ${REPORT_FILES.sipmath}): re-run the forecast with ${TRIALS_FLAG} (or --outputs default,sipmath) to score it`,
    );
  return { ...base, source, series: (tier, metric) => values.get(seriesKey(tier, metric, tiers)) };
}

/** The columns `keys` of trials.csv, streamed line by line; a key missing from the header is left out. */
async function readTrialsCsv(file: string, keys: readonly string[], trials: number): Promise<Map<string, Float64Array>> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const out = new Map<string, Float64Array>();
  let index: Array<[number, Float64Array]> = [];
  let row = -1;
  for await (const line of lines) {
    if (row === -1) {
      const header = (parse(line) as string[][])[0] ?? [];
      // Header cells are written through csvField: a tier name starting with = + - @ gets a leading '.
      const names = header.map((h) => (/^'[=+\-@\t\r]/.test(h) ? h.slice(1) : h));
      index = keys.flatMap((k) => {
        const at = names.indexOf(k);
        if (at < 0) return [];
        const values = new Float64Array(trials);
        out.set(k, values);
        return [[at, values] as [number, Float64Array]];
      });
      row = 0;
      continue;
    }
    if (line === '') continue;
    if (row >= trials) throw new ReportTrialsError(`${file} has more rows than the ${trials} trials its summary.json counts`);
    const cells = line.split(',');
    for (const [at, values] of index) {
      const v = Number(cells[at]);
      if (cells[at] === undefined || cells[at] === '' || !Number.isFinite(v)) throw new ReportTrialsError(`${file}:${row + 2}: trial ${row + 1} has no number in column ${at + 1}`);
      values[row] = v;
    }
    row++;
  }
  if (row !== trials) throw new ReportTrialsError(`${file} has ${Math.max(0, row)} trials but its summary.json counts ${trials}: the report is incomplete`);
  return out;
}

/** The SIPs named `keys` of sipmath.json; a key without a SIP is left out. */
async function readSipmath(file: string, keys: readonly string[], trials: number): Promise<Map<string, Float64Array>> {
  let library: { sips?: Array<{ name?: unknown; arguments?: { value?: unknown } }> };
  try {
    library = JSON.parse(await readFile(file, 'utf8')) as typeof library;
  } catch (err) {
    throw new ReportTrialsError(`${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const out = new Map<string, Float64Array>();
  for (const sip of library.sips ?? []) {
    if (typeof sip.name !== 'string' || !keys.includes(sip.name)) continue;
    const value = sip.arguments?.value;
    if (!Array.isArray(value) || value.length !== trials || !value.every((v) => typeof v === 'number' && Number.isFinite(v)))
      throw new ReportTrialsError(`${file}: SIP ${sip.name} does not hold ${trials} numbers, one per trial`);
    out.set(sip.name, Float64Array.from(value as number[]));
  }
  return out;
}
