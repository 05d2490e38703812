import { toFixedDecimal } from '../math/decimal-round.js';
import { directoryShown } from './directory-shown.js';
import type { Command } from 'commander';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { METRIC_LABELS, type Metric } from '../model/components.js';
import { differentForecasts, differentScenarios, parseOutcomes, quoteReport, sameForecast, type Outcome } from '../scoring/outcomes-file.js';
import { outcomesFromActuals } from '../scoring/outcomes-from-actuals.js';
import { notScoredReason, type NotScored } from '../scoring/not-scored.js';
import { MAX_MONTHLY_FILE_BYTES, MONTHLY_COLUMNS, parseMonthlyFile } from '../actuals/read-monthly-file.js';
import { headerFields, normalizeHeader, readCsvBytes } from '../scenario/csv-table.js';
import { scoreForecasts, type ScoreResult } from '../scoring/score-forecasts.js';
import { forecastIdentityVersion } from '../report/forecast-identity.js';
import { readReportHeader, readReportTrials, ReportTrialsError, TRIALS_FLAG, type ReportHeader, type ReportTrials } from '../report/read-report-trials.js';
import { insideCell, outcomeShown, notScoredNotes, prepareScoreDir, scoreAmount, scoreCurrency, scoredValueNote, scoreParagraph, SCORE_FILES, writeScore } from '../report/score-output.js';
import { refuseInputsInsideOutput } from '../report/inputs-inside-output.js';
import { UsageError } from './exit-codes.js';
import { throwIfAborted } from '../engine/errors.js';
import type { Io } from './io.js';
import { formatWarning, type PlausibilityWarning } from '../analysis/plausibility.js';
import { quoteText } from '../scenario/display-text.js';
import { terminalCell } from '../report/terminal-text.js';
import { PAUSE_VARIABLE, pauseHook } from './pause-hook.js';
import { textTable } from '../report/format.js';
import { formatShare } from '../report/money.js';
import { pendingSignals } from './pending-signals.js';

/**
 * `arrcast score REPORT... --actuals OUTCOMES.csv [--out DIR]`: score past forecasts against what
 * happened, from the trials each report stores (trials.csv, or sipmath.json): the PIT, CRPS and
 * pinball losses of every outcome, coverage of P10-P90, and across reports and tiers a PIT
 * histogram and a calibration chart (src/scoring/). Prints the scores; with --out writes
 * score.json, score.csv, score.html and the charts, whole or not at all. Bad input exits 2.
 */
