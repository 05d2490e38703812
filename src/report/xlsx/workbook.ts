import { writeFile } from 'node:fs/promises';
import { chanceIntervalWords, isKnownChance, type Probability } from '../../analysis/probability.js';
import { someChanceKnown } from '../../analysis/decisions.js';
import { xlsxFile, type XlsxRow, type XlsxSheet } from './xlsx-file.js';
import type { Summary } from '../../analysis/summarize.js';
import { PERCENTILES } from '../../analysis/describe.js';
import { intervalOutsideSample } from '../../analysis/order-statistics.js';
import type { Stat } from '../../analysis/describe.js';
import { COMPONENT_LABELS, METRIC_COMPONENTS, METRIC_LABELS, METRICS } from '../../model/components.js';
import type { Scenario } from '../../scenario/scenario-schema.js';
import { scenarioAssumptions } from '../assumptions.js';
import { fittedNote } from '../fitted-note.js';
import { currencyMark } from '../money.js';
import { summaryParagraph } from '../summary-paragraph.js';
import { forecastTitle } from '../forecast-kind-words.js';
import { cellText, columnAmountFormat, moneyColumn, PERCENT_FORMAT, type MoneyColumn } from './cell-text.js';
import { percentFormat, shareFormats } from './share-format.js';
import { varianceShareCell, varianceShareDecimals, varianceShareFormat } from '../variance-share-format.js';
import { NO_OWN_UNCERTAINTY } from '../no-own-uncertainty.js';
import { sharesPastOneNote } from '../shares-past-one-note.js';
import { fewEffectiveDraws, fewEffectiveDrawsNote } from '../html/reforecast-section.js';
import { negativeShareNote } from '../negative-share-note.js';
import { noDriverVariesWords } from '../no-driver-varies.js';
import { whatMustBeTrueText } from '../summary-table.js';
import { confidenceWords, simulatedYears } from '../confidence-text.js';
import { closedMonthsNote, monthlyPlanRows, planMonthLabel, type PlanFigure } from '../monthly-plan-rows.js';
import { BOOKINGS_NOTE, NEW_ARR_LABEL } from '../bookings-note.js';

/** What a sheet is made of: a header row, then rows of text and numbers, each column with a format. */
export interface SheetData {
  readonly name: string;
  /** Lines above the table (title, convention); the header row follows them and is frozen with them. */
  readonly preamble: readonly string[];
  /** Empty: no table under the preamble (no header row), as when the preamble says there is nothing to list. */
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
  /** Number format of each column ('' for text or plain numbers; a MoneyColumn: each amount's own, amountFormat). */
  readonly formats: ReadonlyArray<string | MoneyColumn>;
  readonly widths: readonly number[];
}

const P_KEYS = PERCENTILES.map((p) => `p${p}` as const);
/** A Stat's cells; its sd 'n/a' from a single trial (not estimable: the sheet's preamble says why). */
const statCells = (s: Stat) => [s.mean, s.sd ?? 'n/a', ...P_KEYS.map((k) => s.percentiles[k])];

/**
 * The sheets of report.xlsx, as plain data (written by writeWorkbook): Summary, Percentiles (by
 * metric, tier and component), Monthly bands, Targets and budgets, Monthly plan (with one), Assumptions, Attribution.
 *
 * Complexity: O(tiers x components + months + targets + drivers).
 */
