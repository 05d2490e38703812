import { closest, normalizeHeader, numberCell, readCsv, type CsvColumn } from '../scenario/csv-table.js';
import { quoteText } from '../scenario/display-text.js';
import { SAME_LAW } from '../scenario/one-forecast.js';
import type { Metric } from '../model/components.js';
import { lookForm, lookKey, nameKey } from '../scenario/name-key.js';
import { differentFiscalYears, fiscalYearWords } from '../analysis/fiscal-years.js';

/**
 * A report's directory as messages name it: whole up to 200 characters (as paths are named elsewhere,
 * path-policy.ts), since two reports' long paths often share their first 40 (quoteText's usual cut).
 */
export const quoteReport = (dir: string): string => quoteText(dir, 200);

/**
 * The outcomes file of `arrcast score`: what the year came to, one row per figure scored.
 *
 * ```text
 * report,tier,metric,value
 * reports/fy2027-plan,total,revenue,131250000
 * reports/fy2027-plan,SMB,ending_arr,24100000
 * ```
 *
 * - `report` (optional column): which report the row scores: the directory as given on the
 *   command line, or its last path part. Empty, or no such column: every report given (several
 *   forecasts of the same year, e.g. the plan and its re-forecasts); refused at the row when the
 *   reports forecast different fiscal years or different scenarios (differentForecasts).
 * - `tier` (required): a tier of the report's scenario (ignoring case), or `total` for the company.
 * - `metric` (required): `revenue` (recognised), `bookings` or `ending_arr` (also `endingArr`).
 * - `value` (required): the outcome, a plain number in the scenario's currency; at least 0 for
 *   revenue and ending ARR (bookings may be negative).
 *
 * A figure may be given once per report. Every problem at once, with file:line:column.
 */

/** A report as the outcomes file may name it. */
export interface ScoredReport {
  /** The directory as given. */
  readonly dir: string;
  readonly tiers: readonly string[];
  /** The forecast year's calendar (first calendar month 1..12, and its year when the scenario gave one); absent: not known. */
  readonly fiscalYearStartMonth?: number;
  readonly fiscalYear?: number;
  /** Each tier's opening ARR (the summary's), and the tiers whose deals go live at signing: what bookings from a monthly file need for price uplift. */
  readonly openingArr?: ReadonlyMap<string, number>;
  readonly liveAtSigning?: ReadonlySet<string>;
  /** Each tier's ARR added by its customer book's escalators in each fiscal month: stepped-up ARR, not bookings. */
  readonly escalationArr?: ReadonlyMap<string, readonly number[]>;
  /** The scenario's name (the summary's `scenario.name`): a plan and its re-forecasts share it; absent: not known. */
  readonly scenarioName?: string;
  /** Which forecast it is (ReportHeader.forecastIdentity): equal for a report and a copy of it, or the same run made again; absent: not known. */
  readonly forecastIdentity?: string;
}

/** One outcome to score. */
export interface Outcome {
  /** Index of the report in the list given. */
  readonly report: number;
  /** The tier's name as the report spells it; undefined for the company (`total`). */
  readonly tier: string | undefined;
  readonly metric: Metric;
  readonly value: number;
  /** Line of the outcomes file, for messages. */
  readonly line: number;
}

const REPORT = 0;
const TIER = 1;
const METRIC = 2;
const VALUE = 3;
const COLUMNS: readonly CsvColumn[] = [
  { name: 'report', hints: ['forecast', 'dir', 'directory', 'year'] },
  { name: 'tier', required: true, hints: ['segment'] },
  { name: 'metric', required: true, reads: (c) => c === '' || metricOf(c) !== undefined, hints: ['measure', 'kpi'] },
  { name: 'value', required: true, amount: true, hints: ['actual', 'outcome', 'amount'] },
];

