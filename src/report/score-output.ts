import { toFixedDecimal } from '../math/decimal-round.js';
import { groupThousands } from '../math/group-thousands.js';
import { chartFigure, pageHead } from './html/page-head.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { METRIC_LABELS, type Metric } from '../model/components.js';
import type { ScoredOutcome, ScoreGroup, ScoreResult } from '../scoring/score-forecasts.js';
import type { ReportTrials } from './read-report-trials.js';
import { writeDirectoryAtomically } from './atomic-dir.js';
import { prepareOutputDir, recheckOutputDir } from './output-dir.js';
import { FOREIGN_ENTRIES } from './output-entries.js';
import { SCORE_FILES } from './score-files.js';
import { csvField, csvNumber } from './csv-field.js';
import { renderChart, type ChartRenderer } from './render-chart.js';
import { calibrationSpec, pitHistogramSpec } from './charts/score-charts.js';
import { escapeHtml } from './html/escape.js';
import { gridTable } from './html/tables.js';
import { bareCurrency, belowMinorUnit, formatCurrency, formatShare, writtenMoneyDecimals } from './money.js';
import { quoteText } from '../scenario/display-text.js';
import { notScoredReason } from '../scoring/not-scored.js';
import { quoteReport } from '../scoring/outcomes-file.js';

export { SCORE_FILES };

/** How the scores are computed, in words: in score.json and on the page. */
export const SCORE_METHODS = {
  pit: 'mid-rank: (#{trials below the outcome} + ½ #{trials equal to it}) / trials; deterministic (not randomised). The histogram, calibration curve and KS test spread each outcome evenly over [#{below} / trials, #{at or below} / trials] (the non-randomised PIT of Czado, Gneiting & Held 2009): an outcome no trial ties with is its point; one every trial equals counts as uniform',
  crps: 'sample CRPS, (1/n) Σ|x_i − y| − (1/(2n²)) Σ_i Σ_j |x_i − x_j|, the energy form of Gneiting & Raftery (2007, eq. 21) on the trials (the edf convention of scoringRules), computed as the equal ∫(F_n − 1{y ≤ x})² over the gaps between the sorted trials, in O(n log n) by sorting; in the currency, lower is better',
  pinball: 'quantile loss at P10, P50, P90 (type-7 percentiles of the trials): τ (y − q) when y ≥ q, (1 − τ)(q − y) below',
  intervalScore: 'interval score of P10-P90 (Gneiting & Raftery 2007, eq. 43, alpha 0.2): (P90 − P10) + 10 (P10 − y) when y < P10, + 10 (y − P90) when y > P90; in the currency, lower is better: a narrow band is rewarded only while outcomes stay inside it',
  coverage: 'share of outcomes within [P10, P90], nominal 80%, binomial standard error at 80%; an outcome that ties with trials counts the share of its PIT range within [0.1, 0.9] (one every trial equals: 0.8), so the count may be a fraction; too narrow (too wide) when fewer (more) are inside than a calibrated forecast gives 97.5% of the time (exact binomial), a fraction only when a whole outcome past that band',
  ks: 'Kolmogorov-Smirnov test of the PITs against uniform (p-value exact up to 100 outcomes when no outcome ties with trials, Marsaglia, Tsang & Wang 2003, its far tail by Birnbaum & Tingey 1951; above, asymptotic, Stephens 1970). When outcomes tie with trials (forecasts of counts, re-forecasts of closed months) the p-value is too high, not exact: the test then errs toward calling forecasts calibrated (honest forecasts of counts were rejected at 5% in none of 200 tries, where 10 are due); a low p still means miscalibration. Little power under about 20 outcomes',
} as const;

/** Resolve and check `--out` for a score (new, empty, or an earlier score and nothing else); returns the path to write. */
export function prepareScoreDir(out: string): Promise<string> {
  return prepareOutputDir(out, 'score', FOREIGN_ENTRIES.score);
}

/**
 * score.json's version. 2 (December 2026): each outcome's scoredValue, pitLow, pitHigh, intervalScore80 and insideShareP10P90,
 * from which the groups' histogram, calibration curve, KS test and coverage are reproduced;
 * coverage counts ties as shares (its inside may be a fraction) and states its verdict; the
 * groups' fractional figures rounded to 6 decimals.
 */
