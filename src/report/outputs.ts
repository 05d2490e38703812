import { REPORT_FILES } from './report-files.js';

/**
 * Which files a run writes (`--outputs`). summary.json and scenario.json are always written: they are
 * the contract other tools read and cost milliseconds. The rest is chosen; the defaults serve most
 * users, and the per-trial exports, which cost seconds and tens of megabytes at 100,000 trials, are
 * written only when asked for.
 */
export const OUTPUTS = ['summary', 'html', 'charts', 'csv', 'xlsx', 'trials', 'sipmath'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** What a run writes when no --outputs is given. */
export const DEFAULT_OUTPUTS: readonly OutputName[] = ['summary', 'html', 'charts', 'csv', 'xlsx'];

/**
 * What each output is and what it costs, measured at 100,000 trials of scenarios/example.yaml on
 * the project's 2-core machine (bench/RESULTS.md, 2026-12-05): CPU time of writing it, and its size.
 */
export const OUTPUT_HELP: Readonly<Record<OutputName, string>> = {
  summary: 'summary.json and scenario.json (always written): every statistic, 0.2 MB, ~20 ms',
  html: 'report.html: one page with every table and chart, 0.2 MB, ~0.3 s (draws the charts; vega loads while the workers simulate)',
  charts: 'charts/NAME.vl.json and NAME.svg: the same charts as files, 0.3 MB, a few ms beyond html',
  csv: 'percentiles.csv and monthly.csv, for spreadsheets, 30 kB, ~10 ms',
  xlsx: 'report.xlsx: the summary, bands, monthly view, targets, assumptions and attribution as a workbook, about 20 kB, written in a few milliseconds',
  trials: 'trials.csv: one row per trial, every column, 79 MB, ~0.5 s of the main thread, written while the workers simulate',
  sipmath: 'sipmath.json: the headline metrics (and tier revenue) per trial as a SIPmath 3.0 library, 6.6 MB, ~0.1 s',
};

/** Thrown for an --outputs list with a name that is not an output. */
export class OutputsError extends RangeError {
  override readonly name = 'OutputsError';
}

/**
 * Read an --outputs list: names separated by commas (spaces allowed), `all` for every output,
 * `default` for the defaults (so `default,trials` adds trials.csv). summary is always included.
 *
 * @example parseOutputs('default,trials') // => ['summary', 'html', 'charts', 'csv', 'xlsx', 'trials']
 * Complexity: O(names).
 */
export function parseOutputs(text: string): OutputName[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  if (names.length === 0) throw new OutputsError(`--outputs needs at least one name: ${OUTPUTS.join(', ')}, all or default`);
  const chosen = new Set<OutputName>(['summary']);
  const unknown: string[] = [];
  for (const name of names) {
    if (name === 'all') OUTPUTS.forEach((o) => chosen.add(o));
    else if (name === 'default') DEFAULT_OUTPUTS.forEach((o) => chosen.add(o));
    else if ((OUTPUTS as readonly string[]).includes(name)) chosen.add(name as OutputName);
    else unknown.push(name);
  }
  if (unknown.length > 0)
    throw new OutputsError(`--outputs: ${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not an output' : 'are not outputs'}; choose among ${OUTPUTS.join(', ')}, all or default`);
  return OUTPUTS.filter((o) => chosen.has(o));
}

/**
 * What to pass instead of a string of outputs: the list of its names when each is an output
 * ('summary,html': ["summary", "html"]; ["summary,html"] was advised, and refused), else parseOutputs,
 * which reads the CLI's words (all, default, any case) and names what is not an output.
 */
function stringAdvice(text: string): string {
  const names = text.split(',').map((n) => n.trim()).filter((n) => n.length > 0);
  const parse = `parseOutputs(${JSON.stringify(text)})`;
  if (names.length === 0 || !names.every((n) => (OUTPUTS as readonly string[]).includes(n))) return `pass ${parse}, which reads a comma-separated list as --outputs does`;
  const list = `[${names.map((n) => JSON.stringify(n)).join(', ')}]`;
  return text.includes(',') ? `pass ${list}, or ${parse}` : `pass ${list}`;
}

/** The set of outputs to write: the given list (summary added), or the defaults. */
export function resolveOutputs(outputs: readonly OutputName[] | undefined): ReadonlySet<OutputName> {
  if (outputs === undefined) return new Set(DEFAULT_OUTPUTS);
  // A string was read as its letters ('"s" is not an output' for 'summary'); parseOutputs reads the CLI's list.
  if (!Array.isArray(outputs))
    throw new OutputsError(`outputs must be a list of names (got ${typeof outputs === 'string' ? `the string ${JSON.stringify(outputs)}: ${stringAdvice(outputs)}` : outputs === null ? 'null' : typeof outputs})`);
  for (const o of outputs) if (!(OUTPUTS as readonly string[]).includes(o)) throw new OutputsError(`"${o}" is not an output; choose among ${OUTPUTS.join(', ')}`);
  return new Set<OutputName>(['summary', ...outputs]);
}

/**
 * The outputs whose help says when `run` does the work (while its workers simulate), as `merge` says
 * them: a merge has no workers, and reads its parts before it writes anything.
 */
const MERGE_OUTPUT_HELP: Readonly<Partial<Record<OutputName, string>>> = {
  html: 'report.html: one page with every table and chart, 0.2 MB, ~0.3 s (draws the charts)',
  trials: 'trials.csv: one row per trial, every column, 79 MB, ~0.5 s',
};

/** The --help text of --outputs: every output with what it costs, in the words of `run` or of `merge`. */
export function outputsHelp(command: 'run' | 'merge' = 'run'): string {
  const help = command === 'merge' ? { ...OUTPUT_HELP, ...MERGE_OUTPUT_HELP } : OUTPUT_HELP;
  return `files to write, comma-separated: ${OUTPUTS.join(', ')}, all, or default (= ${DEFAULT_OUTPUTS.join(',')}); default,trials adds trials.csv. Costs at 100,000 trials: ${OUTPUTS.map((o) => `${o}: ${help[o]}`).join('; ')}`;
}

/**
 * The files a report of these outputs holds besides report.html, as its foot names them: it listed
 * trials.csv and sipmath.json, which the default outputs do not write, and not report.xlsx.
 *
 * @example reportFiles(resolveOutputs(undefined)) // => ['summary.json', 'report.xlsx', 'percentiles.csv', 'monthly.csv', 'scenario.json', 'charts/']
 */
export function reportFiles(want: ReadonlySet<OutputName>): string[] {
  return [
    REPORT_FILES.summary,
    ...(want.has('xlsx') ? [REPORT_FILES.xlsx] : []),
    ...(want.has('csv') ? [REPORT_FILES.percentiles, REPORT_FILES.monthly] : []),
    ...(want.has('trials') ? [REPORT_FILES.trials] : []),
    ...(want.has('sipmath') ? [REPORT_FILES.sipmath] : []),
    REPORT_FILES.scenario,
    ...(want.has('charts') ? [`${REPORT_FILES.charts}/`] : []),
  ];
}