/**
 * A tier cell's `total` and a metric cell's name are read as a tier's name is (nameKey: fullwidth,
 * invisible characters, NFD): `ＴＯＴＡＬ` was "no tier" beside a report whose tier names read that way,
 * listing "or total" as if it were another word.
 */
const isTotal = (cell: string): boolean => nameKey(cell) === 'total';
const metricOf = (cell: string): Metric | undefined => METRIC_NAMES.get(normalizeHeader(lookForm(cell)));

/** Metric names accepted, normalised (normalizeHeader), and the metric each means. */
const METRIC_NAMES = new Map<string, Metric>([
  ['revenue', 'revenue'],
  ['recognizedrevenue', 'revenue'],
  ['bookings', 'bookings'],
  ['endingarr', 'endingArr'],
]);

/** Last path part of a directory as given: `reports/plan/` -> `plan`. */
const lastPart = (dir: string) => withoutTrailingSeparators(dir).split(/[\\/]/).pop() ?? dir;

/**
 * `dir` without its trailing `/` and `\` (`runs/p27//` -> `runs/p27`). A loop from the end: the pattern
 * /[\\/]+$/ tried the rest of a run of separators from each of them, quadratic in a long cell.
 */
function withoutTrailingSeparators(dir: string): string {
  let end = dir.length;
  while (end > 0 && (dir.charCodeAt(end - 1) === 47 || dir.charCodeAt(end - 1) === 92)) end--;
  return dir.slice(0, end);
}

/**
 * Validate an outcomes file against the reports being scored. Throws ScenarioError with every
 * problem (an unknown report, tier or metric, a figure given twice, a report with no outcome).
 *
 * @example parseOutcomes('tier,metric,value\ntotal,revenue,100\n', 'o.csv', [{ dir: 'r', tiers: ['SMB'] }])[0] // => { report: 0, tier: undefined, metric: 'revenue', value: 100, line: 2 }
 * Complexity: O(size of the file + rows × reports).
 */