export function registerScoreCommand(program: Command, io: Io, signal?: AbortSignal): void {
  program
    .command('score')
    .description(
      'Score past forecasts against outcomes: the PIT (where each outcome fell), the CRPS, pinball losses at P10/P50/P90 and coverage of P10-P90, with a PIT histogram and a calibration chart across reports and tiers. Needs reports run with --outputs including trials or sipmath.',
    )
    .argument('<reports...>', 'report directories of past forecasts (arrcast run --out), run with --outputs default,trials or default,sipmath')
    .requiredOption('-a, --actuals <file>', 'required: the outcomes CSV: report (optional), tier (or total), metric (revenue, bookings, ending_arr), value; or the 12-month actuals file of the year (month, tier, revenue, ending_arr, ...)')
    .option('-o, --out <dir>', `write ${SCORE_FILES.json}, ${SCORE_FILES.csv}, ${SCORE_FILES.html} and the charts into this directory (new, empty, or an earlier arrcast score), replaced whole when done`)
    .action(async (dirs: string[], opts: { actuals: string; out?: string }) => {
      const asUsage = (err: unknown): never => {
        if (err instanceof ReportTrialsError) throw new UsageError(err.message);
        throw err;
      };
      await checkDistinct(dirs);
      const headers: ReportHeader[] = [];
      for (const dir of dirs) headers.push(await readReportHeader(dir).catch(asUsage));
      checkOneCurrency(headers);
      const versions = identityVersionsDiffer(headers);
      if (versions !== undefined) io.err(`arrcast: ${terminalCell(versions)}\n`);
      // An outcomes file, or a monthly actuals file of the whole year (its header names a month column).
      const bytes = await readCsvBytes(opts.actuals, opts.actuals, MAX_MONTHLY_FILE_BYTES, undefined, 'an outcomes or actuals file');
      const leftOut: PlausibilityWarning[] = [];
      const notScored: NotScored[] = [];
      const outcomes = isMonthlyFile(bytes) ? monthlyOutcomes(bytes, opts.actuals, headers, leftOut, notScored) : parseOutcomes(bytes, opts.actuals, headers);
      for (const w of leftOut) io.err(`${formatWarning(w)}\n`);
      // Resolved once, before the trials are read; the score is written to that directory and no other.
      const out = opts.out !== undefined ? await prepareScoreDir(opts.out) : undefined;
      if (out !== undefined) await refuseInputsInsideOutput(out, `--out ${opts.out}`, [...dirs.map((path) => ({ path, what: 'the report' })), { path: opts.actuals, what: 'the --actuals file' }]);
      const reports: ReportTrials[] = [];
      for (let i = 0; i < headers.length; i++) {
        const wanted = outcomes.filter((o) => o.report === i).map((o) => [o.tier, o.metric] as const);
        const r = await readReportTrials(headers[i]!, wanted).catch(asUsage);
        for (const o of outcomes.filter((x) => x.report === i))
          if (r.series(o.tier, o.metric) === undefined)
            throw new UsageError(
              `${opts.actuals}:${o.line}: report ${r.dir} has no per-trial ${o.tier === undefined ? '' : `${o.tier} `}${o.metric} in its ${r.source}${r.source === 'sipmath.json' ? ' (it holds the company\'s three metrics and each tier\'s revenue)' : ''}: re-run the forecast with ${TRIALS_FLAG}`,
            );
        reports.push(r);
        throwIfAborted(signal);
      }
      // Each series sorted once, however many outcomes score it.
      const sorted = new Map<string, Float64Array>();
      const result = scoreForecasts(
        outcomes,
        (o) => {
          const key = `${o.report}\u0000${o.tier ?? ''}\u0000${o.metric}`;
          let s = sorted.get(key);
          if (s === undefined) sorted.set(key, (s = Float64Array.from(reports[o.report]!.series(o.tier, o.metric)!).sort()));
          return s;
        },
        // Compared as the report stores its trials (a tier's figures float32): equal is a tie, not a miss.
        (o) => reports[o.report]!.stored(o.tier, o.metric, o.value),
        notScored,
      );
      // A signal that came while the forecasts were scored (synchronously) is delivered first.
      await pendingSignals();
      throwIfAborted(signal);
      io.out(scoreTable(result, reports));
      if (out !== undefined) {
        await writeScore(out, result, reports, { signal, onStep: pauseHook(process.env[PAUSE_VARIABLE], io.err, signal) });
        io.err(`wrote ${directoryShown(opts.out ?? out)}${SCORE_FILES.json}, ${SCORE_FILES.csv} and ${SCORE_FILES.html}\n`);
      }
    });
}

/**
 * Refuse reports in different currencies: the mean CRPS and pinball losses are in money, and a mean
 * of dollars and euros is neither (compare refuses them too). Score each currency apart.
 */
function checkOneCurrency(headers: readonly ReportHeader[]): void {
  const byCurrency = new Map<string, string[]>();
  for (const h of headers) (byCurrency.get(h.currency) ?? byCurrency.set(h.currency, []).get(h.currency)!).push(h.dir);
  if (byCurrency.size < 2) return;
  const list = [...byCurrency].map(([currency, dirs]) => `${currency || 'no currency'}: ${dirs.join(', ')}`).join('; ');
  throw new UsageError(`the reports are in different currencies (${list}): their CRPS and pinball losses, in money, cannot be averaged; score each currency apart`);
}

/**
 * Refuse a report given twice, however it is spelled (`r`, `r/`, `./r`, a link to it): it would be
 * scored twice, doubling its weight in every mean, the coverage and the KS test.
 */