export const SCORE_VERSION = 2;

/** A group's figures as score.json writes them: the fractions that ties give rounded to 6 decimals (2.4, not 2.400000000000001). */
function roundedGroup(g: ScoreGroup): ScoreGroup {
  const r6 = (x: number) => (Number.isFinite(x) ? Number(toFixedDecimal(x, 6)) + 0 : x);
  return {
    ...g,
    coverage: { ...g.coverage, inside: r6(g.coverage.inside), share: r6(g.coverage.share), standardError: r6(g.coverage.standardError) },
    pitHistogram: g.pitHistogram.map(r6),
    calibration: g.calibration.map((p) => ({ level: p.level, observed: r6(p.observed), standardError: r6(p.standardError) })),
  };
}

/** score.json's content. */
export function scoreJson(result: ScoreResult, reports: readonly ReportTrials[]): unknown {
  return {
    tool: { name: 'arrcast', scoreVersion: SCORE_VERSION },
    percentileConvention: 'Px = x% chance of coming in below',
    methods: SCORE_METHODS,
    reports: reports.map((r) => ({ dir: r.dir, scenario: r.scenarioName, hash: r.scenarioHash, currency: r.currency, trials: r.trials, source: r.source })),
    outcomes: result.outcomes.map((o) => ({
      report: reports[o.report]!.dir,
      tier: o.tier ?? 'total',
      metric: o.metric,
      value: o.value,
      scoredValue: o.scoredValue,
      trials: o.n,
      pit: o.pit,
      pitLow: o.pitRange[0],
      pitHigh: o.pitRange[1],
      crps: o.crps,
      p10: o.p10,
      p50: o.p50,
      p90: o.p90,
      pinball10: o.pinball10,
      pinball50: o.pinball50,
      pinball90: o.pinball90,
      intervalScore80: o.intervalScore80,
      insideP10P90: o.inside80,
      insideShareP10P90: o.insideShare80,
    })),
    all: roundedGroup(result.all),
    byMetric: Object.fromEntries(Object.entries(result.byMetric).map(([m, g]) => [m, roundedGroup(g)])),
    // A report whose total the file could not give: said here, not left to be inferred from a missing row.
    notScored: result.notScored.map((t) => ({
      report: reports[t.report]!.dir,
      metrics: t.metrics,
      tiers: [...t.tiers, 'total'],
      missingTiers: t.missingTiers,
      missingColumns: t.missingColumns,
      reason: notScoredReason(t, quoteText),
    })),
  };
}

/**
 * One sentence per report's figures not scored (NotScored: a total without all its tiers, a metric
 * without all its columns), for the terminal and score.html: their rows are absent, and this says why.
 */
export function notScoredNotes(result: ScoreResult, reports: readonly Pick<ReportTrials, 'dir'>[]): string[] {
  return result.notScored.map((t) => `Report ${quoteReport(reports[t.report]!.dir)}: ${notScoredReason(t, quoteText)}.`);
}

/**
 * score.csv: one row per outcome scored, then one row without figures per figure not scored (each
 * tier and the total of each metric a NotScored names), its reason in the last column `not_scored`;
 * money as scoreCsvMoney writes it, the currency (its code) in the column before `not_scored` (empty
 * in a row without figures), so that the columns before it keep their places;
 * every text cell through csvField, numbers through csvNumber.
 */