export function parseOutcomes(input: string | Buffer, file: string, reports: readonly ScoredReport[]): Outcome[] {
  // A tier cell reads as a tier of a report, or total (a split amount is told from a name's comma by it).
  const tierKeys = new Set(reports.flatMap((r) => r.tiers.map(nameKey)));
  const reads = new Map([[TIER, (c: string) => c === '' || isTotal(c) || tierKeys.has(nameKey(c))]]);
  const t = readCsv(input, file, COLUMNS, 'outcomes', 'an outcomes file', reads);
  const out: Outcome[] = [];
  const seen = new Map<string, number>();
  // A cell names a report as given on the command line (with or without trailing separators) or,
  // failing that, by its last path part: `plan` is the report given as `plan`, not also `a/plan`.
  const asGiven = new Map<string, number[]>();
  const byLastPart = new Map<string, number[]>();
  reports.forEach((r, i) => {
    for (const name of new Set([r.dir, withoutTrailingSeparators(r.dir)])) asGiven.set(name, [...(asGiven.get(name) ?? []), i]);
    const last = lastPart(r.dir);
    byLastPart.set(last, [...(byLastPart.get(last) ?? []), i]);
  });
  const scored = new Set<number>();
  const different = differentForecasts(reports);
  const same = sameForecast(reports);
  for (let row = 0; row < t.rows.length; row++) {
    const reportCell = t.cell(row, REPORT);
    let targets: number[] = reports.map((_, i) => i);
    if (reportCell === '' && different !== undefined) {
      // A row for every report is for a plan and its re-forecasts of one year: one figure scored
      // against forecasts of different years (or of different scenarios: another company, another
      // plan) would score each with another's outcome.
      t.problem(row, REPORT, `${t.has(REPORT) ? 'is empty' : 'is not given (no report column)'}, so the row scores every report, but they forecast ${different}: name the report this figure is of`);
      continue;
    }
    if (reportCell === '' && same !== undefined) {
      // checkDistinct (score-command.ts) refuses one directory given twice; a copy of a report is
      // another directory with the same trials, and this row counted it twice in every mean, the
      // coverage and the KS test (the example's eight outcomes at 2,000 trials, KS p = 0.045, read p = 0.001).
      t.problem(row, REPORT, `${t.has(REPORT) ? 'is empty' : 'is not given (no report column)'}, so the row scores every report, but ${same}: give each forecast once, or name the report this figure is of`);
      continue;
    }
    if (reportCell !== '') {
      const found = asGiven.get(reportCell) ?? asGiven.get(withoutTrailingSeparators(reportCell)) ?? byLastPart.get(reportCell) ?? byLastPart.get(withoutTrailingSeparators(reportCell));
      if (found === undefined) {
        const near = closest(reportCell, reports.map((r) => r.dir));
        t.problem(row, REPORT, `no report ${quoteText(reportCell)} is being scored${near ? ` (did you mean ${quoteText(near)}?)` : `; the reports are: ${reports.map((r) => r.dir).join(', ')}`}`);
        continue;
      }
      if (found.length > 1) {
        t.problem(row, REPORT, `${quoteText(reportCell)} names ${found.length} of the reports being scored: give the directory as on the command line`);
        continue;
      }
      targets = found;
    }
    const metric = metricOf(t.cell(row, METRIC));
    if (metric === undefined) t.problem(row, METRIC, `must be revenue, bookings or ending_arr; got ${quoteText(t.cell(row, METRIC))}`);
    // A year's revenue or ending ARR is never below 0 (a monthly actuals file refuses negative money
    // too): a stray minus sign would score as a forecast missed by the whole figure. Bookings net of
    // contraction and price changes can be.
    const nonNegative = metric === 'revenue' || metric === 'endingArr';
    const value = numberCell(t, row, VALUE, 'is required: what the figure came to', nonNegative ? 0 : -1e15, 1e15, (v) =>
      nonNegative && v < 0 ? `must be at least 0: a year's ${metric === 'revenue' ? 'revenue' : 'ending ARR'} cannot be negative, got ${v}` : `must be within ±1e15, got ${v}`,
    );
    const tierCell = t.cell(row, TIER);
    if (tierCell === '') {
      t.problem(row, TIER, 'is required: a tier of the report, or total for the company');
      continue;
    }
    for (const report of targets) {
      const tiers = reports[report]!.tiers;
      let tier: string | undefined;
      if (!isTotal(tierCell)) {
        // In NFC form too: the file may write "Café" with e + U+0301 where the report has é.
        tier = tiers.find((x) => nameKey(x) === nameKey(tierCell));
        if (tier === undefined) {
          const near = closest(tierCell, tiers);
          t.problem(row, TIER, `report ${quoteReport(reports[report]!.dir)} has no tier ${quoteText(tierCell)}${near ? ` (did you mean ${quoteText(near)}?)` : `; its tiers are: ${tiers.join(', ')}, or total`}`);
          continue;
        }
      }
      if (metric === undefined || Number.isNaN(value)) continue;
      const key = `${report}\u0000${tier ?? ''}\u0000${metric}`;
      const first = seen.get(key);
      if (first !== undefined) {
        t.problem(row, VALUE, `${tier === undefined ? 'the total' : `tier ${quoteText(tier)}`}'s ${metric} of report ${quoteReport(reports[report]!.dir)} is given twice (also line ${t.lineOf(first)})`);
        continue;
      }
      seen.set(key, row);
      scored.add(report);
      out.push({ report, tier, metric, value, line: t.lineOf(row) });
    }
  }
  if (!t.failed)
    reports.forEach((r, i) => {
      if (!scored.has(i)) t.fileProblem(REPORT, `has no outcome for report ${quoteReport(r.dir)}: give its figures, or leave the report out`);
    });
  t.throwIfProblems();
  return out;
}