async function checkDistinct(dirs: readonly string[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const real = await realpath(dir).catch(() => resolve(dir));
    const first = seen.get(real);
    if (first !== undefined) throw new UsageError(first === dir ? `report ${dir} is given twice: give each report once` : `reports ${first} and ${dir} are the same directory (${real}): give each report once`);
    seen.set(real, dir);
  }
}

/**
 * The outcomes of a monthly actuals file for each report, its dates placed in that report's own
 * fiscal year: reports of different years (or calendars) read the file each with its calendar, so
 * a dated month is never scored against a year it is not in (a date outside a report's year is
 * refused at its line). Reports sharing a calendar read it once.
 */
function monthlyOutcomes(bytes: Buffer, file: string, headers: readonly ReportHeader[], leftOut: PlausibilityWarning[], notScored: NotScored[]): Outcome[] {
  // A tier no report has, all 0, is left out of the score: said once per tier, as run --actuals says it.
  const warned = new Set<string>();
  const groups = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = `${h.fiscalYearStartMonth}/${h.fiscalYear ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out: Outcome[] = [];
  // A monthly file has no report column, so each figure scores every report: never right for two
  // scenarios (another company, another plan), whatever the months' form. Dated months are placed in
  // each report's own year (a date outside it is refused at its line), so they tie each figure to
  // its year; numbered months (1-12) are every report's, so they are refused for different years too.
  const scenarios = differentScenarios(headers);
  const different = differentForecasts(headers);
  const same = sameForecast(headers);
  for (const members of groups.values()) {
    const h = headers[members[0]!]!;
    const calendar = { startMonth: h.fiscalYearStartMonth, ...(h.fiscalYear !== undefined ? { year: h.fiscalYear } : {}) };
    const parsed = parseMonthlyFile(bytes, file, { kind: 'actuals', calendar });
    const first = [...parsed.byTier.values()][0]?.[0];
    if (first !== undefined && first.label.includes('-') && scenarios !== undefined)
      throw new UsageError(
        `${file}:${first.line}:${first.columns?.month ?? 1}: a monthly actuals file has no report column, so the file scores every report, but they forecast ${scenarios}: score each report apart with its own file`,
      );
    if (different !== undefined && first !== undefined && !first.label.includes('-'))
      throw new UsageError(
        `${file}:${first.line}:${first.columns?.month ?? 1}: the months are numbered (1-12), so the file scores every report, but they forecast ${different}: ${scenarios === undefined ? 'date the months (YYYY-MM) so each report takes its own year\'s, or score each report apart' : 'score each report apart with its own file'}`,
      );
    if (same !== undefined && first !== undefined)
      throw new UsageError(`${file}:${first.line}:${first.columns?.month ?? 1}: a monthly actuals file has no report column, so the file scores every report, but ${same}: give each forecast once`);
    const own = outcomesFromActuals(parsed, members.map((i) => headers[i]!), (t) => {
      if (warned.has(t.tier)) return;
      warned.add(t.tier);
      leftOut.push({
        code: 'actuals-tier-left-out',
        message: `tier ${quoteText(t.tier)} left out of the score: report ${quoteReport(headers[members[t.report]!]!.dir)} has no such tier, and its ${t.rows} row${t.rows === 1 ? ' is' : 's are'} all 0 (nothing in the year: a tier fit leaves out of the scenario it writes)`,
        path: ['tier'],
        file,
        line: t.line,
        column: 1,
      });
    }, (t) => {
      const total = { ...t, report: members[t.report]! };
      notScored.push(total);
      leftOut.push({ code: 'score-not-scored', message: `report ${quoteReport(headers[total.report]!.dir)}: ${notScoredReason(total, quoteText)}`, path: ['tier'], file });
    });
    for (const o of own) out.push({ ...o, report: members[o.report]! });
  }
  return out.sort((a, b) => a.report - b.report);
}

/**
 * Whether a CSV's header names a `month` column: a monthly actuals file. The header is found as
 * readCsv finds it (headerFields), past a title row, so that file's reader names the title row.
 */
function isMonthlyFile(bytes: Buffer): boolean {
  return headerFields(bytes.subarray(0, 4096).toString('utf8'), MONTHLY_COLUMNS).some((cell) => normalizeHeader(cell) === 'month');
}

/** The scores as printed: one line per outcome, then one per metric and the verdict. */
export function scoreTable(result: ScoreResult, reports: readonly ReportTrials[]): string {
  const n = scoreAmount(reports[0]?.currency ?? '', '-');
  // As every share the outputs write (formatShare): a PIT of 0.99967 reads 99.97%, not 100.0% (above every trial).
  const pct = formatShare;
  const rows = [['report', 'tier', 'metric', 'outcome', 'P10', 'P50', 'P90', 'PIT', 'CRPS', 'in P10-P90']];
  for (const o of result.outcomes) rows.push([reports[o.report]!.dir, o.tier ?? 'total', o.metric === 'endingArr' ? 'ending_arr' : o.metric, outcomeShown(o, n), n(o.p10), n(o.p50), n(o.p90), pct(o.pit), n(o.crps), insideCell(o)]);
  const groups = [['metric', 'outcomes', 'mean CRPS', 'pinball P10', 'pinball P50', 'pinball P90', 'interval score', 'in P10-P90', 'KS p']];
  for (const [m, g] of Object.entries(result.byMetric) as Array<[Metric, NonNullable<ScoreResult['byMetric'][Metric]>]>)
    groups.push([METRIC_LABELS[m], String(g.outcomes), n(g.meanCrps), n(g.meanPinball10), n(g.meanPinball50), n(g.meanPinball90), n(g.meanIntervalScore80), pct(g.coverage.share), toFixedDecimal(g.ks.pValue, 3)]);
  const note = scoredValueNote(result, n);
  const totals = notScoredNotes(result, reports).map((t) => `${terminalCell(t)}\n`).join('');
  return `${table(rows, 3)}${note === undefined ? '' : `${note}\n`}${totals}\n${table(groups, 1)}\n${scoreParagraph(result)}\nAmounts (outcomes, percentiles, CRPS, pinball losses, interval scores) in ${scoreCurrency(reports)}. Px = x% chance of coming in below; PIT = the forecast percentile the outcome fell at.\n`;
}

/**
 * Rows as aligned columns (textTable): the first `textColumns` left-aligned, the numbers after them
 * right-aligned, each cell made printable first (a report directory or tier named with a line feed
 * or an escape is shown as `\u{..}`), so a name neither breaks a row nor its alignment.
 */
const table = (rows: readonly (readonly string[])[], textColumns: number) => `${textTable(rows, textColumns)}\n`;

/**
 * Words for two reports whose identities are of different versions (forecastIdentityVersion: one
 * written by another arrcast, its forecastHash not computed afresh, as for a scenario with a customer
 * book): sameForecast cannot tell whether they are one forecast, and reads them as two. Undefined
 * when every identity is of one version (or not known).
 *
 * @example identityVersionsDiffer([{ dir: 'old', forecastIdentity: '["forecast:1:a",null]' }, { dir: 'new', forecastIdentity: '["forecast:2:b",null]' }]) // => '"old" and "new" were written by ...'
 */
function identityVersionsDiffer(reports: readonly Pick<ReportHeader, 'dir' | 'forecastIdentity'>[]): string | undefined {
  const known = reports.filter((r) => r.forecastIdentity !== undefined);
  const first = known[0];
  const other = known.find((r) => forecastIdentityVersion(r.forecastIdentity!) !== forecastIdentityVersion(first!.forecastIdentity!));
  if (first === undefined || other === undefined) return undefined;
  return `${quoteReport(first.dir)} and ${quoteReport(other.dir)} were written by different arrcast versions, which tell a forecast apart otherwise (and a report whose scenario names a customer book or pipeline file cannot be told afresh: the report does not hold their data): cannot tell whether they are one forecast, which a row scoring both would score twice`;
}