export function scoreCsv(result: ScoreResult, reports: readonly ReportTrials[]): string {
  const head = ['report', 'scenario', 'tier', 'metric', 'value', 'scored_value', 'trials', 'pit', 'pit_low', 'pit_high', 'crps', 'p10', 'p50', 'p90', 'pinball10', 'pinball50', 'pinball90', 'inside_p10_p90', 'inside_share_p10_p90', 'interval_score_80', 'currency', 'not_scored'];
  const lines = [head.map(csvField).join(',')];
  for (const o of result.outcomes) {
    const r = reports[o.report]!;
    const money = scoreCsvMoney(r.currency);
    lines.push(
      [
        csvField(r.dir),
        csvField(r.scenarioName),
        csvField(o.tier ?? 'total'),
        csvField(o.metric === 'endingArr' ? 'ending_arr' : o.metric),
        money(o.value),
        money(o.scoredValue),
        csvNumber(o.n, 0),
        csvNumber(o.pit, 6),
        csvNumber(o.pitRange[0], 6),
        csvNumber(o.pitRange[1], 6),
        money(o.crps),
        money(o.p10),
        money(o.p50),
        money(o.p90),
        money(o.pinball10),
        money(o.pinball50),
        money(o.pinball90),
        csvNumber(o.inside80 ? 1 : 0, 0),
        csvNumber(o.insideShare80, 6),
        money(o.intervalScore80),
        csvField(r.currency),
        '',
      ].join(','),
    );
  }
  // A figure the file could not give (a total without all the tiers, a metric without all its
  // columns): its rows, without figures, and why (the last column).
  for (const t of result.notScored) {
    const r = reports[t.report]!;
    const reason = notScoredReason(t, quoteText);
    for (const m of t.metrics)
      for (const tier of [...t.tiers, 'total'])
        lines.push([csvField(r.dir), csvField(r.scenarioName), csvField(tier), csvField(m === 'endingArr' ? 'ending_arr' : m), ...Array<string>(head.length - 5).fill(''), csvField(reason)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * How score.csv writes an amount: to the cent at least, as it always did (a yen CRPS of 0.42 is 0.42,
 * not 0), to the minor unit where it has more (KWD's fils: 0.0405 is 0.041, was 0.04), and an amount
 * that would read as zero there with three significant digits, as the terminal keeps them ($0.0042
 * is 0.0042, never 0).
 *
 * @example scoreCsvMoney('JPY')(0.4242) // => '0.42'
 */
export function scoreCsvMoney(currency: string): (x: number) => string {
  const decimals = writtenMoneyDecimals(currency);
  return (x) => {
    if (!Number.isFinite(x) || !belowMinorUnit(Math.abs(x), decimals)) return csvNumber(x, decimals);
    // The decimals that give three significant digits: 0.0042 (leading digit at 10^-3) takes 5.
    return csvNumber(x, 2 - Math.floor(Math.log10(Math.abs(x))));
  };
}

/** A share as every output writes one (formatShare): a PIT of 0.99967 is 99.97%, not 100.0% (above every trial). */
const share = (x: number) => (Number.isFinite(x) ? formatShare(x) : '–');

/**
 * How the score's tables write an amount of the reports' currency (its ISO code: the digits are
 * Intl's for it): every unit it is kept to, as an outcome is read against its P10, P50 and P90: from
 * 1,000 up every whole unit, grouped (87,047,024), below to the currency's minor unit (a CRPS of $0.4
 * is 0.40, KWD 0.0412 is 0.041, ¥43.3 is 43, where whole units wrote 0, 0 and 43), and an amount
 * below the minor unit with its significant digits, as every output writes one (formatCurrency:
 * -$0.004 is -0.00400, never 0). The tables name the currency in their headings. `none` is what a
 * non-finite amount is written as.
 *
 * @example scoreAmount('USD')(40.723) // => '40.72'
 */
export function scoreAmount(currency: string, none = '–'): (x: number) => string {
  const mark = bareCurrency(currency);
  return (x) => {
    if (!Number.isFinite(x)) return none;
    if (Math.abs(x) >= 1000) return (Number(toFixedDecimal(x, 0)) + 0).toLocaleString('en-US');
    if (belowMinorUnit(Math.abs(x), mark.minorDigits)) return formatCurrency(x, mark);
    // 999.996 at the cent is 1,000.00: grouped as the figures from 1,000 up.
    return groupThousands(toFixedDecimal(x, mark.minorDigits).replace(/^-(?=[0.]*$)/, ''));
  };
}

/** The reports' currency as the score's headings name it (one currency: score refuses two; '' in a report that gave none). */
export const scoreCurrency = (reports: readonly Pick<ReportTrials, 'currency'>[]): string => reports[0]?.currency || 'the reports\' currency';

/** A count of outcomes inside, which ties make a fraction: whole as it is, else to 2 decimals (19.2, not 19.200000000000003). */
export const insideCount = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(toFixedDecimal(x, 2))));

/**
 * The outcome as it was scored (at the precision of the report's trials), and the figure given
 * beside it when that reads otherwise: `87,047,024 (given 87,047,021)`, so that a P10 = P50 = P90 of
 * 87,047,024 and a PIT of 50% are not read against 87,047,021.
 */
export function outcomeShown(o: ScoredOutcome, amount: (x: number) => string): string {
  const scored = amount(o.scoredValue);
  const given = amount(o.value);
  return scored === given ? scored : `${scored} (given ${given})`;
}

/** The note the terminal and score.html print with the outcomes when one reads `(given ...)` (outcomeShown). */
export function scoredValueNote(result: ScoreResult, amount: (x: number) => string): string | undefined {
  return result.outcomes.some((o) => outcomeShown(o, amount) !== amount(o.value))
    ? "An outcome is scored as the report stores its trials (a tier's figure as float32, about 7 significant digits, and the digits written; a company figure to the cent): 'given' is the figure the --actuals file gives."
    : undefined;
}

/**
 * An outcome's "inside P10-P90" cell as the coverage counts it: yes, no, or where it ties with
 * trials the share of its PIT range inside ("0.8 (tie)"), so the column sums to the count the
 * verdict reads (19.2 of 24 beside 24 rows of "yes" read as a contradiction).
 */
export function insideCell(o: ScoredOutcome): string {
  return o.insideShare80 === 1 ? 'yes' : o.insideShare80 === 0 ? 'no' : `${insideCount(o.insideShare80)} (tie)`;
}

/** The score in one sentence per group: coverage against 80%, and the KS test of the PITs. */
export function scoreParagraph(result: ScoreResult): string {
  const g = result.all;
  const c = g.coverage;
  const [lo, hi] = c.calibratedRange;
  const verdict = c.verdict === 'too narrow' ? 'fewer than a calibrated forecast gives: the bands were too narrow' : c.verdict === 'too wide' ? 'more than a calibrated forecast gives: the bands were too wide' : 'as a calibrated forecast gives';
  const ties = Number.isInteger(c.inside) ? '' : ' (outcomes that tie with trials count the share of their PIT range inside)';
  return `${g.outcomes} outcome${g.outcomes === 1 ? '' : 's'} scored. ${insideCount(c.inside)} of them (${share(c.share)}) fell inside their forecast's P10-P90${ties}, ${verdict} (${lo === hi ? lo : `${lo} to ${hi}`} of ${g.outcomes} 95% of the time, nominal 80%). The PITs against uniform: KS D = ${toFixedDecimal(g.ks.d, 3)}, p = ${toFixedDecimal(g.ks.pValue, 3)}${g.outcomes < 20 ? ' (with under 20 outcomes the test tells little)' : ''}.`;
}

function groupRow(label: string, g: ScoreGroup, amount: (x: number) => string): string[] {
  return [label, String(g.outcomes), amount(g.meanCrps), amount(g.meanPinball10), amount(g.meanPinball50), amount(g.meanPinball90), amount(g.meanIntervalScore80), share(g.coverage.share), toFixedDecimal(g.ks.pValue, 3)];
}

/** score.html: a self-contained page (no script, nothing fetched): the verdict, the tables and both charts. */
export function scoreHtml(result: ScoreResult, reports: readonly ReportTrials[], charts: ReadonlyArray<{ name: string; caption: string; svg: string }>): string {
  const e = escapeHtml;
  const amount = scoreAmount(reports[0]?.currency ?? '');
  const cur = scoreCurrency(reports);
  const groups = gridTable(
    `Scores by metric across reports and tiers: mean CRPS, pinball losses and interval score of P10-P90 in ${cur} (lower is better), coverage of P10-P90 (nominal 80%), KS p-value of the PITs.`,
    ['Metric', 'Outcomes', 'Mean CRPS', 'Pinball P10', 'Pinball P50', 'Pinball P90', 'Interval score P10-P90', 'Inside P10-P90', 'KS p'],
    [...(Object.entries(result.byMetric) as Array<[Metric, ScoreGroup]>).map(([m, g]) => groupRow(METRIC_LABELS[m], g, amount)), groupRow('All', result.all, amount)],
    1,
  );
  const outcomes = gridTable(
    `Each outcome against its forecast, amounts in ${cur}. PIT: the forecast percentile the outcome fell at. Px = x% chance of coming in below.${scoredValueNote(result, amount) === undefined ? '' : ` ${scoredValueNote(result, amount)}`}`,
    ['Report, tier, metric', 'Outcome', 'P10', 'P50', 'P90', 'PIT', 'CRPS', 'Inside'],
    result.outcomes.map((o) => [`${reports[o.report]!.dir} · ${o.tier ?? 'total'} · ${METRIC_LABELS[o.metric]}`, outcomeShown(o, amount), amount(o.p10), amount(o.p50), amount(o.p90), share(o.pit), amount(o.crps), insideCell(o)]),
    1,
  );
  const sources = gridTable(
    'The forecasts scored.',
    ['Report', 'Scenario', 'Trials', 'Values from'],
    reports.map((r) => [r.dir, r.scenarioName, r.trials.toLocaleString('en-US'), r.source]),
    2,
  );
  const figures = charts.map((ch) => chartFigure(ch)).join('\n');
  const methods = Object.entries(SCORE_METHODS)
    .map(([k, v]) => `<li><strong>${e(k.toUpperCase())}</strong>: ${e(v)}</li>`)
    .join('\n');
  return `${pageHead('Forecast scores')}
<body>
<h1>Forecast scores</h1>
<p>${e(scoreParagraph(result))}</p>
${notScoredNotes(result, reports).map((t) => `<p class="note"><strong>Not scored.</strong> ${e(t)}</p>\n`).join('')}${groups}
${figures}
${outcomes}
${sources}
<h2>Methods</h2>
<ul>
${methods}
</ul>
</body>
</html>
`;
}

/**
 * Write score.json, score.csv, score.html and the two charts (Vega-Lite spec and SVG each) into
 * `dir` (resolved by prepareScoreDir), whole or not at all (report/atomic-dir.ts).
 */
export async function writeScore(dir: string, result: ScoreResult, reports: readonly ReportTrials[], options: { readonly renderChart?: ChartRenderer; readonly signal?: AbortSignal; readonly onStep?: (step: string) => Promise<void> | void } = {}): Promise<void> {
  const render = options.renderChart ?? renderChart;
  const specs = [
    { name: 'pit-histogram', spec: pitHistogramSpec(result), specFile: SCORE_FILES.pitSpec, svgFile: SCORE_FILES.pitSvg, caption: 'PIT histogram across reports and tiers: flat when the forecasts were calibrated.' },
    { name: 'calibration', spec: calibrationSpec(result), specFile: SCORE_FILES.calibrationSpec, svgFile: SCORE_FILES.calibrationSvg, caption: 'Share of outcomes below each forecast percentile, against the diagonal of a calibrated forecast.' },
  ];
  await writeDirectoryAtomically(
    dir,
    async (tmp, checkpoint) => {
      await writeFile(join(tmp, SCORE_FILES.json), `${JSON.stringify(scoreJson(result, reports), null, 2)}\n`);
      await writeFile(join(tmp, SCORE_FILES.csv), scoreCsv(result, reports));
      await checkpoint(SCORE_FILES.csv);
      const charts: Array<{ name: string; caption: string; svg: string }> = [];
      for (const c of specs) {
        await writeFile(join(tmp, c.specFile), `${JSON.stringify(c.spec, null, 2)}\n`);
        const { svg, warnings } = await render(c.spec);
        const errors = warnings.filter((w) => w.startsWith('error:'));
        if (errors.length > 0) throw new Error(`the ${c.name} chart did not render: ${errors.join('; ')}`);
        await writeFile(join(tmp, c.svgFile), svg);
        await checkpoint(c.svgFile);
        charts.push({ name: c.name, caption: c.caption, svg });
      }
      await writeFile(join(tmp, SCORE_FILES.html), scoreHtml(result, reports, charts));
      await checkpoint(SCORE_FILES.html);
    },
    { kind: 'score', signal: options.signal, onStep: options.onStep, recheck: () => recheckOutputDir(dir, 'score', FOREIGN_ENTRIES.score) },
  );
}