/**
 * What keeps one figure from scoring every report: "different fiscal years (...)" or "different
 * scenarios (...)", naming each report's; undefined when they may all be forecasts of one year of
 * one scenario (a plan and its re-forecasts, which share the scenario's name). A report whose
 * year or scenario is not known is taken to be of the others'.
 *
 * @example differentForecasts([{ dir: 'a', tiers: [], scenarioName: 'Acme' }, { dir: 'b', tiers: [], scenarioName: 'Beta Co' }]) // => 'different scenarios ("a": "Acme"; "b": "Beta Co")'
 */
export function differentForecasts(reports: readonly ScoredReport[]): string | undefined {
  const years = differentYears(reports);
  if (years !== undefined) return `different fiscal years (${years})`;
  return differentScenarios(reports);
}

/**
 * "\"a\" and \"b\" are one forecast (...)" when two reports have one forecastIdentity: one law
 * (SAME_LAW, the one sentence every such message gives: report/forecast-identity.ts) from the same closed months, so the same trials (a copy of a report) or the same forecast
 * drawn again (a plan run again with any seed, or a copy of its file elsewhere). A figure scoring every report
 * would score that forecast twice. Undefined when no two are one.
 *
 * @example sameForecast([{ dir: 'a', tiers: [], forecastIdentity: 'x' }, { dir: 'b', tiers: [], forecastIdentity: 'x' }]) // => '"a" and "b" are one forecast (...)'
 */
export function sameForecast(reports: readonly ScoredReport[]): string | undefined {
  const seen = new Map<string, ScoredReport>();
  for (const r of reports) {
    if (r.forecastIdentity === undefined) continue;
    const first = seen.get(r.forecastIdentity);
    if (first !== undefined)
      return `${quoteReport(first.dir)} and ${quoteReport(r.dir)} are one forecast (${SAME_LAW}, from the same closed months: a copy of one report, or the same run made again), which it would score twice`;
    seen.set(r.forecastIdentity, r);
  }
  return undefined;
}

/**
 * "different scenarios (...)", naming each report's scenario, when two reports' scenario names
 * differ; undefined when they may all be one scenario's. Names are compared as they read (lookKey:
 * without case, NFC, ...): "Acme" and "ACME", or "Café" in NFC and NFD, are one scenario.
 *
 * @example differentScenarios([{ dir: 'a', tiers: [], scenarioName: 'Acme' }, { dir: 'b', tiers: [], scenarioName: 'ACME' }]) // => undefined
 */
export function differentScenarios(reports: readonly ScoredReport[]): string | undefined {
  const names = new Set(reports.map((r) => r.scenarioName).filter((n) => n !== undefined).map((n) => lookKey(n)));
  if (names.size < 2) return undefined;
  return `different scenarios (${reports.map((r) => `${quoteReport(r.dir)}: ${r.scenarioName === undefined ? 'scenario not stated' : quoteText(r.scenarioName)}`).join('; ')})`;
}


/**
 * The reports' fiscal years, listed, when they are not all one year by the shared rule
 * (analysis/fiscal-years.ts differentFiscalYears): their first months differ, or two of them state
 * different years. Undefined when they may all be one year (a report that
 * does not state its year is taken to be of the others').
 *
 * @example differentYears([{ dir: 'a', tiers: [], fiscalYearStartMonth: 2, fiscalYear: 2027 }, { dir: 'b', tiers: [], fiscalYearStartMonth: 2, fiscalYear: 2028 }]) // => '"a": FY2027, from February; "b": FY2028, from February'
 */
export function differentYears(reports: readonly ScoredReport[]): string | undefined {
  const years = reports.map((r) => ({ startMonth: r.fiscalYearStartMonth, year: r.fiscalYear }));
  if (!differentFiscalYears(years)) return undefined;
  return reports.map((r, i) => `${quoteReport(r.dir)}: ${fiscalYearWords(years[i]!)}`).join('; ');
}