export function reportSheets(summary: Summary, scenario: Scenario): SheetData[] {
  const symbol = currencyMark(summary.scenario.currency);
  const cur = summary.scenario.currency;
  const money = moneyColumn(cur);
  const stamp = `${simulatedYears(summary.trials)}, seed ${summary.seed}. ${summary.percentileConvention}.`;
  const statHead = ['Mean', 'SD', ...PERCENTILES.map((p) => `P${p}`)];
  const statFormats = (f: string | MoneyColumn) => [f, f, ...PERCENTILES.map(() => f)];

  // One trial: every sd is written n/a; why, once on each sheet that has them.
  // A re-forecast's correlated draws: the note of the terminal and report.html, on each sheet whose
  // 95% intervals take the trials as independent (Targets and budgets, Monthly plan, Attribution).
  const r = summary.reforecast;
  const drawsNote = r !== undefined && fewEffectiveDraws(r) ? [`The re-forecast's posterior draws are correlated: ${fewEffectiveDrawsNote(r, summary.trials)}.`] : [];
  const sdNote = summary.metrics.revenue.notEstimable === undefined ? [] : [`SD written n/a: not estimable (${summary.metrics.revenue.notEstimable}).`];
  const summarySheet: SheetData = {
    name: 'Summary',
    preamble: [forecastTitle(summary), stamp, summaryParagraph(summary), BOOKINGS_NOTE, ...sdNote],
    header: ['Metric', ...statHead],
    // With report.html's headline's new-ARR line under bookings (bookings' new-business component).
    rows: METRICS.flatMap((m) => [
      [METRIC_LABELS[m], ...statCells(summary.metrics[m])],
      ...(m === 'bookings' && summary.byComponent.bookings.newBusiness ? [[`  ${NEW_ARR_LABEL}`, ...statCells(summary.byComponent.bookings.newBusiness)]] : []),
    ]),
    formats: ['', ...statFormats(money)],
    widths: [34, ...statHead.map(() => 14)],
  };

  const pRows: Array<Array<string | number>> = [];
  for (const m of METRICS) {
    pRows.push([METRIC_LABELS[m], 'All tiers', 'Total', ...statCells(summary.metrics[m])]);
    for (const [tier, t] of Object.entries(summary.byTier)) pRows.push([METRIC_LABELS[m], tier, 'Total', ...statCells(t[m])]);
    for (const c of METRIC_COMPONENTS[m]) {
      const s = summary.byComponent[m][c];
      if (s) pRows.push([METRIC_LABELS[m], 'All tiers', COMPONENT_LABELS[c], ...statCells(s)]);
    }
  }
  const percentiles: SheetData = {
    name: 'Percentiles',
    preamble: [`Each metric by tier and by component, ${cur}. ${stamp}`, ...sdNote],
    header: ['Metric', 'Tier', 'Component', ...statHead],
    rows: pRows,
    formats: ['', '', '', ...statFormats(money)],
    widths: [20, 18, 24, ...statHead.map(() => 14)],
  };

  const monthly: SheetData = {
    name: 'Monthly',
    preamble: [`MRR and cumulative recognized revenue by fiscal month, ${cur}. ${stamp}`],
    header: ['Month', 'Fiscal month', 'MRR P10', 'MRR P50', 'MRR P90', 'MRR mean', 'Cumulative revenue P10', 'Cumulative revenue P50', 'Cumulative revenue P90'],
    rows: summary.monthly.map((m) => [
      m.label,
      m.month,
      m.mrr.percentiles.p10,
      m.mrr.percentiles.p50,
      m.mrr.percentiles.p90,
      m.mrr.mean,
      m.cumulativeRevenue.percentiles.p10,
      m.cumulativeRevenue.percentiles.p50,
      m.cumulativeRevenue.percentiles.p90,
    ]),
    formats: ['', '0', money, money, money, money, money, money, money],
    widths: [10, 12, 14, 14, 14, 14, 22, 22, 22],
  };

  // A chance known from the actuals has no interval (KNOWN_CHANCE): empty cells, as a closed month's.
  const chanceInterval = (p: Probability): [number | null, number | null] => (isKnownChance(p) ? [null, null] : [p.interval[0], p.interval[1]]);
  const d = summary.decisions;
  const tRows: Array<Array<string | number | null>> = [];
  // An interval not estimable (too few trials) is written 'n/a' (a text '-' would be written '-,
  // apostrophe and all, against formula injection), and why under the table's title.
  const ends = (i: readonly [number, number] | null) => (i === null ? ['n/a', 'n/a'] : [i[0], i[1]]);
  // A target no trial misses has no gap to give: its cell is empty, as the tables' '-' (not a gap of 0).
  // P10 - target: how far a one-in-ten bad year lands from the target, as the terminal and report.html show it.
  for (const t of d.targets)
    tRows.push(['Target', t.label, t.value, t.probability.value, ...chanceInterval(t.probability), t.shortfall.trialsMissing === 0 ? null : t.shortfall.meanGap, t.p10MinusTarget]);
  if (d.jointProbability) tRows.push(['Target', 'All targets in the same year', null, d.jointProbability.value, ...chanceInterval(d.jointProbability), null, null]);
  const conf = confidenceWords(d.confidence).share;
  for (const m of METRICS) {
    const b = d.budgets.metrics[m];
    tRows.push([`Budget at ${conf} confidence`, METRIC_LABELS[m], b.value, null, ...ends(b.interval), null]);
  }
  for (const m of METRICS) {
    const x = d.downside[m];
    tRows.push(['1-in-10 year (P10)', METRIC_LABELS[m], x.p10.value, null, ...ends(x.p10.interval), null]);
    tRows.push(['1-in-20 year (P5)', METRIC_LABELS[m], summary.metrics[m].percentiles.p5, null, ...ends(summary.metrics[m].percentileIntervals?.p5 ?? null), null]);
    tRows.push(['Mean of the worst 10%', METRIC_LABELS[m], x.worst10Mean, null, ...ends(x.worst10Interval), null]);
    tRows.push(['Mean of the worst 5%', METRIC_LABELS[m], x.worst5Mean, null, ...ends(x.worst5Interval), null]);
  }
  const downsideReasons = [
    ...new Set(
      [
        d.budgets.metrics.revenue.notEstimable ?? [],
        ...METRICS.flatMap((m) => [
          d.downside[m].p10.notEstimable ?? [],
          summary.metrics[m].notEstimable ?? [],
          // The 1-in-20 year's interval, null when it would reach below the lowest trial.
          summary.metrics[m].percentileIntervals !== null && summary.metrics[m].percentileIntervals.p5 === null ? (intervalOutsideSample(summary.trials, 0.05) ?? []) : [],
          d.downside[m].notEstimable ?? [],
        ]),
      ].flat(),
    ),
  ];
  // The interval columns hold money for budgets and the downside, shares for targets: formatted per cell below.
  const targets: SheetData = {
    name: 'Targets and budgets',
    preamble: [
      `Targets (chance of reaching or beating each, ${chanceIntervalWords(someChanceKnown(d, 'targets'))}), budgets and the downside (95% Monte Carlo intervals), ${cur}. ${stamp}`,
      ...(downsideReasons.length > 0 ? [`Intervals written n/a: not estimable (${downsideReasons.join('; ')}).`] : []),
      ...drawsNote,
    ],
    header: ['Figure', 'Of', 'Value', 'P(reach)', '95% interval, low', '95% interval, high', 'Mean gap if missed', 'P10 - target'],
    rows: tRows,
    formats: ['', '', money, PERCENT_FORMAT, money, money, money, money],
    widths: [28, 34, 16, 12, 18, 18, 18, 16],
  };
  const monthlyPlan = monthlyPlanSheet(summary, money, stamp, drawsNote);

  const a = scenarioAssumptions(scenario, symbol);
  const assumptions: SheetData = {
    name: 'Assumptions',
    preamble: ['Every driver of every tier, as the scenario states it; the market loadings.', ...[fittedNote(scenario)].filter((n): n is string => n !== undefined)],
    header: ['Tier', 'Driver', 'Distribution'],
    rows: [...a.tiers.flatMap((t) => t.drivers.map((x) => [t.tier, x.driver, x.description])), ...a.market.map((m) => ['Market', m.driver, m.text])],
    formats: ['', '', ''],
    widths: [18, 30, 90],
  };

  const s = summary.sensitivity;
  // Too few trials for the shares: every figure is written 'n/a', and why in the preamble, once.
  const none = s.notEstimable !== undefined;
  // A negative share that rounds to zero is stored as 0, so that it reads 0.0% as the terminal writes it, not -0.0%.
  const shown = none ? (v: number) => v : varianceShareCell(s);
  // No driver varies from year to year: said in words, as report.html says it, not a header over no rows.
  const noneVaries = noDriverVariesWords(s);
  const attribution: SheetData = {
    name: 'Attribution',
    preamble: [
      none
        ? `What moves recognized revenue: each driver's first-order share of its variance and its tornado bar: not estimable (${s.notEstimable}).`
        : noneVaries !== undefined
        ? `What moves recognized revenue: ${noneVaries}.`
        : `What moves recognized revenue: each driver's first-order share of its variance (95% interval) and its tornado bar (revenue's median at the driver's own P10 and P90). Unexplained (unit-level luck and interactions): ${varianceShareFormat(s)(s.unexplained.value!)}.`,
      // A driver's share below 0, and luck below 0 (the shares add up past 100%): the terminal's and report.html's sentences.
      ...(negativeShareNote(s, s.drivers) === undefined ? [] : [negativeShareNote(s, s.drivers)!]),
      ...(sharesPastOneNote(summary, s) === undefined ? [] : [sharesPastOneNote(summary, s)!]),
      // A re-forecast's learned drivers tied to the market factor: the shares overlap or offset, as the terminal and report.html say (market-overlap.ts).
      ...(!none && s.drivers.length > 0 && summary.reforecast?.attributionOverlap !== undefined ? [summary.reforecast.attributionOverlap] : []),
      // What must be true for each target, in report.html's words and figures (its P50 as the Summary sheet's paragraph writes it).
      ...summary.whatMustBeTrue.map((w) => whatMustBeTrueText(summary, w, symbol)),
      ...(none || noneVaries !== undefined ? [] : drawsNote),
    ],
    header: noneVaries !== undefined ? [] : ['Driver', 'Tier', 'Share of variance', 'Share, low', 'Share, high', 'Revenue at driver P10', 'Revenue at driver P90', 'Swing'],
    rows: s.drivers.map((x) =>
      none
        ? [x.label, x.tier ?? 'All', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']
        : x.ownUncertainty
          ? [x.label, x.tier ?? 'All', shown(x.varianceShare!), shown(x.varianceShareInterval![0]), shown(x.varianceShareInterval![1]), x.low!.metricMedian, x.high!.metricMedian, x.swing]
          : // No own draw: no interval, and no P10 or P90 of its own to set revenue at (the terminal's words).
            [`${x.label} ${NO_OWN_UNCERTAINTY}`, x.tier ?? 'All', 0, null, null, null, null, null],
    ),
    // The terminal's and report.html's decimals (varianceShareDecimals), for the whole column: not
    // each cell's own (shareFormats), which wrote a tiny share 0.000% beside its interval's 0.0%.
    formats: ['', '', ...Array<string>(3).fill(estimateFormat(none ? 1 : varianceShareDecimals(s))), money, money, money],
    widths: [34, 14, 16, 12, 12, 20, 20, 16],
  };
  return [summarySheet, percentiles, monthly, targets, ...(monthlyPlan ? [monthlyPlan] : []), assumptions, attribution];
}

/**
 * The Monthly plan sheet (the scenario's `targets.monthly`): per fiscal month, each plan series
 * given, its planned amount and P(figure >= plan) with its 95% interval (CHANCE_INTERVAL), all numbers. A
 * re-forecast's closed months are marked (actual), their intervals left empty. Undefined without a plan.
 *
 * Complexity: O(months).
 */
function monthlyPlanSheet(summary: Summary, money: MoneyColumn, stamp: string, drawsNote: readonly string[]): SheetData | undefined {
  const plan = monthlyPlanRows(summary);
  if (!plan) return undefined;
  const header = ['Month', 'Fiscal month'];
  const formats: Array<string | MoneyColumn> = ['', '0'];
  const widths = [14, 12];
  const series = [
    ...(plan.mrr ? [{ key: 'mrr', plan: 'Planned MRR', p: 'P(MRR >= plan)' } as const] : []),
    ...(plan.cumulativeRevenue ? [{ key: 'cumulativeRevenue', plan: 'Planned cumulative revenue', p: 'P(cumulative >= plan)' } as const] : []),
  ];
  for (const x of series) {
    header.push(x.plan, x.p, '95% interval, low', '95% interval, high');
    formats.push(moneyColumn(money.currency, 'plan'), PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT);
    widths.push(x.key === 'mrr' ? 16 : 26, 22, 18, 18);
  }
  const cells = (f: PlanFigure | undefined, closed: boolean) =>
    f === undefined ? [null, null, null, null] : [f.plan, f.probability.value, closed ? null : f.probability.interval[0], closed ? null : f.probability.interval[1]];
  const note = closedMonthsNote(plan);
  return {
    name: 'Monthly plan',
    preamble: [
      `The monthly plan: the chance that each fiscal month's MRR, and the recognized revenue from the start of the year to the month's end, reach or beat the plan (${chanceIntervalWords(plan.rows.some((r) => r.closed))}), ${summary.scenario.currency}. ${stamp}`,
      ...(note === undefined ? [] : [note]),
      ...drawsNote,
    ],
    header,
    rows: plan.rows.map((r) => [planMonthLabel(r), r.month, ...series.flatMap((x) => cells(r[x.key], r.closed))]),
    formats,
    widths,
  };
}

/**
 * A row's percentages with the decimals each needs (shareFormats): every run of adjacent
 * percentage cells (a share alone, or a share and its interval's two ends) formatted together.
 */
function withShareFormats(cells: Array<{ value: string | number; format?: string } | null>): Array<{ value: string | number; format?: string } | null> {
  const out = [...cells];
  for (let i = 0; i < out.length; ) {
    let j = i;
    while (j < out.length && out[j]?.format === PERCENT_FORMAT) j++;
    if (j === i) {
      i++;
      continue;
    }
    const formats = shareFormats(out.slice(i, j).map((c) => c!.value as number));
    for (let k = i; k < j; k++) out[k] = { ...out[k]!, format: formats[k - i]! };
    i = j;
  }
  return out;
}

/**
 * The Excel format of an estimated share at `decimals` decimals: as percentFormat writes it, with
 * its negative section spelt out, so that it is not PERCENT_FORMAT and withShareFormats leaves it.
 */
const estimateFormat = (decimals: number) => `${percentFormat(decimals)};-${percentFormat(decimals)}`;

/** A target's row: its interval columns hold shares, not money, and its value is stated (the target's amount, as typed). */
const shareRow = (sheet: SheetData, row: ReadonlyArray<string | number | null>) => sheet.name === 'Targets and budgets' && row[0] === 'Target';

/**
 * Sheets as an .xlsx file's worksheets: the preamble and header rows frozen (and the first column),
 * the header bold, money and percentages formatted, column widths set, every text cell neutralised
 * against formula injection (cellText), each preamble line merged across the table and wrapped.
 */
export function workbookSheets(sheets: readonly SheetData[]): XlsxSheet[] {
  return sheets.map((sheet) => {
    const rows: XlsxRow[] = [];
    // Preamble lines span the table's width and wrap, so a long one (the paragraph) reads whole.
    const span = sheet.widths.reduce((a, w) => a + w, 0);
    for (const line of sheet.preamble)
      rows.push({ cells: [{ value: cellText(line) }], style: 'wrap', height: 15 * Math.max(1, Math.ceil((line.length * 1.1) / span)), mergeAcross: sheet.header.length || sheet.widths.length });
    if (sheet.header.length > 0) rows.push({ cells: sheet.header.map((h) => ({ value: cellText(h) })), style: 'bold' });
    for (const r of sheet.rows) {
      const share = shareRow(sheet, r);
      const cells = r.map((v, i) => {
        if (typeof v === 'string') return { value: cellText(v) };
        if (v === null || !Number.isFinite(v)) return null;
        const column = share && i >= 3 && i <= 5 ? PERCENT_FORMAT : sheet.formats[i];
        const format = typeof column === 'object' ? columnAmountFormat(v, share && i === 2 ? moneyColumn(column.currency, 'target') : column) : column;
        return format ? { value: v, format } : { value: v };
      });
      rows.push({ cells: withShareFormats(cells) });
    }
    return { name: sheet.name, widths: sheet.widths, frozenRows: sheet.preamble.length + (sheet.header.length > 0 ? 1 : 0), frozenColumns: 1, rows };
  });
}

/**
 * Write sheets to an .xlsx file (xlsx-file.ts): the same sheets give the same bytes.
 *
 * Complexity: O(cells).
 */
export async function writeWorkbook(file: string, sheets: readonly SheetData[]): Promise<void> {
  await writeFile(file, xlsxFile(workbookSheets(sheets), 'arrcast'));
}
